namespace DockerDsl.Core.Tests.Lint;

public class KeyValueFormatRuleTests
{
    [Theory]
    [InlineData("ENV HOME /home/app", "'ENV key value' is the legacy format; write 'ENV HOME=<value>'")]
    [InlineData("env HOME /home/app", "'env key value' is the legacy format; write 'env HOME=<value>'")]
    [InlineData("LABEL maintainer team@example.com", "'LABEL key value' is the legacy format; write 'LABEL maintainer=<value>'")]
    [InlineData("ENV GREETING hello world", "'ENV key value' is the legacy format; write 'ENV GREETING=<value>'")]
    public void The_form_without_equals_is_found(string instruction, string message)
    {
        Assert.Equal(new[] { message }, Lints.Messages("DDSL037", "FROM scratch\n" + instruction + "\n"));
    }

    [Theory]
    [InlineData("ENV HOME=/home/app")]
    [InlineData("ENV A=1 B=2")]
    [InlineData("LABEL a=\"b c\"")]
    [InlineData("ARG VERSION=1")]
    public void Key_value_pairs_with_equals_are_fine(string instruction)
    {
        Assert.Empty(Lints.Lines("DDSL037", "FROM scratch\n" + instruction + "\n"));
    }

    [Fact]
    public void Only_the_stages_a_build_reaches_are_checked()
    {
        var text = "FROM scratch AS unused\nENV A 1\nFROM scratch\nLABEL b 2\n";

        Assert.Equal(new[] { 4 }, Lints.Lines("DDSL037", text, new DockerDsl.Core.Lint.LintOptions { FinalStageOnly = true }));
    }
}

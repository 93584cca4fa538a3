using DockerDsl.Core.Emit;

namespace DockerDsl.Core.Tests.Emit;

public class QuotingTests
{
    [Theory]
    [InlineData("plain", '\\')]
    [InlineData("", '\\')]
    [InlineData("with \"quotes\" and \\ and $HOME", '\\')]
    [InlineData("C:\\path with `tick` and \"q\"", '`')]
    [InlineData("trailing escape \\", '\\')]
    public void Unquoted_reverses_DoubleQuoted(string value, char escape) =>
        Assert.Equal(value, Quoting.Unquoted(Quoting.DoubleQuoted(value, escape, expand: false), escape));

    [Theory]
    [InlineData("unquoted")]
    [InlineData("\"open")]
    [InlineData("\"a\"b\"")]
    [InlineData("\"$live\"")]
    [InlineData("\"dangling \\\"")]
    [InlineData("\"\\n\"")]
    public void Unquoted_refuses_words_DoubleQuoted_does_not_write(string word) =>
        Assert.Null(Quoting.Unquoted(word, '\\'));
}

namespace DockerDsl.Core.Tests.Lint;

public class EmptyContinuationRuleTests
{
    [Fact]
    public void An_empty_continuation_line_is_found_on_the_instructions_last_line()
    {
        var text = "FROM alpine:3.20\nRUN echo a \\\n\n    && echo b \\\n\n    && echo c\n";

        Assert.Equal(new[] { 6 }, Lints.Lines("DDSL033", text));
    }

    [Fact]
    public void Comment_lines_inside_a_continuation_are_fine()
    {
        Assert.Empty(Lints.Lines("DDSL033", "FROM alpine:3.20\nRUN echo a \\\n# why\n    && echo b\n"));
    }

    [Fact]
    public void It_is_found_before_an_instruction_BuildKit_refuses()
    {
        var result = Lints.Of("FROM alpine:3.20\nRUN echo a \\\n\n    && echo b\nNOPE x\n");

        Assert.Equal(5, result.Error!.Line);
        Assert.Contains(result.Findings, f => f.Rule.Id == "DDSL033" && f.Source.Line == 4);
    }
}

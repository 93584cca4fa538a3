namespace DockerDsl.Core.Tests.Lint;

public class StageNameRuleTests
{
    [Fact]
    public void A_later_stage_with_an_earlier_name_is_found_in_any_case()
    {
        var text = "FROM alpine:3.20 AS build\nFROM alpine:3.20 AS test\nFROM alpine:3.20 AS Build\n";

        Assert.Equal(new[] { "Stage name 'build' is used by an earlier stage too; give each stage its own name" }, Lints.Messages("DDSL034", text));
        Assert.Equal(new[] { 3 }, Lints.Lines("DDSL034", text));
    }

    [Fact]
    public void Unnamed_stages_are_not_duplicates()
    {
        Assert.Empty(Lints.Lines("DDSL034", "FROM alpine:3.20\nFROM alpine:3.20\n"));
    }

    [Theory]
    [InlineData("scratch")]
    [InlineData("context")]
    [InlineData("Context")]
    public void Reserved_names_are_found(string name)
    {
        Assert.Equal(new[] { $"Stage name '{name.ToLowerInvariant()}' is reserved; choose another name" }, Lints.Messages("DDSL035", $"FROM alpine:3.20 AS {name}\n"));
    }

    [Fact]
    public void Other_names_are_not_reserved()
    {
        Assert.Empty(Lints.Lines("DDSL035", "FROM scratch AS scratchpad\nFROM scratch AS contexts\n"));
    }
}

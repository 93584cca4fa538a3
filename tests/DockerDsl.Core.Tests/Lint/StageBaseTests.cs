using DockerDsl.Core.Lint;

namespace DockerDsl.Core.Tests.Lint;

/// <summary>A FROM names a stage when its expanded word equals the stage's name in lower case, as BuildKit decides it.</summary>
public class StageBaseTests
{
    private const string ByArgument = "ARG BASE=build\nFROM scratch AS build\nWORKDIR /app\nCOPY $x /x\nFROM $BASE\nWORKDIR sub\n";

    [Fact]
    public void A_from_whose_expanded_word_is_a_stage_builds_on_it()
    {
        // The relative WORKDIR is relative to the stage's /app, and the build reaches the stage.
        Assert.Empty(Lints.Lines("DDSL008", ByArgument));
        Assert.Equal(new[] { 4 }, Lints.Lines("DDSL036", ByArgument, new LintOptions { FinalStageOnly = true }));
    }

    [Fact]
    public void A_build_arg_can_make_it_an_image()
    {
        var options = new LintOptions { FinalStageOnly = true, BuildArgs = new System.Collections.Generic.Dictionary<string, string> { ["BASE"] = "alpine:3.20" } };

        Assert.Equal(new[] { 6 }, Lints.Lines("DDSL008", ByArgument, options));
        Assert.Empty(Lints.Lines("DDSL036", ByArgument, options));
    }

    [Fact]
    public void A_from_in_another_case_than_the_stage_is_an_image()
    {
        var text = "FROM scratch AS build\nWORKDIR /app\nFROM Build\nWORKDIR sub\n";

        Assert.Equal(new[] { 4 }, Lints.Lines("DDSL008", text));
        Assert.Equal(new[] { 3 }, Lints.Lines("DDSL038", text));
    }

    [Fact]
    public void A_from_names_the_latest_stage_of_that_name()
    {
        var text = "FROM scratch AS base\nFROM scratch AS base\nWORKDIR /app\nFROM base\nWORKDIR sub\n";

        Assert.Empty(Lints.Lines("DDSL008", text));
    }
}

using System.Linq;
using DockerDsl.Core.Lint;

namespace DockerDsl.Core.Tests.Lint;

/// <summary>Messages name an unnamed stage as BuildKit's build output does, by its position in the file, whichever stages a target reaches.</summary>
public class StageLabelTests
{
    [Fact]
    public void An_unnamed_stage_is_stage_N_by_its_position_in_the_file()
    {
        const string text = "FROM debian:bookworm-slim AS base\nFROM alpine:3.20\nFROM base\nCMD [\"a\"]\nCMD [\"b\"]\n";

        var all = DockerfileLinter.Lint("Dockerfile", text, LintOptions.Default);
        var final = DockerfileLinter.Lint("Dockerfile", text, new LintOptions { FinalStageOnly = true });

        Assert.Contains(all.Findings, f => f.Rule.Id == "DDSL007" && f.Message.Contains("'stage-2'"));
        Assert.Contains(final.Findings, f => f.Rule.Id == "DDSL001" && f.Message.Contains("'stage-2'"));
        Assert.DoesNotContain(all.Findings.Concat(final.Findings), f => f.Message.Contains("''"));
    }
}

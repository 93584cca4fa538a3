using System.Linq;
using DockerDsl.Core.Rules;
using DockerDsl.Core.Text;

namespace DockerDsl.Core.Tests.Rules;

/// <summary>DDSL048 and DDSL049 on Dockerfile text; the declaration pages' examples run them on C# (DocumentationTests).</summary>
public class SourceDateEpochRulesTests
{
    [Theory]
    // What Go's strconv.ParseInt(v, 10, 64) reads: BuildKit takes it.
    [InlineData("1796129968", false)]
    [InlineData("0", false)]
    [InlineData("+1796129968", false)]
    [InlineData("-1", false)]
    [InlineData("\"1796129968\"", false)]
    [InlineData("'1796129968'", false)]
    [InlineData("9223372036854775807", false)]
    // What it refuses: BuildKit ignores it.
    [InlineData("2026-12-01", true)]
    [InlineData("1.5", true)]
    [InlineData("\"\"", true)]
    [InlineData("9223372036854775808", true)]
    [InlineData("now", true)]
    [InlineData("0x10", true)]
    // The build's value: not judged.
    [InlineData("$EPOCH", false)]
    [InlineData("${EPOCH:-1}", false)]
    // Frontend 1.24's special values, at global scope.
    [InlineData("context", false)]
    [InlineData("build", false)]
    [InlineData("BUILD", false)]
    public void A_global_default_BuildKit_cannot_read_is_DDSL048(string value, bool reported)
    {
        var model = DockerfileReader.Read("Dockerfile", $"ARG SOURCE_DATE_EPOCH={value}\nFROM debian:bookworm-slim AS build\n").Model;

        var findings = SourceDateEpochRules.InvalidDefault(model).ToList();

        Assert.Equal(reported ? 1 : 0, findings.Count);
        Assert.All(findings, f => Assert.Equal(1, f.Source.Line));
    }

    [Theory]
    [InlineData("FROM debian:bookworm-slim AS build\nARG SOURCE_DATE_EPOCH=context\n", true)]
    [InlineData("FROM debian:bookworm-slim AS build\nARG SOURCE_DATE_EPOCH=soon\n", true)]
    [InlineData("FROM debian:bookworm-slim AS build\nARG SOURCE_DATE_EPOCH=1796129968\n", false)]
    [InlineData("FROM debian:bookworm-slim AS build\nARG SOURCE_DATE_EPOCH\n", false)]
    [InlineData("ARG source_date_epoch=soon\nFROM debian:bookworm-slim\n", false)]
    [InlineData("ARG OTHER=soon\nFROM debian:bookworm-slim\n", false)]
    public void In_a_stage_only_a_number_is_an_epoch_and_other_names_are_not_judged(string dockerfile, bool reported)
    {
        var model = DockerfileReader.Read("Dockerfile", dockerfile).Model;

        Assert.Equal(reported ? 1 : 0, SourceDateEpochRules.InvalidDefault(model).Count());
    }

    [Theory]
    [InlineData("FROM debian:bookworm-slim AS build\nARG SOURCE_DATE_EPOCH=1796129968\n", "build", "1796129968")]
    [InlineData("FROM debian:bookworm-slim\nARG A=1 SOURCE_DATE_EPOCH=\"1796129968\"\n", "stage-0", "1796129968")]
    [InlineData("ARG SOURCE_DATE_EPOCH=1796129968\nFROM debian:bookworm-slim\nARG SOURCE_DATE_EPOCH\n", null, null)]
    [InlineData("FROM debian:bookworm-slim\nARG SOURCE_DATE_EPOCH\n", null, null)]
    [InlineData("FROM debian:bookworm-slim\nARG VERSION=1\n", null, null)]
    public void A_stage_default_is_DDSL049_naming_the_stage_and_the_value(string dockerfile, string? stage, string? value)
    {
        var model = DockerfileReader.Read("Dockerfile", dockerfile).Model;

        var findings = SourceDateEpochRules.DefaultInStage(model).ToList();

        if (stage is null)
        {
            Assert.Empty(findings);
        }
        else
        {
            var finding = Assert.Single(findings);
            Assert.Equal(new[] { stage, value! }, finding.Arguments);
            Assert.Equal(2, finding.Source.Line);
        }
    }
}

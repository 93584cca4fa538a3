using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using DockerDsl.Cli.Reports;
using DockerDsl.Cli.Tests.Infrastructure;
using DockerDsl.Core.Diagnostics;

namespace DockerDsl.Cli.Tests;

/// <summary>The human and JSON reports: their shape, order, and what hidden findings do.</summary>
public sealed class FormatTests
{
    private static CliHarness TwoFiles()
    {
        var cli = new CliHarness();
        cli.Write("Dockerfile", "FROM ubuntu\n");
        cli.Write("api/Dockerfile", "FROM alpine\nCMD run\n");
        cli.Linter.Returns("Dockerfile", ("DDSL004", 1, 1, RuleSeverity.Warning), ("DDSL001", 1, 1, RuleSeverity.Error));
        cli.Linter.Returns("api/Dockerfile", ("DDSL005", 2, 1, RuleSeverity.Info), ("DDSL002", 1, 1, RuleSeverity.Hidden));
        return cli;
    }

    [Fact]
    public void Human_prints_one_line_per_finding_and_a_summary_on_stderr()
    {
        using var cli = TwoFiles();
        var result = cli.Run("lint");
        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
            new[]
            {
                "Dockerfile:1:1: error DDSL001: Image runs as root (line 1) (https://github.com/dockerdsl/dockerdsl/blob/main/docs/rules/DDSL001.md)",
                "Dockerfile:1:1: warning DDSL004: Base image is not pinned (line 1) (https://github.com/dockerdsl/dockerdsl/blob/main/docs/rules/DDSL004.md)",
                "api/Dockerfile:2:1: info DDSL005: CMD or ENTRYPOINT in shell form (line 2) (https://github.com/dockerdsl/dockerdsl/blob/main/docs/rules/DDSL005.md)",
            },
            result.OutLines);
        Assert.Equal(new[] { "2 Dockerfiles linted: 1 error, 1 warning, 1 info" }, result.ErrorLines);
    }

    [Fact]
    public void Human_leaves_out_a_column_or_line_the_finding_does_not_have()
    {
        using var cli = new CliHarness();
        cli.Write("Dockerfile", "FROM ubuntu\n");
        cli.Linter.Returns("Dockerfile", ("DDSL002", 0, 0, RuleSeverity.Warning), ("DDSL004", 3, 0, RuleSeverity.Warning));
        var lines = cli.Run("lint").OutLines;
        Assert.StartsWith("Dockerfile: warning DDSL002: ", lines[0]);
        Assert.StartsWith("Dockerfile:3: warning DDSL004: ", lines[1]);
    }

    [Fact]
    public void Human_prints_nothing_on_stdout_when_there_is_no_finding()
    {
        using var cli = new CliHarness();
        cli.Write("Dockerfile", "FROM alpine:3.20\n");
        var result = cli.Run("lint");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(string.Empty, result.Out);
        Assert.Equal(new[] { "1 Dockerfile linted: 0 errors, 0 warnings, 0 info" }, result.ErrorLines);
    }

    [Fact]
    public void Json_is_an_array_of_findings_with_every_field()
    {
        using var cli = TwoFiles();
        var result = cli.Run("lint", "--format", "json");
        Assert.Equal(1, result.ExitCode);
        using var document = JsonDocument.Parse(result.Out);
        var findings = document.RootElement.EnumerateArray().ToList();
        Assert.Equal(3, findings.Count);
        Assert.Equal(new[] { "DDSL001", "DDSL004", "DDSL005" }, findings.Select(finding => finding.GetProperty("id").GetString()));
        var first = findings[0];
        Assert.Equal("Dockerfile", first.GetProperty("file").GetString());
        Assert.Equal(1, first.GetProperty("line").GetInt32());
        Assert.Equal(1, first.GetProperty("column").GetInt32());
        Assert.Equal(1, first.GetProperty("endLine").GetInt32());
        Assert.Equal("error", first.GetProperty("severity").GetString());
        Assert.Equal("Image runs as root (line 1)", first.GetProperty("message").GetString());
        Assert.Equal(RuleCatalog.RootUser.HelpLink, first.GetProperty("helpUri").GetString());
        Assert.Equal("Security", first.GetProperty("category").GetString());
        Assert.False(first.TryGetProperty("buildkitRule", out _));
        var third = findings[2];
        Assert.Equal("api/Dockerfile", third.GetProperty("file").GetString());
        Assert.Equal("info", third.GetProperty("severity").GetString());
        Assert.Equal("JSONArgsRecommended", third.GetProperty("buildkitRule").GetString());
    }

    [Fact]
    public void Json_without_findings_is_an_empty_array()
    {
        using var cli = new CliHarness();
        cli.Write("Dockerfile", "FROM alpine:3.20\n");
        var result = cli.Run("lint", "-f", "json");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("[]\n", result.Out);
    }

    [Fact]
    public void Json_keeps_quotes_and_non_ASCII_text_readable()
    {
        using var cli = new CliHarness();
        cli.Write("Dockerfile", "FROM alpine:3.20\n");
        var finding = FakeLinter.Finding("Dockerfile", "DDSL008", 1, 1, RuleSeverity.Warning) with { Message = "WORKDIR 'app/é' <relative>" };
        cli.Linter.Answers("Dockerfile", (_, _) => new Core.Lint.LintResult("Dockerfile", new[] { finding }, null));
        var result = cli.Run("lint", "-f", "json");
        Assert.Contains("\"message\": \"WORKDIR 'app/é' <relative>\"", result.Out);
        Assert.DoesNotContain("\r", result.Out);
    }

    [Fact]
    public void Findings_are_ordered_by_line_column_and_rule_whatever_order_the_linter_gives()
    {
        using var cli = new CliHarness();
        cli.Write("Dockerfile", "FROM ubuntu\n");
        cli.Linter.Returns(
            "Dockerfile",
            ("DDSL008", 5, 1, RuleSeverity.Warning),
            ("DDSL004", 1, 6, RuleSeverity.Warning),
            ("DDSL001", 1, 6, RuleSeverity.Warning),
            ("DDSL019", 1, 1, RuleSeverity.Warning));
        var result = cli.Run("lint", "-f", "json");
        using var document = JsonDocument.Parse(result.Out);
        Assert.Equal(
            new[] { "DDSL019", "DDSL001", "DDSL004", "DDSL008" },
            document.RootElement.EnumerateArray().Select(finding => finding.GetProperty("id").GetString()));
    }

    [Theory]
    [InlineData("RootUser", "ImageRunsAsRoot")]
    [InlineData("ShellFormCommand", "CmdOrEntrypointInShellForm")]
    [InlineData("AptGetInstallWithoutNoInstallRecommends", "AptGetInstallWithoutNoInstallRecommends")]
    [InlineData("InvalidDefinitionDescription", "CommentBeforeArgOrFromIsNotADescription")]
    public void A_SARIF_rule_name_is_the_title_in_PascalCase(string field, string expected)
    {
        var rule = (RuleDescriptor)typeof(RuleCatalog).GetField(field)!.GetValue(null)!;
        Assert.Equal(expected, SarifReport.RuleName(rule));
    }

    [Fact]
    public void Every_SARIF_rule_name_is_unique_and_an_identifier()
    {
        var names = RuleCatalog.All.Where(rule => rule.AppliesToDockerfiles).Select(SarifReport.RuleName).ToList();
        Assert.Equal(names.Count, new HashSet<string>(names, StringComparer.Ordinal).Count);
        Assert.All(names, name => Assert.Matches("^[A-Z][A-Za-z0-9]*$", name));
    }
}

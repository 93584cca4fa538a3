using System;
using System.IO;
using System.Linq;
using DockerDsl.Cli.Linting;
using DockerDsl.Cli.Reports;
using DockerDsl.Cli.Tests.Infrastructure;
using DockerDsl.Core.Diagnostics;

namespace DockerDsl.Cli.Tests;

/// <summary><c>--output</c> (atomic), <c>--fail-level</c> and exit codes, and that the same inputs give the same bytes.</summary>
public sealed class OutputAndExitCodeTests
{
    private static CliHarness WithFindings(params RuleSeverity[] severities)
    {
        var cli = new CliHarness();
        cli.Write("Dockerfile", "FROM ubuntu\n");
        cli.Linter.Returns("Dockerfile", severities.Select((severity, index) => ("DDSL004", index + 1, 1, severity)).ToArray());
        return cli;
    }

    [Theory]
    [InlineData("warning", new RuleSeverity[0], 0)]
    [InlineData("warning", new[] { RuleSeverity.Info }, 0)]
    [InlineData("warning", new[] { RuleSeverity.Warning }, 1)]
    [InlineData("warning", new[] { RuleSeverity.Error }, 1)]
    [InlineData("warning", new[] { RuleSeverity.Hidden }, 0)]
    [InlineData("error", new[] { RuleSeverity.Warning, RuleSeverity.Info }, 0)]
    [InlineData("error", new[] { RuleSeverity.Error }, 1)]
    [InlineData("info", new[] { RuleSeverity.Info }, 1)]
    [InlineData("info", new[] { RuleSeverity.Hidden }, 0)]
    [InlineData("none", new[] { RuleSeverity.Error }, 0)]
    public void The_exit_code_says_whether_a_finding_reaches_the_fail_level(string failLevel, RuleSeverity[] severities, int exitCode)
    {
        using var cli = WithFindings(severities);
        var result = cli.Run("lint", "--fail-level", failLevel);
        Assert.True(result.ExitCode == exitCode, result.ToString());
    }

    [Fact]
    public void The_default_fail_level_is_warning()
    {
        using var cli = WithFindings(RuleSeverity.Warning);
        Assert.Equal(1, cli.Run("lint").ExitCode);
    }

    [Fact]
    public void An_input_error_makes_the_exit_code_2_even_with_findings_below_the_fail_level()
    {
        using var cli = WithFindings(RuleSeverity.Error);
        Assert.Equal(2, cli.Run("lint", ".", "missing", "--fail-level", "none").ExitCode);
    }

    [Theory]
    [InlineData("human")]
    [InlineData("json")]
    [InlineData("sarif")]
    public void Output_writes_the_report_to_a_file_instead_of_stdout(string format)
    {
        using var cli = WithFindings(RuleSeverity.Warning);
        var toStdout = cli.Run("lint", "-f", format).Out;
        var result = cli.Run("lint", "-f", format, "--output", "reports/lint.out");
        Assert.Equal(1, result.ExitCode);
        Assert.Equal(string.Empty, result.Out);
        Assert.Equal(toStdout, File.ReadAllText(cli.PathOf("reports/lint.out")));
        Assert.Equal(new[] { "lint.out" }, Directory.GetFiles(cli.PathOf("reports")).Select(Path.GetFileName));
    }

    [Fact]
    public void Output_replaces_an_existing_file_and_leaves_no_temporary_file()
    {
        using var cli = WithFindings(RuleSeverity.Warning);
        cli.Write("out/report.json", "old report, much longer than the new one will be ".PadRight(100_000, '.'));
        var result = cli.Run("lint", "-f", "json", "-o", "out/report.json");
        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("[", File.ReadAllText(cli.PathOf("out/report.json")));
        Assert.Single(Directory.GetFiles(cli.PathOf("out")));
    }

    [Fact]
    public void A_failure_before_the_rename_leaves_the_old_report_whole()
    {
        using var cli = new CliHarness();
        var target = cli.Write("out/report.sarif", "old report\n");
        Assert.Throws<IOException>(() => ReportFile.Write(target, "new report\n", () => throw new IOException("disk full")));
        Assert.Equal("old report\n", File.ReadAllText(target));
        Assert.Single(Directory.GetFiles(cli.PathOf("out")));
    }

    [Fact]
    public void A_report_that_cannot_be_written_is_an_error_and_the_old_one_stays()
    {
        using var cli = WithFindings(RuleSeverity.Warning);
        var target = cli.Write("out/report.sarif", "old report\n");
        var settings = new LintSettings(new[] { "." }, ReportFormat.Sarif, target, new System.Collections.Generic.Dictionary<string, string>(), null, null, RuleSeverity.Warning);
        var stderr = new StringWriter();
        var context = new CliContext(new StringWriter(), stderr, cli.Root, cli.Environment, cli.Linter.Lint);
        var run = new LintRun(context, settings) { BeforeOutputReplaced = () => throw new IOException("disk full") };
        Assert.Equal(2, run.Execute());
        Assert.Contains("out/report.sarif: error: the report cannot be written: disk full", stderr.ToString());
        Assert.Equal("old report\n", File.ReadAllText(target));
        Assert.Single(Directory.GetFiles(cli.PathOf("out")));
    }

    [Fact]
    public void An_internal_error_leaves_the_old_report_whole()
    {
        using var cli = new CliHarness();
        cli.Write("Dockerfile", "FROM alpine:3.20\n");
        var target = cli.Write("report.json", "old report\n");
        var result = cli.RunWith((_, _, _) => throw new InvalidOperationException("boom"), string.Empty, "lint", "-f", "json", "-o", "report.json");
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("old report\n", File.ReadAllText(target));
    }

    [Theory]
    [InlineData("human")]
    [InlineData("json")]
    [InlineData("sarif")]
    public void The_same_inputs_give_the_same_bytes(string format)
    {
        byte[] Report()
        {
            using var cli = new CliHarness();
            cli.Write("b/Dockerfile", "FROM ubuntu\n");
            cli.Write("a/Dockerfile", "FROM ubuntu\n");
            cli.Write("a/web.Dockerfile", "FROM ubuntu\n");
            foreach (var path in new[] { "a/Dockerfile", "a/web.Dockerfile", "b/Dockerfile" })
            {
                cli.Linter.Returns(path, ("DDSL004", 1, 1, RuleSeverity.Warning), ("DDSL001", 1, 1, RuleSeverity.Error), ("DDSL021", 2, 3, RuleSeverity.Info));
            }

            var result = cli.Run("lint", "-f", format, "-o", "report");
            Assert.Equal(1, result.ExitCode);
            return File.ReadAllBytes(cli.PathOf("report"));
        }

        var first = Report();
        Assert.Equal(first, Report());
        Assert.DoesNotContain((byte)'\r', first);
        Assert.NotEqual(0xEF, first[0]);
    }
}

using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using DockerDsl.Cli.Tests.Infrastructure;
using DockerDsl.Tests.Shared;

namespace DockerDsl.Cli.Tests;

/// <summary>The built tool as a real process: what a shell or CI script sees, exit codes included.</summary>
public sealed class BuiltToolTests
{
    private static readonly string ToolDll = Path.Combine(AppContext.BaseDirectory, "DockerDsl.Cli.dll");

    private static ProcessResult Run(string workingDirectory, params string[] args) =>
        ProcessRunner.RunAsync(ProcessRunner.Dotnet, new[] { ToolDll }.Concat(args), TimeSpan.FromMinutes(1), workingDirectory).GetAwaiter().GetResult();

    [Fact]
    public void Version_help_and_lint_help_exit_with_0()
    {
        using var temp = new TempDirectory();
        var version = Run(temp.Path, "--version");
        Assert.True(version.ExitCode == 0, version.ToString());
        Assert.Equal(TestEnvironment.PackageVersion, version.Output.Trim());
        Assert.Equal(0, Run(temp.Path, "--help").ExitCode);
        var lintHelp = Run(temp.Path, "lint", "--help");
        Assert.Equal(0, lintHelp.ExitCode);
        Assert.Contains("--fail-level", lintHelp.Output);
    }

    [Fact]
    public void A_usage_error_exits_with_2()
    {
        using var temp = new TempDirectory();
        var result = Run(temp.Path, "lint", "--format", "yaml");
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("dockerdsl lint: error: Argument 'yaml' not recognized", result.Output);
    }

    [Fact]
    public void A_missing_input_exits_with_2_and_still_writes_a_valid_report()
    {
        using var temp = new TempDirectory();
        var result = Run(temp.Path, "lint", "missing/Dockerfile", "--format", "sarif", "--output", "out/lint.sarif");
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("missing/Dockerfile: error: no such file or folder", result.Output);
        Assert.DoesNotContain("   at ", result.Output);
        using var sarif = JsonDocument.Parse(File.ReadAllText(temp.Combine("out", "lint.sarif")));
        SarifValidator.Validate(sarif.RootElement);
    }

    [Fact]
    public void Rules_lists_the_rules()
    {
        using var temp = new TempDirectory();
        var result = Run(temp.Path, "rules");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("DDSL001  warning", result.Output);
    }
}

using System.Linq;
using DockerDsl.Cli.Tests.Infrastructure;
using DockerDsl.Core.Diagnostics;

namespace DockerDsl.Cli.Tests;

/// <summary>The command line itself: help, version, the rules table and every usage error, with exit code 2.</summary>
public sealed class ArgumentTests
{
    [Fact]
    public void Version_prints_the_package_version()
    {
        using var cli = new CliHarness();
        var result = cli.Run("--version");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(TestEnvironment.PackageVersion + "\n", result.Out);
    }

    [Fact]
    public void Help_lists_the_commands()
    {
        using var cli = new CliHarness();
        var result = cli.Run("--help");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("dockerdsl [command] [options]", result.Out);
        Assert.Contains("lint", result.Out);
        Assert.Contains("rules", result.Out);
    }

    [Fact]
    public void Lint_help_lists_every_option()
    {
        using var cli = new CliHarness();
        var result = cli.Run("lint", "--help");
        Assert.Equal(0, result.ExitCode);
        foreach (var option in new[] { "--format", "--output", "--build-arg", "--target", "--context", "--fail-level", "<paths>" })
        {
            Assert.Contains(option, result.Out);
        }

        Assert.Empty(cli.Linter.Calls);
    }

    [Theory]
    [InlineData(new string[0], "Required command was not provided")]
    [InlineData(new[] { "frobnicate" }, "Unrecognized command or argument 'frobnicate'")]
    [InlineData(new[] { "lint", "--format", "xml" }, "Argument 'xml' not recognized")]
    [InlineData(new[] { "lint", "--fail-level", "hidden" }, "Argument 'hidden' not recognized")]
    [InlineData(new[] { "lint", "--bogus" }, "Unrecognized option '--bogus'")]
    [InlineData(new[] { "lint", "-x", "Dockerfile" }, "Unrecognized option '-x'")]
    [InlineData(new[] { "lint", "--build-arg", "=value" }, "--build-arg '=value' needs a name")]
    [InlineData(new[] { "lint", "--target", "" }, "--target needs a stage name")]
    [InlineData(new[] { "lint", "--context", "no-such-folder" }, "--context 'no-such-folder' is not a folder")]
    [InlineData(new[] { "lint", "--output", "" }, "--output needs a file name")]
    [InlineData(new[] { "lint", "--output", "." }, "--output '.' is a folder")]
    [InlineData(new[] { "lint", "--format" }, "Required argument missing for option: '--format'")]
    [InlineData(new[] { "--version", "lint" }, "--version option cannot be combined with other arguments")]
    public void A_usage_error_is_reported_on_stderr_with_exit_code_2(string[] args, string message)
    {
        using var cli = new CliHarness();
        cli.Write("Dockerfile", "FROM alpine:3.20\n");
        var result = cli.Run(args);
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains(message, result.Error);
        Assert.Contains("--help' for usage.", result.ErrorLines.Last());
        Assert.Equal(string.Empty, result.Out);
        Assert.Empty(cli.Linter.Calls);
    }

    [Fact]
    public void Build_args_follow_docker_build()
    {
        using var cli = new CliHarness();
        cli.Write("Dockerfile", "FROM alpine:3.20\n");
        cli.Environment["FROM_ENVIRONMENT"] = "env value";
        var result = cli.Run(
            "lint", "Dockerfile",
            "--build-arg", "PLAIN=1",
            "--build-arg", "EMPTY=",
            "--build-arg", "WITH_EQUALS=a=b",
            "--build-arg", "FROM_ENVIRONMENT",
            "--build-arg", "UNSET_IN_ENVIRONMENT",
            "--build-arg", "REPEATED=first",
            "--build-arg", "REPEATED=second");
        Assert.True(result.ExitCode == 0, result.ToString());
        var buildArgs = Assert.Single(cli.Linter.Calls).Options.BuildArgs;
        Assert.Equal("1", buildArgs["PLAIN"]);
        Assert.Equal(string.Empty, buildArgs["EMPTY"]);
        Assert.Equal("a=b", buildArgs["WITH_EQUALS"]);
        Assert.Equal("env value", buildArgs["FROM_ENVIRONMENT"]);
        Assert.False(buildArgs.ContainsKey("UNSET_IN_ENVIRONMENT"));
        Assert.Equal("second", buildArgs["REPEATED"]);
        Assert.Equal(5, buildArgs.Count);
    }

    [Fact]
    public void A_build_arg_takes_one_value_and_leaves_the_next_word_a_path()
    {
        using var cli = new CliHarness();
        cli.Write("a/Dockerfile", "FROM alpine:3.20\n");
        cli.Write("b/Dockerfile", "FROM alpine:3.20\n");
        var result = cli.Run("lint", "--build-arg", "X=1", "a", "--target", "final", "b");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(new[] { "a/Dockerfile", "b/Dockerfile" }, cli.Linter.Calls.Select(call => call.Path));
        Assert.All(cli.Linter.Calls, call => Assert.Equal("final", call.Options.Target));
        Assert.All(cli.Linter.Calls, call => Assert.Equal("1", call.Options.BuildArgs["X"]));
    }

    [Fact]
    public void Without_target_every_stage_is_checked()
    {
        using var cli = new CliHarness();
        cli.Write("Dockerfile", "FROM alpine:3.20\n");
        Assert.Equal(0, cli.Run("lint").ExitCode);
        Assert.Null(Assert.Single(cli.Linter.Calls).Options.Target);
    }

    [Fact]
    public void Rules_lists_every_rule_that_applies_to_Dockerfiles()
    {
        using var cli = new CliHarness();
        var result = cli.Run("rules");
        Assert.Equal(0, result.ExitCode);
        var lines = result.OutLines;
        Assert.StartsWith("ID ", lines[0]);
        var expected = RuleCatalog.All.Where(rule => rule.AppliesToDockerfiles).ToList();
        Assert.Equal(expected.Count, lines.Length - 1);
        for (var index = 0; index < expected.Count; index++)
        {
            var rule = expected[index];
            var columns = lines[index + 1].Split("  ", System.StringSplitOptions.RemoveEmptyEntries).Select(column => column.Trim()).ToArray();
            Assert.Equal(rule.Id, columns[0]);
            Assert.Equal(rule.DefaultSeverity.ToString().ToLowerInvariant(), columns[1]);
            Assert.Equal(rule.EnabledByDefault ? "on" : "off", columns[2]);
            Assert.Equal(rule.BuildKitRule ?? "-", columns[3]);
            Assert.Equal(rule.Title, columns[4]);
        }

        Assert.DoesNotContain(lines, line => line.StartsWith("DDSL1", System.StringComparison.Ordinal));
    }
}

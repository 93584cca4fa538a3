using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using DockerDsl.Cli.Tests.Infrastructure;
using DockerDsl.Core.Lint;
using DockerDsl.Tests.Shared;

namespace DockerDsl.Cli.Tests;

/// <summary>
/// <c>dockerdsl lint</c> with the real <see cref="DockerfileLinter"/>: findings, severities, suppressions and the
/// .dockerignore reaching the rules. These need the Dockerfile text front end; until it is merged the linter
/// throws NotImplementedException and every test here fails.
/// </summary>
public sealed class LintCommandEndToEndTests
{
    private const string Pinned = "FROM alpine:3.20\nUSER 1001:1001\nHEALTHCHECK CMD [\"true\"]\nCMD [\"/app/server\"]\n";

    private static CliResult Lint(CliHarness cli, params string[] args) =>
        cli.RunWith(DockerfileLinter.Lint, string.Empty, new[] { "lint" }.Concat(args).ToArray());

    private static string[] Ids(CliResult result) => result.OutLines.Select(line => line.Split(' ')[2].TrimEnd(':')).ToArray();

    [Fact]
    public void An_unpinned_base_image_is_a_warning_at_its_FROM()
    {
        using var cli = new CliHarness();
        cli.Write("Dockerfile", Pinned.Replace("alpine:3.20", "ubuntu", StringComparison.Ordinal));
        var result = Lint(cli);
        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains(result.OutLines, line => line.StartsWith("Dockerfile:1:1: warning DDSL004: The base image 'ubuntu' has no tag", StringComparison.Ordinal));
    }

    [Fact]
    public void A_clean_Dockerfile_exits_with_0()
    {
        using var cli = new CliHarness();
        cli.Write("Dockerfile", Pinned);
        var result = Lint(cli);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(string.Empty, result.Out);
    }

    [Fact]
    public void Editorconfig_turns_a_rule_off_and_raises_another()
    {
        using var cli = new CliHarness();
        cli.Write(".editorconfig", "root = true\n[Dockerfile]\ndotnet_diagnostic.DDSL004.severity = none\ndotnet_diagnostic.DDSL005.severity = error\n");
        cli.Write("Dockerfile", Pinned.Replace("alpine:3.20", "ubuntu", StringComparison.Ordinal).Replace("CMD [\"/app/server\"]", "CMD sh", StringComparison.Ordinal));
        var result = Lint(cli, "--fail-level", "error");
        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.DoesNotContain("DDSL004", Ids(result));
        Assert.Contains(result.OutLines, line => line.StartsWith("Dockerfile:4:1: error DDSL005: ", StringComparison.Ordinal));
    }

    [Fact]
    public void A_dockerdsl_ignore_comment_suppresses_the_next_instruction()
    {
        using var cli = new CliHarness();
        cli.Write("Dockerfile", "# dockerdsl ignore=DDSL004\n" + Pinned.Replace("alpine:3.20", "ubuntu", StringComparison.Ordinal));
        var result = Lint(cli);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.DoesNotContain("DDSL004", Ids(result));
    }

    [Fact]
    public void A_check_skip_directive_skips_a_BuildKit_check_in_the_whole_file()
    {
        using var cli = new CliHarness();
        var text = Pinned.Replace("CMD [\"/app/server\"]", "CMD sh", StringComparison.Ordinal);
        cli.Write("skipped/Dockerfile", "# check=skip=JSONArgsRecommended\n" + text);
        cli.Write("checked/Dockerfile", text);
        var result = Lint(cli);
        Assert.Contains(result.OutLines, line => line.StartsWith("checked/Dockerfile:4:1: warning DDSL005: ", StringComparison.Ordinal));
        Assert.DoesNotContain(result.OutLines, line => line.StartsWith("skipped/", StringComparison.Ordinal));
    }

    [Fact]
    public void A_Dockerfile_BuildKit_refuses_is_one_error_line_and_exit_code_2()
    {
        using var cli = new CliHarness();
        cli.Write("bad/Dockerfile", "FROM alpine:3.20\nFROBNICATE now\n");
        cli.Write("good/Dockerfile", Pinned);
        var result = Lint(cli);
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Single(result.ErrorLines, line => line.StartsWith("bad/Dockerfile:2: error: ", StringComparison.Ordinal));
        Assert.DoesNotContain("   at ", result.Error);
    }

    [Fact]
    public void The_dockerignore_reaches_the_COPY_rule()
    {
        using var cli = new CliHarness();
        cli.Write("Dockerfile", Pinned + "COPY secrets.txt /app/\n");
        cli.Write("Dockerfile.dockerignore", "secrets.txt\n");
        var result = Lint(cli);
        Assert.Contains(result.OutLines, line => line.StartsWith("Dockerfile:5:1: warning DDSL029: COPY source 'secrets.txt' is left out of the build context", StringComparison.Ordinal));
    }

    [Fact]
    public void CRLF_line_endings_give_the_same_findings()
    {
        using var cli = new CliHarness();
        var text = Pinned.Replace("alpine:3.20", "ubuntu", StringComparison.Ordinal).Replace("CMD [\"/app/server\"]", "CMD sh", StringComparison.Ordinal);
        cli.Write("lf/Dockerfile", text);
        cli.Write("crlf/Dockerfile", text.Replace("\n", "\r\n", StringComparison.Ordinal));
        var result = Lint(cli, "-f", "json");
        using var document = JsonDocument.Parse(result.Out);
        var findings = document.RootElement.EnumerateArray()
            .Select(finding => (File: finding.GetProperty("file").GetString()!, Key: $"{finding.GetProperty("id").GetString()}@{finding.GetProperty("line").GetInt32()}:{finding.GetProperty("column").GetInt32()}"))
            .ToList();
        Assert.NotEmpty(findings);
        Assert.Equal(findings.Where(f => f.File == "lf/Dockerfile").Select(f => f.Key), findings.Where(f => f.File == "crlf/Dockerfile").Select(f => f.Key));
    }

    [Fact]
    public void Sarif_of_real_findings_is_valid()
    {
        using var cli = new CliHarness();
        cli.Write("Dockerfile", "FROM ubuntu\nRUN apt-get update && apt-get install curl\nCMD run\n");
        var result = Lint(cli, "-f", "sarif");
        Assert.True(result.ExitCode == 1, result.ToString());
        using var document = JsonDocument.Parse(result.Out);
        SarifValidator.Validate(document.RootElement);
        Assert.True(document.RootElement.GetProperty("runs")[0].GetProperty("results").GetArrayLength() >= 3);
    }

    [Fact]
    public void A_ten_megabyte_Dockerfile_is_linted()
    {
        using var cli = new CliHarness();
        var text = new StringBuilder(Pinned);
        while (text.Length < 10 * 1024 * 1024)
        {
            text.Append("LABEL org.example.padding=\"a label line of a very long generated Dockerfile, to see that size alone is no error\"\n");
        }

        cli.Write("Dockerfile", text.ToString());
        var result = Lint(cli);
        Assert.True(result.ExitCode is 0 or 1, result.ToString());
    }

    [Fact]
    public async Task The_built_tool_lints_a_real_Dockerfile()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.Combine(".editorconfig"), "root = true\n");
        File.WriteAllText(temp.Combine("Dockerfile"), "FROM ubuntu\n");
        var tool = Path.Combine(AppContext.BaseDirectory, "DockerDsl.Cli.dll");
        var result = await ProcessRunner.RunAsync(ProcessRunner.Dotnet, new[] { tool, "lint" }, TimeSpan.FromMinutes(1), temp.Path);
        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("Dockerfile:1:1: warning DDSL004: ", result.Output);
    }
}

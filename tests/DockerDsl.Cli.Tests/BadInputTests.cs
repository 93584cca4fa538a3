using System;
using System.IO;
using System.Linq;
using System.Text;
using DockerDsl.Cli.Inputs;
using DockerDsl.Cli.Tests.Infrastructure;
using DockerDsl.Core.Diagnostics;

namespace DockerDsl.Cli.Tests;

/// <summary>How Dockerfiles are read, and that an unreadable one is one error line, exit code 2, with the other files still linted.</summary>
public sealed class BadInputTests
{
    private const string GoodFile = "good/Dockerfile";

    private static CliResult LintWithGoodFile(CliHarness cli, string badFile)
    {
        cli.Write(GoodFile, "FROM alpine:3.20\n");
        cli.Linter.Returns(GoodFile, ("DDSL004", 1, 1, RuleSeverity.Warning));
        return cli.Run("lint", badFile, GoodFile);
    }

    private static void AssertReportedAndOthersLinted(CliResult result, CliHarness cli, string errorLine)
    {
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains(errorLine, result.ErrorLines);
        Assert.Contains(GoodFile, cli.Linter.Calls.Select(call => call.Path));
        Assert.Contains(result.OutLines, line => line.StartsWith(GoodFile + ":1:1: warning DDSL004: ", StringComparison.Ordinal));
        Assert.DoesNotContain("   at ", result.Error);
    }

    [Fact]
    public void Invalid_UTF8_is_an_error_on_its_line()
    {
        using var cli = new CliHarness();
        cli.WriteBytes("bad/Dockerfile", Encoding.UTF8.GetBytes("FROM alpine:3.20\nRUN echo ").Concat(new byte[] { 0xC3, 0x28 }).Concat(Encoding.UTF8.GetBytes("\n")).ToArray());
        var result = LintWithGoodFile(cli, "bad/Dockerfile");
        AssertReportedAndOthersLinted(result, cli, "bad/Dockerfile:2: error: is not UTF-8 text: invalid byte 0xC3 at offset 26");
        Assert.DoesNotContain("bad/Dockerfile", cli.Linter.Calls.Select(call => call.Path));
    }

    [Fact]
    public void A_truncated_UTF8_sequence_at_the_end_is_an_error()
    {
        using var cli = new CliHarness();
        cli.WriteBytes("bad/Dockerfile", Encoding.UTF8.GetBytes("FROM alpine\n").Concat(new byte[] { 0xE2, 0x82 }).ToArray());
        var result = LintWithGoodFile(cli, "bad/Dockerfile");
        AssertReportedAndOthersLinted(result, cli, "bad/Dockerfile:2: error: is not UTF-8 text: invalid byte 0xE2 at offset 12");
    }

    [Fact]
    public void A_binary_file_is_an_error()
    {
        using var cli = new CliHarness();
        cli.WriteBytes("bad/Dockerfile", new byte[] { 0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00 });
        var result = LintWithGoodFile(cli, "bad/Dockerfile");
        AssertReportedAndOthersLinted(result, cli, "bad/Dockerfile:1: error: is not text: it contains a NUL byte");
    }

    [Fact]
    public void UTF16_text_is_an_error_that_says_so()
    {
        using var cli = new CliHarness();
        cli.WriteBytes("bad/Dockerfile", Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("FROM alpine\n")).ToArray());
        var result = LintWithGoodFile(cli, "bad/Dockerfile");
        AssertReportedAndOthersLinted(result, cli, "bad/Dockerfile: error: is UTF-16 text; save it as UTF-8");
    }

    [Fact]
    public void A_file_over_the_size_limit_is_an_error()
    {
        using var cli = new CliHarness();
        var path = cli.PathOf("big/Dockerfile");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using (var stream = File.Create(path))
        {
            stream.SetLength(TextFileReader.MaxBytes + 1);
        }

        var result = LintWithGoodFile(cli, "big/Dockerfile");
        AssertReportedAndOthersLinted(result, cli, $"big/Dockerfile: error: is {TextFileReader.MaxBytes + 1} bytes, more than the 32 MiB a Dockerfile may have");
    }

    [Fact]
    public void A_ten_megabyte_Dockerfile_is_linted_whole()
    {
        using var cli = new CliHarness();
        var text = new StringBuilder("FROM alpine:3.20\n");
        while (text.Length < 10 * 1024 * 1024)
        {
            text.Append("RUN echo 'a line of a very long generated Dockerfile, to see that size alone is no error'\n");
        }

        cli.Write("Dockerfile", text.ToString());
        var result = cli.Run("lint");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(text.ToString(), Assert.Single(cli.Linter.Calls).Text);
    }

    [Fact]
    public void A_BOM_is_dropped_and_CRLF_is_passed_through()
    {
        using var cli = new CliHarness();
        cli.WriteBytes("Dockerfile", new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("FROM alpine:3.20\r\nRUN echo é\r\n")).ToArray());
        var result = cli.Run("lint");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("FROM alpine:3.20\r\nRUN echo é\r\n", Assert.Single(cli.Linter.Calls).Text);
    }

    [Fact]
    public void A_lint_error_is_reported_as_one_line_and_the_other_files_are_still_linted()
    {
        using var cli = new CliHarness();
        cli.Write("bad/Dockerfile", "FROM\n");
        cli.Linter.ReturnsError("bad/Dockerfile", 1, "FROM requires either one or three arguments");
        var result = LintWithGoodFile(cli, "bad/Dockerfile");
        AssertReportedAndOthersLinted(result, cli, "bad/Dockerfile:1: error: FROM requires either one or three arguments");
        Assert.EndsWith("1 input could not be linted", result.ErrorLines.Last());
    }

    [Fact]
    public void A_lint_error_about_the_whole_file_has_no_line()
    {
        using var cli = new CliHarness();
        cli.Write("bad/Dockerfile", "# only a comment\n");
        cli.Linter.ReturnsError("bad/Dockerfile", 0, "the Dockerfile has no instructions");
        var result = LintWithGoodFile(cli, "bad/Dockerfile");
        AssertReportedAndOthersLinted(result, cli, "bad/Dockerfile: error: the Dockerfile has no instructions");
    }

    [Fact]
    public void An_unreadable_dockerignore_is_an_error_naming_it()
    {
        using var cli = new CliHarness();
        cli.Write("bad/Dockerfile", "FROM alpine:3.20\n");
        cli.WriteBytes("bad/.dockerignore", new byte[] { 0x2A, 0xFF, 0x0A });
        var result = LintWithGoodFile(cli, "bad/Dockerfile");
        AssertReportedAndOthersLinted(result, cli, "bad/.dockerignore:1: error: is not UTF-8 text: invalid byte 0xFF at offset 1");
    }

    [Fact]
    public void An_unexpected_exception_is_one_line_and_exit_code_2()
    {
        using var cli = new CliHarness();
        cli.Write("Dockerfile", "FROM alpine:3.20\n");
        var result = cli.RunWith((_, _, _) => throw new InvalidOperationException("the linter broke\nbadly"), string.Empty, "lint");
        Assert.Equal(2, result.ExitCode);
        Assert.Equal(new[] { "dockerdsl: internal error: InvalidOperationException: the linter broke badly" }, result.ErrorLines);
        Assert.Equal(string.Empty, result.Out);
    }
}

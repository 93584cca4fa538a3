using System.Linq;
using System.Text;
using DockerDsl.Core.Lint;

namespace DockerDsl.Core.Tests.Robustness;

/// <summary>Text BuildKit refuses is one error with a line; text it reads in another encoding or layout lints as usual.</summary>
public class BadInputTests
{
    // A file with no instruction is refused at the last line BuildKit read.
    [Theory]
    [InlineData("", 0, "file with no instructions")]
    [InlineData("\n\n   \n", 3, "file with no instructions")]
    [InlineData("# only\n# comments\n", 2, "file with no instructions")]
    [InlineData("ARG A=1\n", 0, "no stages")]
    [InlineData("RUN echo\n", 1, "no build stage")]
    [InlineData("FROM scratch\nFOO bar\n", 2, "unknown instruction")]
    [InlineData("FROM scratch\nCOPY --nope=1 a b\n", 2, "unknown flag")]
    [InlineData("FROM scratch\nCOPY a\n", 2, "COPY requires at least two arguments")]
    [InlineData("FROM scratch AS 1st\n", 1, "invalid name for build stage")]
    [InlineData("FROM scratch\nENV\n", 2, "ENV")]
    [InlineData("FROM scratch\nSHELL /bin/sh -c\n", 2, "SHELL")]
    [InlineData("FROM scratch\nRUN --mount=type=nope,target=/x true\n", 2, "mount type")]
    [InlineData("FROM scratch\nHEALTHCHECK --retries=x CMD true\n", 2, "x")]
    public void Refused_text_is_one_error_naming_the_line(string text, int line, string reason)
    {
        var result = DockerfileLinter.Lint("Dockerfile", text, LintOptions.Default);

        Assert.NotNull(result.Error);
        Assert.Empty(result.Findings);
        Assert.Equal(line, result.Error!.Line);
        Assert.Contains(reason, result.Error.Message, System.StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain('\n', result.Error.ToString());
    }

    [Theory]
    [InlineData("FROM scratch\nRUN <<EOF\necho hi\n")]
    [InlineData("FROM scratch\nCMD [\"a\", \n")]
    [InlineData("FROM scratch\nRUN echo \\")]
    [InlineData("FROM scratch\nCOPY <<EOF\n")]
    public void Unterminated_constructs_never_throw(string text)
    {
        var result = DockerfileLinter.Lint("Dockerfile", text, LintOptions.Default);

        Assert.NotNull(result);
        Assert.True(result.Error is not null || result.Findings.All(f => f.Source.Line >= 1));
    }

    [Fact]
    public void A_byte_order_mark_and_CRLF_line_ends_lint_as_the_plain_file()
    {
        const string plain = "FROM debian:bookworm-slim\nRUN apt-get install curl\nMAINTAINER someone\n";
        var crlf = "\ufeff" + plain.Replace("\n", "\r\n");

        var expected = Describe(DockerfileLinter.Lint("Dockerfile", plain, LintOptions.Default));
        var actual = Describe(DockerfileLinter.Lint("Dockerfile", crlf, LintOptions.Default));

        Assert.Equal(expected, actual);
        Assert.Contains("DDSL020 3", expected);
    }

    [Fact]
    public void A_ten_megabyte_Dockerfile_lints()
    {
        var text = new StringBuilder("FROM debian:bookworm-slim\n");
        while (text.Length < 10 * 1024 * 1024)
        {
            text.Append("RUN echo ").Append('x', 200).Append(" && cd /tmp\n");
        }

        var result = DockerfileLinter.Lint("Dockerfile", text.ToString(), LintOptions.Default);

        Assert.Null(result.Error);
        Assert.True(result.Findings.Count(f => f.Rule.Id == "DDSL017") > 40_000);
    }

    [Fact]
    public void Control_characters_in_values_stay_out_of_messages()
    {
        var result = DockerfileLinter.Lint("Dockerfile", "FROM scratch\nWORKDIR rel\u0001dir\n", LintOptions.Default);

        var finding = Assert.Single(result.Findings, f => f.Rule.Id == "DDSL008");
        Assert.Contains("\\u0001", finding.Message);
        Assert.DoesNotContain(finding.Message, char.IsControl);
    }

    private static string Describe(LintResult result) =>
        result.Error?.ToString() ?? string.Join(";", result.Findings.Select(f => $"{f.Rule.Id} {f.Source.Line}"));
}

using System.Linq;
using DockerDsl.Core.Model;
using DockerDsl.Core.Text.Syntax;
using DockerDsl.Tests.Infrastructure;

namespace DockerDsl.Tests;

/// <summary>
/// A heredoc body reaches BuildKit exactly as declared: its line endings (LF, CRLF, a lone CR) are kept, and the
/// control characters [Run] refuses are refused here too, at the argument.
/// </summary>
public class HeredocBodyTests
{
    // The C# literal of each body (escapes as written in the declaration) and the body BuildKit must read.
    [Theory]
    [InlineData("set -e\\necho hi\\n", "set -e\necho hi\n")]
    [InlineData("set -e\\r\\necho hi\\r\\n", "set -e\r\necho hi\r\n")]
    [InlineData("set -e\\r\\necho hi", "set -e\r\necho hi\n")]
    [InlineData("a\\rb\\n", "a\rb\n")]
    [InlineData("printf 'x\\ty'\\n", "printf 'x\ty'\n")]
    [InlineData("echo EOF\\r\\nEOF \\r\\n", "echo EOF\r\nEOF \r\n")]
    [InlineData("echo \\u2028 \\u2029 é\\n", "echo \u2028 \u2029 é\n")]
    public void A_body_is_kept_exactly_in_RUN_and_COPY(string literal, string body)
    {
        var source = GeneratedOutput.Usings + $$"""
            [Dockerfile("Dockerfile")]
            public partial class D
            {
                [Stage(From = "alpine:3.20")]
                [RunHeredoc("{{literal}}")]
                [CopyHeredoc("/etc/app.conf", "{{literal}}")]
                public partial class S;
            }
            """;

        var text = GeneratorHarness.DockerfileText(GeneratorHarness.Run(source).Result);

        Assert.NotNull(text);
        var heredocs = DockerfileParser.Parse(text!).Root.Children.SelectMany(n => n.Heredocs).ToList();
        Assert.Equal(2, heredocs.Count);
        Assert.All(heredocs, h => Assert.Equal(body, h.Content));
    }

    [Theory]
    [InlineData("@\"set -e\necho hi\n\"")]
    [InlineData("\"\"\"\n    set -e\n    echo hi\n\n    \"\"\"")]
    public void The_line_breaks_of_a_verbatim_or_raw_literal_are_the_files_so_every_checkout_writes_the_same_body(string literal)
    {
        // The same declaration from an LF and a CRLF checkout.
        var texts = new[] { "\n", "\r\n" }.Select(newline =>
        {
            var source = (GeneratedOutput.Usings + "[Dockerfile(\"Dockerfile\")]\npublic partial class D\n{\n    [Stage(From = \"alpine:3.20\")]\n    [RunHeredoc(" + literal + ")]\n    [CopyHeredoc(\"/etc/app.conf\", " + literal + ")]\n    public partial class S;\n}\n").Replace("\r\n", "\n").Replace("\n", newline);
            return GeneratorHarness.DockerfileText(GeneratorHarness.Run(source).Result);
        }).ToList();

        Assert.NotNull(texts[0]);
        Assert.Equal(texts[0], texts[1]);
        var heredocs = DockerfileParser.Parse(texts[1]!).Root.Children.SelectMany(n => n.Heredocs).ToList();
        Assert.Equal(2, heredocs.Count);
        Assert.All(heredocs, h => Assert.Equal("set -e\necho hi\n", h.Content));
    }

    [Theory]
    [InlineData("EOT\\n")]
    [InlineData("EOT\\r\\n")]
    [InlineData("echo\\r\\nEOT\\r\\r\\n")]
    public void A_line_that_BuildKit_reads_as_the_terminator_is_refused_with_its_marker(string literal)
    {
        var model = GeneratorHarness.Parse(GeneratedOutput.Usings + $$"""
            [Dockerfile("Dockerfile")]
            public partial class D
            {
                [Stage(From = "alpine:3.20")]
                [RunHeredoc("{{literal}}", Marker = "EOT")]
                public partial class S;
            }
            """);

        var problem = Assert.Single(model.Problems);
        Assert.Equal("Marker", problem.Source.ArgumentName);
        Assert.Contains("would end the heredoc early", problem.Message);
    }

    [Theory]
    [InlineData("\\u0000")]
    [InlineData("\\u0001")]
    [InlineData("\\u0008")]
    [InlineData("\\u000b")]
    [InlineData("\\u000c")]
    [InlineData("\\u001b")]
    [InlineData("\\u007f")]
    [InlineData("\\u0080")]
    [InlineData("\\u0085")]
    [InlineData("\\u009f")]
    public void A_control_character_Run_refuses_is_refused_in_a_body_at_its_argument(string character)
    {
        var model = GeneratorHarness.Parse(GeneratedOutput.Usings + $$"""
            [Dockerfile("Dockerfile")]
            public partial class D
            {
                [Stage(From = "alpine:3.20")]
                [RunHeredoc("echo a{{character}}b\n")]
                [CopyHeredoc("/etc/app.conf", "a{{character}}b\n")]
                public partial class S;
            }
            """);

        Assert.Equal(2, model.Problems.Count);
        Assert.All(model.Problems, p => Assert.Equal(ProblemKind.UnsafeValue, p.Kind));
        Assert.Contains(model.Problems, p => p.Source.AttributeIndex == 1 && p.Source.ArgumentPosition == 0 && p.Message.StartsWith("The script contains the control character U+"));
        Assert.Contains(model.Problems, p => p.Source.AttributeIndex == 2 && p.Source.ArgumentPosition == 1 && p.Message.StartsWith("The content contains the control character U+"));
    }
}

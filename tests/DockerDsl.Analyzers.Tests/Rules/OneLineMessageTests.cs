using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using DockerDsl.Analyzers.Tests.Infrastructure;

namespace DockerDsl.Analyzers.Tests.Rules;

/// <summary>A bad value with a line break or another control character is shown escaped: one diagnostic stays one line.</summary>
public class OneLineMessageTests
{
    // Every character that ends or disturbs a line for a problem matcher, as a C# escape in the declaration and as the message shows it.
    public static TheoryData<string, string> Breaks => new()
    {
        { "\\n", "\\n" },
        { "\\r", "\\r" },
        { "\\r\\n", "\\r\\n" },
        { "\\t", "\\t" },
        { "\\u0000", "\\0" },
        { "\\u0001", "\\u0001" },
        { "\\u001b", "\\u001b" },
        { "\\u007f", "\\u007f" },
        { "\\u0085", "\\u0085" },
        { "\\u2028", "\\u2028" },
        { "\\u2029", "\\u2029" },
    };

    [Theory]
    [MemberData(nameof(Breaks))]
    public async Task A_value_in_a_declaration_problem_is_shown_escaped(string escape, string shown)
    {
        var diagnostics = await DeclarationRunner.DiagnosticsAsync($$"""
            using DockerDsl;

            [Dockerfile("Dockerfile")]
            public partial class App
            {
                [Stage(From = "debian:bookworm-slim", Name = "a{{escape}}b")]
                public partial class Build;

                [Stage(From = "debian{{escape}}x:12")]
                [Copy("a", "/b", From = "app{{escape}}image")]
                public partial class Final;
            }
            """);

        var messages = diagnostics.Select(d => d.GetMessage(CultureInfo.InvariantCulture)).ToList();
        Assert.All(messages, m => Assert.DoesNotContain(m, c => char.IsControl(c) || c is '\u2028' or '\u2029'));
        Assert.Contains(messages, m => m.Contains("'a" + shown + "b'"));
        Assert.Contains(messages, m => m.Contains("'debian" + shown + "x:12'"));
        Assert.Contains(messages, m => m.Contains("'app" + shown + "image'"));
    }
}

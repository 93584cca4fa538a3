using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;

namespace DockerDsl.Robustness.Tests;

/// <summary>The same declarations give byte-identical files whatever the culture or the source's line endings.</summary>
public class DeterminismTests
{
    private static string[] Seeds() => new[]
    {
        File.ReadAllText(SourceTree.File("samples/RPlumberApi/PlumberApi.cs")),
        File.ReadAllText(SourceTree.File("tests/DockerDsl.Robustness.Tests/Seeds/KitchenSink.cs")),
    };

    private static string Generate(string source) =>
        string.Join("\n\n---\n\n", Pipeline.Run(Pipeline.Compile(source), withAnalyzers: false).Files.Select(f => f.Path + "\n" + f.Text));

    [Fact]
    public void TwoRunsGiveTheSameBytes()
    {
        foreach (var seed in Seeds())
        {
            Assert.Equal(Generate(seed), Generate(seed));
        }
    }

    [Theory]
    [InlineData("tr-TR")]
    [InlineData("de-DE")]
    [InlineData("ar-SA")]
    [InlineData("ja-JP")]
    public void TheCultureDoesNotChangeTheOutput(string culture)
    {
        foreach (var seed in Seeds())
        {
            var invariant = InCulture(CultureInfo.InvariantCulture, () => Generate(seed));
            var local = InCulture(new CultureInfo(culture), () => Generate(seed));
            Assert.Equal(invariant, local);
        }
    }

    [Fact]
    public void LineEndingsOfTheSourceDoNotChangeTheOutput()
    {
        foreach (var seed in Seeds())
        {
            var lf = seed.Replace("\r\n", "\n");
            Assert.Equal(Generate(lf), Generate(lf.Replace("\n", "\r\n")));
        }
    }

    [Fact]
    public void MultiLineValuesAreNormalizedToLf()
    {
        const string template = "using DockerDsl;\n[Dockerfile(\"Dockerfile\")]\npublic partial class D\n{\n    [Stage(From = \"alpine:3.20\")]\n    [RunHeredoc(@\"set -e\necho one\necho two\n\")]\n    [CopyHeredoc(\"/etc/motd\", @\"line one\nline two\n\")]\n    public partial class S;\n}\n";
        var lf = Generate(template);
        var crlf = Generate(template.Replace("\n", "\r\n"));

        Assert.Equal(lf, crlf);
        Assert.DoesNotContain('\r', crlf);
        Assert.Contains("echo one\necho two\n", crlf);
    }

    private static T InCulture<T>(CultureInfo culture, Func<T> action)
    {
        var (current, ui) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = culture;
            return action();
        }
        finally
        {
            CultureInfo.CurrentCulture = current;
            CultureInfo.CurrentUICulture = ui;
        }
    }
}

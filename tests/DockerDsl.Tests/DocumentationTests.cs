using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using DockerDsl.Tests.Infrastructure;

namespace DockerDsl.Tests;

/// <summary>docs/attributes.md shows each attribute next to its Dockerfile text; this keeps the page true.</summary>
public class DocumentationTests
{
    private static readonly Regex Example = new(@"```csharp\n(?<csharp>(?:(?!```).)*?)```\s*```(?<kind>dockerfile|dockerignore|hcl)\n(?<output>.*?)```", RegexOptions.Singleline);

    public static IEnumerable<object[]> Examples()
    {
        var page = File.ReadAllText(SourceTree.File("docs", "attributes.md")).Replace("\r\n", "\n");
        var index = 0;
        foreach (Match match in Example.Matches(page))
        {
            yield return new object[] { index++, match.Groups["csharp"].Value, match.Groups["kind"].Value, match.Groups["output"].Value };
        }
    }

    [Fact]
    public void ThePageHasExamples() => Assert.True(Examples().Count() >= 15);

    [Theory]
    [MemberData(nameof(Examples))]
    public void EachExampleProducesTheFileShownUnderIt(int index, string csharp, string kind, string expected)
    {
        string source;
        string actual;
        if (kind != "dockerfile")
        {
            var (result, _) = GeneratorHarness.Run(csharp);
            var files = GeneratorHarness.GeneratedFiles(result.GeneratedTrees).ToList();
            actual = files.Single(f => kind == "hcl" ? f.Path.EndsWith(".hcl", System.StringComparison.Ordinal) : f.Path.EndsWith(".dockerignore", System.StringComparison.Ordinal)).Text;
        }
        else if (csharp.Contains("[Dockerfile("))
        {
            source = csharp;
            actual = Generate(source);
        }
        else if (csharp.Contains(" class "))
        {
            source = $"using DockerDsl;\n[Dockerfile(\"Dockerfile\")]\npublic partial class Doc\n{{\n{csharp}}}\n";
            actual = AfterHeader(Generate(source));
        }
        else
        {
            source = $"using DockerDsl;\n[Dockerfile(\"Dockerfile\")]\npublic partial class Doc\n{{\n[Stage(From = \"debian:bookworm-slim\")]\n{csharp}public partial class Example;\n}}\n";
            actual = AfterFrom(Generate(source));
        }

        Assert.True(expected == actual, $"Example {index} differs (- page, + generated):\n{LineDiff.Format(expected, actual)}");
    }

    private static string Generate(string source)
    {
        var (result, _) = GeneratorHarness.Run(source);
        var text = GeneratorHarness.DockerfileText(result);
        Assert.True(text is not null, "The example declares an invalid Dockerfile:\n" + source);
        return text!;
    }

    private static string AfterHeader(string text)
    {
        var lines = text.Split('\n').SkipWhile(l => l.StartsWith('#') || l.Length == 0);
        return string.Join("\n", lines);
    }

    private static string AfterFrom(string text)
    {
        var lines = text.Split('\n').SkipWhile(l => !l.StartsWith("FROM ", System.StringComparison.Ordinal)).Skip(1);
        return string.Join("\n", lines);
    }
}

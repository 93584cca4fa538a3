using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using DockerDsl.Core.Text.Syntax;
using DockerDsl.Tests.Shared;

namespace DockerDsl.Core.Tests.Syntax;

/// <summary>BuildKit's own parser test cases (parser_test.go), read from the corpus in place.</summary>
public class BuildKitParserCorpusTests
{
    public static IEnumerable<object[]> DumpCases() => CaseNames("buildkit-parser");

    public static IEnumerable<object[]> NegativeCases() => CaseNames("buildkit-parser-negative");

    [Fact]
    public void The_corpus_has_every_case()
    {
        Assert.Equal(33, DumpCases().Count());
        Assert.Equal(4, NegativeCases().Count());
    }

    [Theory]
    [MemberData(nameof(DumpCases))]
    public void Dump_equals_BuildKit_result(string name)
    {
        var dockerfile = File.ReadAllBytes(Corpus.Path("buildkit-parser", name, "Dockerfile"));
        var expected = Encoding.UTF8.GetString(File.ReadAllBytes(Corpus.Path("buildkit-parser", name, "result")));

        var result = DockerfileParser.Parse(dockerfile);

        Assert.Equal(expected, result.Root.Dump() + "\n");
    }

    [Theory]
    [MemberData(nameof(NegativeCases))]
    public void Negative_case_is_refused(string name)
    {
        var dockerfile = File.ReadAllBytes(Corpus.Path("buildkit-parser-negative", name, "Dockerfile"));

        var error = Assert.Throws<DockerfileParseException>(() => DockerfileParser.Parse(dockerfile));

        Assert.False(string.IsNullOrWhiteSpace(error.Reason));
        if (error.StartLine > 0)
        {
            Assert.StartsWith($"line {error.StartLine}: ", error.Message);
        }
    }

    [Theory]
    [InlineData("empty_dockerfile", "file with no instructions", 0)]
    [InlineData("only_comments", "file with no instructions", 3)]
    [InlineData("env_no_value", "ENV must have two arguments", 3)]
    [InlineData("shykes-nested-json", "when using JSON array syntax, arrays must be comprised of strings only", 1)]
    public void Negative_case_names_BuildKit_reason_and_line(string name, string reason, int line)
    {
        var dockerfile = File.ReadAllBytes(Corpus.Path("buildkit-parser-negative", name, "Dockerfile"));

        var error = Assert.Throws<DockerfileParseException>(() => DockerfileParser.Parse(dockerfile));

        Assert.Equal(reason, error.Reason);
        Assert.Equal(line, error.StartLine);
    }

    [Fact]
    public void Line_numbers_match_BuildKit_TestParseIncludesLineNumbers()
    {
        var folder = Corpus.Path("buildkit-parser-extra", "testfile-line");
        using var expected = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, "expected-lines.json")));
        var ast = expected.RootElement.GetProperty("ast");
        var children = expected.RootElement.GetProperty("children").EnumerateArray()
            .Select(pair => new[] { pair[0].GetInt32(), pair[1].GetInt32() })
            .ToArray();

        var root = DockerfileParser.Parse(File.ReadAllBytes(Path.Combine(folder, "Dockerfile"))).Root;

        Assert.Equal(ast.GetProperty("start_line").GetInt32(), root.StartLine);
        Assert.Equal(ast.GetProperty("end_line").GetInt32(), root.EndLine);
        Assert.Equal(ast.GetProperty("children").GetInt32(), root.Children.Count);
        Assert.Equal(children, root.Children.Select(child => new[] { child.StartLine, child.EndLine }).ToArray());
    }

    private static IEnumerable<object[]> CaseNames(string folder) =>
        Corpus.Cases(folder).Select(path => new object[] { Path.GetFileName(path) });
}

using System.Collections.Generic;
using System.IO;
using System.Linq;
using DockerDsl.Core.Lint;

namespace DockerDsl.Core.Tests.Conformance;

/// <summary>Every real Dockerfile of the corpus (official images, .NET images, BuildKit-heavy projects) reads and lints.</summary>
public class RealDockerfileTests
{
    public static IEnumerable<object[]> Files() =>
        Directory.GetFiles(Corpus.Path("real")).Order(System.StringComparer.Ordinal).Select(f => new object[] { Path.GetFileName(f) });

    [Theory]
    [MemberData(nameof(Files))]
    public void Lints_without_error(string file)
    {
        var text = File.ReadAllText(Corpus.Path("real", file));

        var result = DockerfileLinter.Lint(file, text, LintOptions.Default);

        Assert.Null(result.Error);
        Assert.All(result.Findings, f => Assert.Equal(file, f.Source.Origin));
    }

    [Fact]
    public void The_corpus_has_88_real_files() => Assert.Equal(88, Files().Count());
}

using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace DockerDsl.Tests.Infrastructure;

/// <summary>Runs the generator on declarations and verifies every output against its snapshot.</summary>
public static class GeneratedOutput
{
    public const string Usings = "using DockerDsl;\n\n";

    /// <summary>
    /// Snapshots the Dockerfile text and the C# file of each Dockerfile class; with
    /// <paramref name="buildFiles"/>, also the .dockerignore files and the bake file.
    /// </summary>
    public static void Verify(string source, System.Collections.Generic.IDictionary<string, string>? buildProperties = null, bool buildFiles = false, [CallerMemberName] string test = "")
    {
        var (result, output) = GeneratorHarness.Run(source, buildProperties);
        Assert.Empty(result.Diagnostics);
        AssertCompilesClean(output);
        Assert.NotEmpty(result.GeneratedTrees);
        foreach (var generated in result.Results.SelectMany(r => r.GeneratedSources).Where(g => buildFiles || g.HintName.EndsWith(".Dockerfile.g.cs", System.StringComparison.Ordinal)))
        {
            Snapshot.Verify(generated.SourceText.ToString(), generated.HintName.Replace(".g.cs", string.Empty), "cs", test);
        }

        var files = GeneratorHarness.GeneratedFiles(result.GeneratedTrees).ToList();
        Assert.NotEmpty(files);
        foreach (var (path, text) in files.Where(f => buildFiles || !(f.Path.EndsWith(".dockerignore", System.StringComparison.Ordinal) || f.Path.EndsWith(".hcl", System.StringComparison.Ordinal))))
        {
            var name = path.Replace('/', '_');
            var extension = name.Contains('.') ? name.Substring(name.LastIndexOf('.') + 1) : "Dockerfile";
            Snapshot.Verify(text, name, extension, test);
        }
    }

    public static void AssertCompilesClean(Compilation output)
    {
        var diagnostics = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(diagnostics.Count == 0, "Generated code does not compile cleanly:\n" + string.Join("\n", diagnostics));
    }
}

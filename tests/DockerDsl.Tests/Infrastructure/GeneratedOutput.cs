using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace DockerDsl.Tests.Infrastructure;

/// <summary>Runs the generator on declarations and verifies every output against its snapshot.</summary>
public static class GeneratedOutput
{
    public const string Usings = "using DockerDsl;\n\n";

    public static void Verify(string source, System.Collections.Generic.IDictionary<string, string>? buildProperties = null, [CallerMemberName] string test = "", [CallerFilePath] string callerFile = "")
    {
        var (result, output) = GeneratorHarness.Run(source, buildProperties);
        Assert.Empty(result.Diagnostics);
        AssertCompilesClean(output);
        Assert.NotEmpty(result.GeneratedTrees);
        foreach (var generated in result.Results.SelectMany(r => r.GeneratedSources))
        {
            Snapshot.Verify(generated.SourceText.ToString(), generated.HintName.Replace(".g.cs", string.Empty), "cs", test, callerFile);
        }

        var text = GeneratorHarness.DockerfileText(result);
        Assert.NotNull(text);
        Snapshot.Verify(text!, "Dockerfile", "Dockerfile", test, callerFile);
    }

    public static void AssertCompilesClean(Compilation output)
    {
        var diagnostics = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(diagnostics.Count == 0, "Generated code does not compile cleanly:\n" + string.Join("\n", diagnostics));
    }
}

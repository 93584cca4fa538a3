using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using DockerDsl.Core.Emit;
using DockerDsl.Declarations.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DockerDsl.Analyzers.Tests.Infrastructure;

/// <summary>Compiles declarations outside the testing framework: every analyzer's diagnostics, and the Dockerfile text.</summary>
internal static class DeclarationRunner
{
    public static CSharpCompilation Compile(params string[] sources) =>
        CSharpCompilation.Create(
            "Declarations",
            sources.Select((source, i) => CSharpSyntaxTree.ParseText(source, DeclarationReferences.ParseOptions, $"Declarations{i}.cs")),
            DeclarationReferences.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

    /// <summary>The Dockerfiles of every [Dockerfile] class in <paramref name="sources"/>; other code in them need not compile.</summary>
    public static string[] Dockerfiles(params string[] sources) =>
        Compile(sources).GetSymbolsWithName(_ => true, SymbolFilter.Type)
            .OfType<INamedTypeSymbol>()
            .Where(t => t.GetAttributes().Any(a => a.AttributeClass?.Name == "DockerfileAttribute"))
            .Select(type => DockerfileParser.Parse(type))
            .Where(model => !model.HasProblems)
            .Select(model => DockerfileEmitter.Emit(model))
            .ToArray();

    /// <summary>Compiler and DockerDsl diagnostics of info severity or more.</summary>
    public static async Task<ImmutableArray<Diagnostic>> DiagnosticsAsync(string source)
    {
        var analyzers = TestReferences.AllAnalyzers().Cast<DiagnosticAnalyzer>().ToImmutableArray();
        var diagnostics = await Compile(source).WithAnalyzers(analyzers).GetAllDiagnosticsAsync();
        return diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Info).ToImmutableArray();
    }

    /// <summary>The Dockerfile the generator would write for the single [Dockerfile] class in <paramref name="source"/>.</summary>
    public static string Dockerfile(string source)
    {
        var type = Compile(source).GetSymbolsWithName(_ => true, SymbolFilter.Type)
            .OfType<INamedTypeSymbol>()
            .Single(t => t.GetAttributes().Any(a => a.AttributeClass?.Name == "DockerfileAttribute"));
        var model = DockerfileParser.Parse(type);
        Assert.False(model.HasProblems, string.Join("\n", model.Problems.Select(p => p.Message)));
        return DockerfileEmitter.Emit(model);
    }
}

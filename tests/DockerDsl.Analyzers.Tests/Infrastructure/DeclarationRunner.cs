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
    /// <param name="buildProperties">MSBuild properties the analyzers see (<c>build_property.NAME</c>), such as DockerDslLocked.</param>
    /// <param name="lockFile">The text of the project's dockerdsl.lock.json, passed as an AdditionalFile; null for none.</param>
    public static async Task<ImmutableArray<Diagnostic>> DiagnosticsAsync(string source, ImmutableDictionary<string, string>? buildProperties = null, string? lockFile = null)
    {
        var analyzers = TestReferences.AllAnalyzers().Cast<DiagnosticAnalyzer>().ToImmutableArray();
        var additional = lockFile is null ? ImmutableArray<AdditionalText>.Empty : ImmutableArray.Create<AdditionalText>(new InMemoryText("/project/dockerdsl.lock.json", lockFile));
        var options = new AnalyzerOptions(additional, new BuildProperties(buildProperties ?? ImmutableDictionary<string, string>.Empty));
        var diagnostics = await Compile(source).WithAnalyzers(analyzers, options).GetAllDiagnosticsAsync();
        return diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Info).ToImmutableArray();
    }

    private sealed class InMemoryText(string path, string text) : AdditionalText
    {
        public override string Path => path;

        public override Microsoft.CodeAnalysis.Text.SourceText GetText(System.Threading.CancellationToken cancellationToken = default) =>
            Microsoft.CodeAnalysis.Text.SourceText.From(text);
    }

    private sealed class BuildProperties : AnalyzerConfigOptionsProvider
    {
        private readonly Options _global;

        public BuildProperties(ImmutableDictionary<string, string> properties) =>
            _global = new Options(properties.ToImmutableDictionary(p => "build_property." + p.Key, p => p.Value));

        public override AnalyzerConfigOptions GlobalOptions => _global;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Options.Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Options.Empty;

        private sealed class Options : AnalyzerConfigOptions
        {
            public static readonly Options Empty = new(ImmutableDictionary<string, string>.Empty);
            private readonly ImmutableDictionary<string, string> _values;

            public Options(ImmutableDictionary<string, string> values) => _values = values;

            public override bool TryGetValue(string key, out string value) => _values.TryGetValue(key, out value!);
        }
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

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using DockerDsl.Core.Model;
using DockerDsl.Declarations.Parsing;
using DockerDsl.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DockerDsl.Tests.Infrastructure;

/// <summary>Compiles declarations against .NET 8 reference assemblies and the DockerDsl attributes, and runs the generator.</summary>
public static class GeneratorHarness
{
    public static CSharpCompilation Compile(params string[] sources) =>
        CSharpCompilation.Create(
            "Declarations",
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, DeclarationReferences.ParseOptions, path: $"Source{i}.cs")),
            DeclarationReferences.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static GeneratorDriver Driver(IDictionary<string, string>? buildProperties = null, IEnumerable<AdditionalText>? additionalFiles = null) =>
        CSharpGeneratorDriver.Create(
            new[] { new DockerfileGenerator().AsSourceGenerator() },
            additionalTexts: additionalFiles,
            parseOptions: DeclarationReferences.ParseOptions,
            optionsProvider: new BuildProperties(buildProperties ?? new Dictionary<string, string>()),
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Runs the generator once and returns its result and the compilation with generated code.</summary>
    public static (GeneratorDriverRunResult Result, Compilation Output) Run(string source, IDictionary<string, string>? buildProperties = null)
    {
        var driver = Driver(buildProperties).RunGeneratorsAndUpdateCompilation(Compile(source), out var output, out _);
        return (driver.GetRunResult(), output);
    }

    /// <summary>Runs the generator once with <paramref name="additionalFiles"/> (path, text) as the project's AdditionalFiles.</summary>
    public static GeneratorDriverRunResult RunWithFiles(string source, params (string Path, string Text)[] additionalFiles) =>
        Driver(null, additionalFiles.Select(f => (AdditionalText)new InMemoryAdditionalText(f.Path, f.Text)))
            .RunGenerators(Compile(source))
            .GetRunResult();

    /// <summary>The Dockerfile text the generated code carries for the first declaration, or null when withheld.</summary>
    public static string? DockerfileText(GeneratorDriverRunResult result) =>
        GeneratedFiles(result.GeneratedTrees.Where(t => t.FilePath.EndsWith(".Dockerfile.g.cs", StringComparison.Ordinal)))
            .Select(f => f.Text)
            .FirstOrDefault();

    /// <summary>Every <c>[assembly: GeneratedFile(path, text)]</c> in the generated trees, in order.</summary>
    public static IEnumerable<(string Path, string Text)> GeneratedFiles(IEnumerable<SyntaxTree> trees)
    {
        foreach (var attribute in trees.SelectMany(t => t.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.AttributeSyntax>()))
        {
            if (attribute.Name.ToString().EndsWith("GeneratedFileAttribute", StringComparison.Ordinal))
            {
                var arguments = attribute.ArgumentList!.Arguments;
                yield return (
                    ((Microsoft.CodeAnalysis.CSharp.Syntax.LiteralExpressionSyntax)arguments[0].Expression).Token.ValueText,
                    ((Microsoft.CodeAnalysis.CSharp.Syntax.LiteralExpressionSyntax)arguments[1].Expression).Token.ValueText);
            }
        }
    }

    /// <summary>Parses the single class marked [Dockerfile] in <paramref name="source"/>.</summary>
    public static DockerfileModel Parse(string source)
    {
        var compilation = Compile(source);
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, "Declarations do not compile:\n" + string.Join("\n", errors));
        var type = compilation.GetSymbolsWithName(_ => true, SymbolFilter.Type)
            .OfType<INamedTypeSymbol>()
            .Single(t => t.GetAttributes().Any(a => a.AttributeClass?.Name == "DockerfileAttribute"));
        return DockerfileParser.Parse(type);
    }

    private sealed class InMemoryAdditionalText : AdditionalText
    {
        private readonly string _text;

        public InMemoryAdditionalText(string path, string text)
        {
            Path = path;
            _text = text;
        }

        public override string Path { get; }

        public override Microsoft.CodeAnalysis.Text.SourceText GetText(System.Threading.CancellationToken cancellationToken = default) =>
            Microsoft.CodeAnalysis.Text.SourceText.From(_text);
    }

    private sealed class BuildProperties : AnalyzerConfigOptionsProvider
    {
        private readonly Options _global;

        public BuildProperties(IDictionary<string, string> properties) =>
            _global = new Options(properties.ToDictionary(p => "build_property." + p.Key, p => p.Value));

        public override AnalyzerConfigOptions GlobalOptions => _global;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Options.Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Options.Empty;

        private sealed class Options : AnalyzerConfigOptions
        {
            public static readonly Options Empty = new(new Dictionary<string, string>());
            private readonly Dictionary<string, string> _values;

            public Options(Dictionary<string, string> values) => _values = values;

            public override bool TryGetValue(string key, out string value) => _values.TryGetValue(key, out value!);
        }
    }
}

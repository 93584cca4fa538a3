using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using DockerDsl.Analyzers.Rules;
using DockerDsl.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DockerDsl.Robustness.Tests;

/// <summary>Runs everything DockerDsl puts into a compiler on some sources: the generator and every analyzer.</summary>
internal static class Pipeline
{
    public static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers =
        typeof(RootUserAnalyzer).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();

    public sealed record Outcome(
        CSharpCompilation Input,
        IReadOnlyList<(string Path, string Text)> Files,
        IReadOnlyList<Diagnostic> GeneratorDiagnostics,
        Exception? GeneratorException,
        IReadOnlyList<Diagnostic> CompilerErrors,
        IReadOnlyList<Diagnostic> AnalyzerDiagnostics,
        IReadOnlyList<string> AnalyzerExceptions);

    public static CSharpCompilation Compile(params string[] sources) =>
        CSharpCompilation.Create(
            "Fuzz",
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, DeclarationReferences.ParseOptions, path: $"Source{i}.cs")),
            DeclarationReferences.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static Outcome Run(CSharpCompilation compilation, bool withAnalyzers = true)
    {
        var driver = CSharpGeneratorDriver.Create(new[] { new DockerfileGenerator().AsSourceGenerator() }, parseOptions: DeclarationReferences.ParseOptions)
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        var result = driver.GetRunResult();

        var analyzerDiagnostics = new List<Diagnostic>();
        var analyzerExceptions = new List<string>();
        if (withAnalyzers)
        {
            var options = new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
                (exception, analyzer, _) => { lock (analyzerExceptions) { analyzerExceptions.Add($"{analyzer.GetType().Name}: {exception}"); } },
                concurrentAnalysis: false,
                logAnalyzerExecutionTime: false);
            analyzerDiagnostics.AddRange(compilation.WithAnalyzers(Analyzers, options).GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult());
            analyzerExceptions.AddRange(analyzerDiagnostics.Where(d => d.Id == "AD0001").Select(d => d.ToString()));
        }

        return new Outcome(
            compilation,
            Files(result.GeneratedTrees).ToList(),
            result.Diagnostics,
            result.Results.Single().Exception,
            compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList(),
            analyzerDiagnostics,
            analyzerExceptions);
    }

    public static IEnumerable<(string Path, string Text)> Files(IEnumerable<SyntaxTree> trees)
    {
        foreach (var attribute in trees.SelectMany(t => t.GetRoot().DescendantNodes().OfType<AttributeSyntax>()))
        {
            if (attribute.Name.ToString().EndsWith("GeneratedFileAttribute", StringComparison.Ordinal))
            {
                var arguments = attribute.ArgumentList!.Arguments;
                yield return (((LiteralExpressionSyntax)arguments[0].Expression).Token.ValueText, ((LiteralExpressionSyntax)arguments[1].Expression).Token.ValueText);
            }
        }
    }
}

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using Basic.Reference.Assemblies;
using DockerDsl.Core.Model;
using DockerDsl.Declarations.Parsing;
using DockerDsl.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DockerDsl.Benchmarks;

/// <summary>
/// Everything one benchmark size needs, built before timing starts: the compilation, the edited syntax
/// trees, a generator driver that has already run once, the compilation with generated code for the
/// analyzers, and the parsed models for the emitter.
/// </summary>
public sealed class Workload
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.CSharp12);

    private static readonly ImmutableArray<MetadataReference> References =
        Net80.References.All.Cast<MetadataReference>()
            .Append(MetadataReference.CreateFromFile(typeof(DockerfileAttribute).Assembly.Location))
            .ToImmutableArray();

    /// <summary>Every concrete <see cref="DiagnosticAnalyzer"/> in DockerDsl.Analyzers.dll.</summary>
    public static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers =
        Assembly.Load("DockerDsl.Analyzers").GetTypes()
            .Where(t => typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && !t.IsAbstract && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();

    public Workload(int stages)
    {
        Stages = stages;
        var files = Declarations.Files(stages);
        Compilation = CSharpCompilation.Create(
            "Bench.App",
            files.Select(f => CSharpSyntaxTree.ParseText(f.Source, ParseOptions, path: f.Path)),
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        var errors = Compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("The benchmark declarations do not compile:\n" + string.Join("\n", errors.Take(10)));
        }

        DeclarationTree = Tree(Declarations.FileName(Declarations.EditedDockerfile));
        var editedCount = Math.Min(Declarations.StagesPerDockerfile, stages);
        EditedDeclarationTree = CSharpSyntaxTree.ParseText(Declarations.Dockerfile(Declarations.EditedDockerfile, editedCount, edited: true), ParseOptions, DeclarationTree.FilePath);
        UnrelatedTree = Tree(Declarations.UnrelatedFile);
        EditedUnrelatedTree = CSharpSyntaxTree.ParseText(Declarations.EditedUnrelatedSource, ParseOptions, UnrelatedTree.FilePath);
        AssertOneCharacterEdit(DeclarationTree, EditedDeclarationTree);
        AssertOneCharacterEdit(UnrelatedTree, EditedUnrelatedTree);

        WarmDriver = CreateDriver(trackSteps: false).RunGeneratorsAndUpdateCompilation(Compilation.Clone(), out var generated, out var generatorDiagnostics);
        if (!generatorDiagnostics.IsEmpty)
        {
            throw new InvalidOperationException("The generator reported: " + string.Join("\n", generatorDiagnostics));
        }

        GeneratedCompilation = generated;
        var dockerfiles = WarmDriver.GetRunResult().GeneratedTrees.Count(t => t.FilePath.EndsWith(".Dockerfile.g.cs", StringComparison.Ordinal));
        if (dockerfiles != Declarations.DockerfileCount(stages))
        {
            throw new InvalidOperationException($"Expected {Declarations.DockerfileCount(stages)} generated Dockerfiles, got {dockerfiles}.");
        }

        Models = Compilation.GetSymbolsWithName(_ => true, SymbolFilter.Type)
            .OfType<INamedTypeSymbol>()
            .Where(t => t.GetAttributes().Any(a => a.AttributeClass?.Name == nameof(DockerfileAttribute)))
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .Select(t => DockerfileParser.Parse(t))
            .ToImmutableArray();
        if (Models.Any(m => m.HasProblems) || Models.Sum(m => m.Stages.Count) != stages)
        {
            throw new InvalidOperationException($"The parsed models do not hold {stages} valid stages.");
        }
    }

    public int Stages { get; }

    public CSharpCompilation Compilation { get; }

    public Compilation GeneratedCompilation { get; }

    public SyntaxTree DeclarationTree { get; }

    public SyntaxTree EditedDeclarationTree { get; }

    public SyntaxTree UnrelatedTree { get; }

    public SyntaxTree EditedUnrelatedTree { get; }

    /// <summary>A driver that has run on <see cref="Compilation"/>: what the compiler or IDE holds before the next edit.</summary>
    public GeneratorDriver WarmDriver { get; }

    public ImmutableArray<DockerfileModel> Models { get; }

    /// <summary>
    /// A driver as the compiler creates it: no step tracking (the checks turn it on), no build properties
    /// (the generator's defaults).
    /// </summary>
    public static GeneratorDriver CreateDriver(bool trackSteps) =>
        CSharpGeneratorDriver.Create(
            new[] { new DockerfileGenerator().AsSourceGenerator() },
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));

    public static CompilationWithAnalyzers WithAnalyzers(Compilation compilation) =>
        new(compilation, Analyzers, new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            onAnalyzerException: null,
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false,
            reportSuppressedDiagnostics: false));

    private SyntaxTree Tree(string path) => Compilation.SyntaxTrees.Single(t => t.FilePath == path);

    private static void AssertOneCharacterEdit(SyntaxTree before, SyntaxTree after)
    {
        var a = before.ToString();
        var b = after.ToString();
        var differing = a.Length == b.Length ? a.Zip(b).Count(p => p.First != p.Second) : -1;
        if (differing != 1)
        {
            throw new InvalidOperationException($"The edit of {before.FilePath} is not one character ({differing} differ).");
        }
    }
}

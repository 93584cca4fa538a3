using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using DockerDsl.Analyzers.Infrastructure;
using DockerDsl.Core.Import;
using DockerDsl.Core.Text;
using DockerDsl.Generators;
using DockerDsl.Tests.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DockerDsl.Import.Tests.Infrastructure;

/// <summary>
/// One Dockerfile imported, its C# compiled in memory against the DockerDsl attributes with the generator and every
/// analyzer, and the Dockerfile the generator writes for it.
/// </summary>
internal sealed class ImportedCompilation
{
    private static readonly ConcurrentDictionary<string, Lazy<ImportedCompilation>> Cache = new(StringComparer.Ordinal);

    private ImportedCompilation(string path, string original, ImportResult? import, ImmutableArray<Diagnostic> diagnostics, string? regenerated, Exception? refusal = null)
    {
        Refusal = refusal;
        Path = path;
        Original = original;
        Import = import;
        Diagnostics = diagnostics;
        Regenerated = regenerated;
    }

    public string Path { get; }

    public string Original { get; }

    /// <summary>The import; null when the importer refused the file (see <see cref="Refusal"/>).</summary>
    public ImportResult? Import { get; }

    /// <summary>Why the importer refused the file: BuildKit refuses it too, at a line.</summary>
    public Exception? Refusal { get; }

    /// <summary>The compiler's and the analyzers' diagnostics of warning severity or more.</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; }

    /// <summary>The Dockerfile text the generated code carries, or null when the generator withheld it.</summary>
    public string? Regenerated { get; }

    /// <summary>The import of the corpus file at <paramref name="path"/>, made once per test run.</summary>
    public static ImportedCompilation Of(string path) =>
        Cache.GetOrAdd(path, p => new Lazy<ImportedCompilation>(() => Create(p, File.ReadAllText(p)))).Value;

    public static ImportedCompilation Create(string path, string text, string? dockerignore = null)
    {
        ImportResult import;
        try
        {
            import = DockerfileImporter.Import(path, text, new ImportOptions("Imported") { DockerfilePath = "Dockerfile", Dockerignore = dockerignore });
        }
        catch (Exception e) when (e is DockerfileReadException or Core.Text.Syntax.DockerfileParseException)
        {
            return new ImportedCompilation(path, text, null, ImmutableArray<Diagnostic>.Empty, null, e);
        }

        var (diagnostics, regenerated) = Compile(import.Source);
        return new ImportedCompilation(path, text, import, diagnostics, regenerated);
    }

    /// <param name="analyzers">False for the compiler's diagnostics only (faster): DDSL1xx problems then show as a withheld Dockerfile.</param>
    public static (ImmutableArray<Diagnostic> Diagnostics, string? Dockerfile) Compile(string source, bool analyzers = true)
    {
        var compilation = CSharpCompilation.Create(
            "Imported",
            new[] { CSharpSyntaxTree.ParseText(source, DeclarationReferences.ParseOptions, path: "Imported.cs") },
            DeclarationReferences.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var driver = CSharpGeneratorDriver.Create(new[] { new DockerfileGenerator().AsSourceGenerator() }, parseOptions: DeclarationReferences.ParseOptions)
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        var diagnostics = (analyzers ? output.WithAnalyzers(Analyzers()).GetAllDiagnosticsAsync().GetAwaiter().GetResult() : output.GetDiagnostics())
            .Where(d => d.Severity >= DiagnosticSeverity.Warning)
            .ToImmutableArray();
        return (diagnostics, GeneratedDockerfile(driver.GetRunResult().GeneratedTrees));
    }

    /// <summary>Every analyzer of the DockerDsl analyzer assembly.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> Analyzers() =>
        typeof(DockerfileAnalyzer).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) is not null)
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();

    /// <summary>Every file the generator writes for <paramref name="source"/> (the Dockerfile, its .dockerignore), by declared path.</summary>
    public static IReadOnlyDictionary<string, string> GeneratedFiles(string source)
    {
        var compilation = CSharpCompilation.Create(
            "Imported",
            new[] { CSharpSyntaxTree.ParseText(source, DeclarationReferences.ParseOptions, path: "Imported.cs") },
            DeclarationReferences.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var driver = CSharpGeneratorDriver.Create(new[] { new DockerfileGenerator().AsSourceGenerator() }, parseOptions: DeclarationReferences.ParseOptions)
            .RunGeneratorsAndUpdateCompilation(compilation, out _, out _);
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var attribute in driver.GetRunResult().GeneratedTrees.SelectMany(t => t.GetRoot().DescendantNodes().OfType<AttributeSyntax>()))
        {
            if (attribute.Name.ToString().EndsWith("GeneratedFile", StringComparison.Ordinal)
                || attribute.Name.ToString().EndsWith("GeneratedFileAttribute", StringComparison.Ordinal))
            {
                var arguments = attribute.ArgumentList!.Arguments;
                files[((LiteralExpressionSyntax)arguments[0].Expression).Token.ValueText] = ((LiteralExpressionSyntax)arguments[1].Expression).Token.ValueText;
            }
        }

        return files;
    }

    // The generator carries each Dockerfile as [assembly: GeneratedFile(path, text)].
    private static string? GeneratedDockerfile(IEnumerable<SyntaxTree> trees)
    {
        foreach (var attribute in trees.SelectMany(t => t.GetRoot().DescendantNodes().OfType<AttributeSyntax>()))
        {
            if (attribute.Name.ToString().EndsWith("GeneratedFile", StringComparison.Ordinal)
                || attribute.Name.ToString().EndsWith("GeneratedFileAttribute", StringComparison.Ordinal))
            {
                var arguments = attribute.ArgumentList!.Arguments;
                return ((LiteralExpressionSyntax)arguments[1].Expression).Token.ValueText;
            }
        }

        return null;
    }
}

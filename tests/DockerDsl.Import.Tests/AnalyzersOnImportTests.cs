using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DockerDsl.CodeFixes;
using DockerDsl.Core.Text;
using DockerDsl.Import.Tests.Infrastructure;
using DockerDsl.Tests.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace DockerDsl.Import.Tests;

/// <summary>
/// Imported corpus files that run as root, have no HEALTHCHECK or use an unlocked cache mount: DDSL001, DDSL002 and
/// DDSL003 fire at the attribute that says so, and their code fixes apply to the imported C# and leave it compiling
/// clean, with a Dockerfile that now has the fix.
/// </summary>
public class AnalyzersOnImportTests
{
    public static TheoryData<string, string, string> Cases => new()
    {
        // File, rule, the attribute it is reported at.
        { "real/astral-sh__uv__Dockerfile.Dockerfile", "DDSL001", "Stage" },
        { "real/astral-sh__uv__Dockerfile.Dockerfile", "DDSL002", "Stage" },
        { "real/astral-sh__uv__Dockerfile.Dockerfile", "DDSL003", "CacheMount" },
        { "real/docker-library__python__3.14__slim-trixie__Dockerfile.Dockerfile", "DDSL001", "Stage" },
        { "real/docker-library__python__3.14__slim-trixie__Dockerfile.Dockerfile", "DDSL002", "Stage" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task The_rule_fires_at_the_attribute_and_its_code_fix_applies_cleanly(string file, string id, string attributeName)
    {
        var imported = ImportedCompilation.Of(Corpus.Path(file));
        var source = imported.Import!.Source;
        var document = Document(source);

        var diagnostics = (await DiagnosticsAsync(document)).Where(d => d.Id == id).ToList();
        Assert.NotEmpty(diagnostics);
        var diagnostic = diagnostics[0];
        var root = (await document.GetSyntaxRootAsync())!;
        var attribute = root.FindNode(diagnostic.Location.SourceSpan).AncestorsAndSelf().OfType<AttributeSyntax>().FirstOrDefault();
        Assert.True(attribute is not null, $"{id} is not at an attribute: {diagnostic}");
        Assert.Equal(attributeName, attribute!.Name.ToString());
        if (attributeName == "Stage")
        {
            // The final stage's: the last class with [Stage].
            var finalStage = root.DescendantNodes().OfType<ClassDeclarationSyntax>().Last(c => c.AttributeLists.SelectMany(l => l.Attributes).Any(a => a.Name.ToString() == "Stage"));
            Assert.Same(finalStage, attribute.Ancestors().OfType<ClassDeclarationSyntax>().First());
        }

        var fixedDocument = await ApplyFixAsync(document, diagnostic);
        var fixedSource = (await fixedDocument.GetTextAsync()).ToString();
        Assert.NotEqual(source, fixedSource);
        var (after, dockerfile) = ImportedCompilation.Compile(fixedSource);
        Assert.DoesNotContain(after, d => d.Severity == DiagnosticSeverity.Error || d.Id.StartsWith("DDSL1", StringComparison.Ordinal));
        Assert.True(after.Count(d => d.Id == id) < diagnostics.Count, $"{id} still fires as often after its fix:\n{string.Join("\n", after.Where(d => d.Id == id))}");
        Assert.NotNull(dockerfile);

        // What the fix adds is in the Dockerfile now, and was not before: a USER, a HEALTHCHECK, sharing=locked.
        int Count(string text) => id switch
        {
            "DDSL001" => DockerfileReader.Read("Dockerfile", text).Syntax.Root.Children.Count(n => n.Value == "user"),
            "DDSL002" => DockerfileReader.Read("Dockerfile", text).Syntax.Root.Children.Count(n => n.Value == "healthcheck"),
            _ => text.Split("sharing=locked").Length - 1,
        };
        var fixedIn = Count(dockerfile!) > Count(imported.Regenerated!);
        Assert.True(fixedIn, $"The Dockerfile after the {id} fix lacks what the fix adds:\n{dockerfile}");
    }

    private static Document Document(string source)
    {
        var workspace = new AdhocWorkspace();
        var project = workspace.AddProject(ProjectInfo.Create(
            ProjectId.CreateNewId(),
            VersionStamp.Default,
            "Imported",
            "Imported",
            LanguageNames.CSharp,
            compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable),
            parseOptions: DeclarationReferences.ParseOptions,
            metadataReferences: DeclarationReferences.All));
        return workspace.AddDocument(project.Id, "Imported.cs", SourceText.From(source));
    }

    private static async Task<ImmutableArray<Diagnostic>> DiagnosticsAsync(Document document)
    {
        var compilation = (await document.Project.GetCompilationAsync())!;
        return await compilation.WithAnalyzers(ImportedCompilation.Analyzers()).GetAnalyzerDiagnosticsAsync();
    }

    private static async Task<Document> ApplyFixAsync(Document document, Diagnostic diagnostic)
    {
        var providers = typeof(AddHealthCheckCodeFix).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t))
            .Select(t => (CodeFixProvider)Activator.CreateInstance(t)!)
            .Where(p => p.FixableDiagnosticIds.Contains(diagnostic.Id))
            .ToList();
        Assert.NotEmpty(providers);

        var actions = new List<CodeAction>();
        var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None);
        await providers[0].RegisterCodeFixesAsync(context);
        Assert.NotEmpty(actions);

        var operations = await actions[0].GetOperationsAsync(CancellationToken.None);
        var solution = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
        return solution.GetDocument(document.Id)!;
    }
}

using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using DockerDsl.CodeFixes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;

namespace DockerDsl.Analyzers.Tests.CodeFixes;

public sealed class LockBaseImagesCodeFixTests
{
    [Fact]
    public async Task On_DDSL004_lock_base_images_names_the_command_and_changes_nothing()
    {
        using var workspace = new AdhocWorkspace();
        var project = workspace.AddProject("Api", LanguageNames.CSharp);
        var document = workspace.AddDocument(project.Id, "Api.cs", SourceText.From("[Stage(From = \"debian\")] class Final { }"));
        var tree = (await document.GetSyntaxTreeAsync())!;
        var diagnostic = Diagnostic.Create(DiagnosticDescriptors.UnpinnedBaseImage, Location.Create(tree, new TextSpan(7, 15)), "debian", "has no tag");

        var actions = new List<CodeAction>();
        var fix = new LockBaseImagesCodeFix();
        Assert.Contains("DDSL004", fix.FixableDiagnosticIds);
        await fix.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));

        var lockAction = Assert.Single(actions);
        Assert.Equal("Lock base images: run 'dockerdsl lock' in the project folder, then build", lockAction.Title);
        Assert.DoesNotContain(await lockAction.GetOperationsAsync(CancellationToken.None), operation => operation is ApplyChangesOperation);
    }
}

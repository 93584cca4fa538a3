using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using DockerDsl.Core.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace DockerDsl.CodeFixes;

/// <summary>
/// DDSL004: "Lock base images" names the command that pins them, <c>dockerdsl lock</c>. The IDE cannot run it
/// (it needs the network and the Docker credentials), so applying the action changes nothing.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(LockBaseImagesCodeFix))]
[Shared]
public sealed class LockBaseImagesCodeFix : CodeFixProvider
{
    public const string Title = "Lock base images: run 'dockerdsl lock' in the project folder, then build";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.UnpinnedBaseImage);

    // One command locks every image: there is nothing to fix one by one.
    public override FixAllProvider? GetFixAllProvider() => null;

    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            context.RegisterCodeFix(new TellCommandAction(), diagnostic);
        }

        return Task.CompletedTask;
    }

    private sealed class TellCommandAction : CodeAction
    {
        public override string Title => LockBaseImagesCodeFix.Title;

        public override string? EquivalenceKey => nameof(LockBaseImagesCodeFix);

        protected override Task<IEnumerable<CodeActionOperation>> ComputeOperationsAsync(CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<CodeActionOperation>>(ImmutableArray<CodeActionOperation>.Empty);
    }
}

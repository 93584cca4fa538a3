using DockerDsl.Core.Diagnostics;
using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using DockerDsl.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace DockerDsl.CodeFixes;

/// <summary>DDSL003: sets <c>Sharing = CacheSharing.Locked</c> on the cache mount, adding or replacing the argument.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(LockCacheMountCodeFix))]
[Shared]
public sealed class LockCacheMountCodeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.CacheMountNotLocked);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (root?.FindNode(diagnostic.Location.SourceSpan).FirstAncestorOrSelf<AttributeSyntax>() is not { } attribute)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    "Set Sharing = CacheSharing.Locked",
                    cancellationToken => LockAsync(context.Document, attribute, cancellationToken),
                    nameof(LockCacheMountCodeFix)),
                diagnostic);
        }
    }

    private static async Task<Document> LockAsync(Document document, AttributeSyntax attribute, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var locked = SyntaxFactory.ParseExpression("global::DockerDsl.CacheSharing.Locked").WithAdditionalAnnotations(Simplifier.Annotation);
        return document.WithSyntaxRoot(root.ReplaceNode(attribute, NamedArgument.Set(attribute, "Sharing", locked)));
    }
}

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

namespace DockerDsl.CodeFixes;

/// <summary>DDSL011: turns <c>[Add(...)]</c> of local files into <c>[Copy(...)]</c>; both take the same arguments.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseCopyCodeFix))]
[Shared]
public sealed class UseCopyCodeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.AddInsteadOfCopy);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (root?.FindNode(diagnostic.Location.SourceSpan).FirstAncestorOrSelf<AttributeSyntax>() is { } attribute && Renamed(attribute.Name) is { } name)
            {
                context.RegisterCodeFix(
                    CodeAction.Create("Use [Copy]", cancellationToken => ReplaceAsync(context.Document, attribute.Name, name, cancellationToken), nameof(UseCopyCodeFix)),
                    diagnostic);
            }
        }
    }

    private static NameSyntax? Renamed(NameSyntax name) => name switch
    {
        IdentifierNameSyntax { Identifier.ValueText: "Add" or "AddAttribute" } identifier =>
            identifier.WithIdentifier(SyntaxFactory.Identifier(identifier.Identifier.ValueText.Replace("Add", "Copy")).WithTriviaFrom(identifier.Identifier)),
        QualifiedNameSyntax qualified when Renamed(qualified.Right) is SimpleNameSyntax right => qualified.WithRight(right),
        AliasQualifiedNameSyntax alias when Renamed(alias.Name) is SimpleNameSyntax right => alias.WithName(right),
        _ => null,
    };

    private static async Task<Document> ReplaceAsync(Document document, NameSyntax name, NameSyntax replacement, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        return root is null ? document : document.WithSyntaxRoot(root.ReplaceNode(name, replacement));
    }
}

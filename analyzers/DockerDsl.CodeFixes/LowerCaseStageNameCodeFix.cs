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

/// <summary>DDSL019: writes the stage name in lower case. References are typeof the stage class, so nothing else changes.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(LowerCaseStageNameCodeFix))]
[Shared]
public sealed class LowerCaseStageNameCodeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.StageNameCasing);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (root?.FindNode(diagnostic.Location.SourceSpan).FirstAncestorOrSelf<AttributeArgumentSyntax>()?.Expression is LiteralExpressionSyntax literal
                && literal.IsKind(SyntaxKind.StringLiteralExpression))
            {
                var lower = literal.Token.ValueText.ToLowerInvariant();
                context.RegisterCodeFix(
                    CodeAction.Create($"Name the stage '{lower}'", cancellationToken => ReplaceAsync(context.Document, literal, lower, cancellationToken), nameof(LowerCaseStageNameCodeFix)),
                    diagnostic);
            }
        }
    }

    private static async Task<Document> ReplaceAsync(Document document, LiteralExpressionSyntax literal, string name, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var replacement = SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(name)).WithTriviaFrom(literal);
        return root is null ? document : document.WithSyntaxRoot(root.ReplaceNode(literal, replacement));
    }
}

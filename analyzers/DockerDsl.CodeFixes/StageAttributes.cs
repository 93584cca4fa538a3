using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DockerDsl.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace DockerDsl.CodeFixes;

/// <summary>Adds an attribute as the last instruction of the stage class a diagnostic names.</summary>
internal static class StageAttributes
{
    /// <summary>The stage's declaration that carries its attributes, or null when it is not in this solution's source.</summary>
    public static async Task<(Document Document, TypeDeclarationSyntax Declaration)?> FindStageAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (!diagnostic.Properties.TryGetValue(DockerfileAnalysis.StageTypeProperty, out var stageType) || stageType is null)
        {
            return null;
        }

        var compilation = await document.Project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
        var stage = compilation?.GetTypeByMetadataName(stageType);
        if (stage is null)
        {
            return null;
        }

        foreach (var reference in stage.DeclaringSyntaxReferences)
        {
            if (await reference.GetSyntaxAsync(cancellationToken).ConfigureAwait(false) is TypeDeclarationSyntax { AttributeLists.Count: > 0 } declaration
                && document.Project.Solution.GetDocument(declaration.SyntaxTree) is { } stageDocument)
            {
                return (stageDocument, declaration);
            }
        }

        return null;
    }

    /// <summary><paramref name="document"/> with <c>[attributeName(arguments)]</c> on its own line after the other attributes of <paramref name="declaration"/>.</summary>
    public static async Task<Document> AddLastAsync(Document document, TypeDeclarationSyntax declaration, string attributeName, string arguments, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var last = declaration.AttributeLists.Last();
        var indentation = declaration.AttributeLists.First().GetLeadingTrivia().Where(t => t.IsKind(SyntaxKind.WhitespaceTrivia)).LastOrDefault();
        var attribute = SyntaxFactory.Attribute(
            SyntaxFactory.ParseName("global::DockerDsl." + attributeName).WithAdditionalAnnotations(Simplifier.Annotation),
            SyntaxFactory.ParseAttributeArgumentList("(" + arguments + ")"));
        var list = SyntaxFactory.AttributeList(SyntaxFactory.SingletonSeparatedList(attribute))
            .WithLeadingTrivia(indentation == default ? SyntaxFactory.TriviaList() : SyntaxFactory.TriviaList(indentation))
            .WithTrailingTrivia(last.GetTrailingTrivia().LastOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia)) is { RawKind: not 0 } endOfLine ? endOfLine : SyntaxFactory.ElasticCarriageReturnLineFeed);
        var updated = declaration.WithAttributeLists(declaration.AttributeLists.Add(list));
        return document.WithSyntaxRoot(root.ReplaceNode(declaration, updated));
    }
}

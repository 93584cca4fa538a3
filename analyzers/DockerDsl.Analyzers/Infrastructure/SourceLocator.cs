using System.Collections.Generic;
using System.Linq;
using DockerDsl.Core.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace DockerDsl.Analyzers.Infrastructure;

/// <summary>Turns a model's <see cref="SourceRef"/> back into the attribute, and the argument, it came from.</summary>
internal static class SourceLocator
{
    /// <summary>The attribute <paramref name="source"/> names, when its type is found in <paramref name="compilation"/>.</summary>
    public static AttributeData? Attribute(Compilation compilation, SourceRef source)
    {
        var attributes = compilation.GetTypeByMetadataName(source.Origin)?.GetAttributes();
        return attributes is { } list && source.AttributeIndex >= 0 && source.AttributeIndex < list.Length ? list[source.AttributeIndex] : null;
    }

    /// <summary>The location of the argument (or else the attribute) <paramref name="source"/> names; null when it is not in this compilation's source.</summary>
    public static Location? Locate(Compilation compilation, SourceRef source)
    {
        var data = Attribute(compilation, source);
        if (data?.ApplicationSyntaxReference?.GetSyntax() is not AttributeSyntax attribute || !compilation.ContainsSyntaxTree(attribute.SyntaxTree))
        {
            return null;
        }

        return ArgumentSpan(data, attribute, source) is { } span ? Location.Create(attribute.SyntaxTree, span) : attribute.GetLocation();
    }

    private static TextSpan? ArgumentSpan(AttributeData data, AttributeSyntax attribute, SourceRef source)
    {
        if (attribute.ArgumentList?.Arguments is not { } arguments)
        {
            return null;
        }

        if (source.ArgumentName is { } name)
        {
            return arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == name)?.Span;
        }

        var positional = arguments.Where(a => a.NameEquals is null).ToList();
        if (source.ArgumentPosition < 0 || source.ArgumentPosition >= positional.Count)
        {
            return null;
        }

        // A params array written element by element: the argument is all of its elements.
        var first = positional[source.ArgumentPosition];
        var parameters = data.AttributeConstructor?.Parameters ?? default;
        var expanded = !parameters.IsDefaultOrEmpty
            && source.ArgumentPosition == parameters.Length - 1
            && parameters[parameters.Length - 1].IsParams
            && !IsArray(first.Expression);
        if (!expanded && source.Element >= 0 && Elements(first.Expression) is { } elements && source.Element < elements.Count)
        {
            return elements[source.Element].Span;
        }

        if (expanded && source.Element >= 0 && source.ArgumentPosition + source.Element < positional.Count)
        {
            return positional[source.ArgumentPosition + source.Element].Span;
        }

        var last = expanded ? positional[positional.Count - 1] : first;
        return TextSpan.FromBounds(first.SpanStart, last.Span.End);
    }

    /// <summary>The elements of an array written in place (<c>new[] { ... }</c> or <c>[...]</c>); null for any other expression.</summary>
    private static IReadOnlyList<SyntaxNode>? Elements(ExpressionSyntax expression) => expression switch
    {
        ArrayCreationExpressionSyntax { Initializer: { } initializer } => initializer.Expressions,
        ImplicitArrayCreationExpressionSyntax creation => creation.Initializer.Expressions,
        CollectionExpressionSyntax collection when collection.Elements.All(e => e is ExpressionElementSyntax) => collection.Elements,
        _ => null,
    };

    private static bool IsArray(ExpressionSyntax expression) =>
        expression is ArrayCreationExpressionSyntax or ImplicitArrayCreationExpressionSyntax
        || expression.IsKind(SyntaxKind.CollectionExpression)
        || expression.IsKind(SyntaxKind.NullLiteralExpression);
}

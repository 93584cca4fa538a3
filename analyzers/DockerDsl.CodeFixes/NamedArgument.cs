using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DockerDsl.CodeFixes;

/// <summary>Sets a named argument (<c>Name = value</c>) of an attribute, as the code fixes that set a property do.</summary>
internal static class NamedArgument
{
    /// <summary>
    /// <paramref name="attribute"/> with <paramref name="name"/> set to <paramref name="value"/>: an argument of that
    /// name gets the value in the place and trivia of its old one; otherwise the argument is added after the last one,
    /// before what followed it (a line break or a comment before the closing parenthesis).
    /// </summary>
    public static AttributeSyntax Set(AttributeSyntax attribute, string name, ExpressionSyntax value)
    {
        var arguments = attribute.ArgumentList ?? SyntaxFactory.AttributeArgumentList();
        if (arguments.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == name) is { } existing)
        {
            return attribute.WithArgumentList(arguments.ReplaceNode(existing, existing.WithExpression(value.WithTriviaFrom(existing.Expression))));
        }

        var argument = SyntaxFactory.AttributeArgument(
            SyntaxFactory.NameEquals(SyntaxFactory.IdentifierName(name), SyntaxFactory.Token(SyntaxKind.EqualsToken).WithLeadingTrivia(SyntaxFactory.Space).WithTrailingTrivia(SyntaxFactory.Space)),
            null,
            value);
        if (arguments.Arguments.Count == 0)
        {
            return attribute.WithArgumentList(arguments.AddArguments(argument));
        }

        var last = arguments.Arguments.Last();
        var items = arguments.Arguments.GetWithSeparators()
            .Replace(last, last.WithoutTrailingTrivia())
            .Add(SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(SyntaxFactory.Space))
            .Add(argument.WithTrailingTrivia(last.GetTrailingTrivia()));
        return attribute.WithArgumentList(arguments.WithArguments(SyntaxFactory.SeparatedList<AttributeArgumentSyntax>(items)));
    }
}

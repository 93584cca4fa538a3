using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DockerDsl.Core.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DockerDsl.CodeFixes;

/// <summary>
/// DDSL026 and DDSL027: writes the missing option right after the <c>add</c> or <c>install</c> of every command
/// the rule finds in the RUN, in the string literals that hold them. The commands are read with the rule's own
/// reading; no fix is offered when one of them is not in a plain string literal (a constant, a concatenation,
/// an interpolated string), since a fix must clear the diagnostic.
/// </summary>
internal static class NoCacheOptionFix
{
    public static async Task RegisterAsync(CodeFixContext context, RunCommandIssue issue, string equivalenceKey)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var semanticModel = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || semanticModel is null || RunCommandRules.NoCacheOption(issue) is not { } option)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (root.FindNode(diagnostic.Location.SourceSpan).FirstAncestorOrSelf<AttributeSyntax>() is { } attribute
                && Edits(attribute, semanticModel, issue, option, context.CancellationToken) is { Count: > 0 } edits)
            {
                context.RegisterCodeFix(
                    CodeAction.Create("Add " + option, cancellationToken => ReplaceAsync(context.Document, edits, cancellationToken), equivalenceKey),
                    diagnostic);
            }
        }
    }

    /// <summary>Each literal to change and what it becomes; null when the RUN cannot be cleared by editing literals.</summary>
    private static Dictionary<SyntaxToken, SyntaxToken>? Edits(AttributeSyntax attribute, SemanticModel semanticModel, RunCommandIssue issue, string option, CancellationToken cancellationToken)
    {
        if (semanticModel.GetSymbolInfo(attribute, cancellationToken).Symbol?.ContainingType is not { ContainingNamespace: { Name: "DockerDsl", ContainingNamespace.IsGlobalNamespace: true } } type
            || CommandArguments(attribute) is not { } arguments)
        {
            return null;
        }

        var strings = new List<string>();
        foreach (var argument in arguments)
        {
            if (semanticModel.GetConstantValue(argument, cancellationToken).Value is not string value)
            {
                return null;
            }

            strings.Add(value);
        }

        if (RunScript.Of(type.Name, strings) is not { } script || RunCommandRules.NoCacheOptionPlaces(ShellScript.Parse(script.Text), issue) is not { Count: > 0 } places)
        {
            return null;
        }

        var offsets = strings.Select(_ => new List<int>()).ToList();
        foreach (var place in places)
        {
            if (script.Find(place) is not { } found)
            {
                return null;
            }

            offsets[found.String].Add(found.Offset);
        }

        // The whole RUN must come out clean, not only the commands seen here.
        var inserted = " " + option;
        var fixedStrings = strings.Select((value, i) => offsets[i].OrderByDescending(o => o).Aggregate(value, (text, offset) => text.Insert(offset, inserted))).ToList();
        if (RunScript.Of(type.Name, fixedStrings) is not { } fixedScript || RunCommandRules.NoCacheOptionPlaces(ShellScript.Parse(fixedScript.Text), issue) is not { Count: 0 })
        {
            return null;
        }

        var edits = new Dictionary<SyntaxToken, SyntaxToken>();
        for (var i = 0; i < arguments.Count; i++)
        {
            if (offsets[i].Count == 0)
            {
                continue;
            }

            if (arguments[i] is not LiteralExpressionSyntax literal || !literal.IsKind(SyntaxKind.StringLiteralExpression)
                || StringLiteralEdit.Insert(literal.Token, offsets[i], inserted) is not { } token)
            {
                return null;
            }

            edits[literal.Token] = token;
        }

        return edits;
    }

    /// <summary>
    /// The expressions of the command strings, in order: the elements of a <c>params</c> array, written one by one
    /// or as an array; null when they are not written out (a spread).
    /// </summary>
    private static IReadOnlyList<ExpressionSyntax>? CommandArguments(AttributeSyntax attribute)
    {
        var positional = attribute.ArgumentList?.Arguments.Where(a => a.NameEquals is null).Select(a => a.Expression).ToList();
        if (positional is not { Count: > 0 })
        {
            return null;
        }

        return positional.Count == 1 ? positional[0] switch
        {
            ArrayCreationExpressionSyntax { Initializer: { } initializer } => initializer.Expressions,
            ImplicitArrayCreationExpressionSyntax creation => creation.Initializer.Expressions,
            CollectionExpressionSyntax collection => collection.Elements.All(e => e is ExpressionElementSyntax)
                ? collection.Elements.Cast<ExpressionElementSyntax>().Select(e => e.Expression).ToList()
                : null,
            _ => positional,
        } : positional;
    }

    private static async Task<Document> ReplaceAsync(Document document, IReadOnlyDictionary<SyntaxToken, SyntaxToken> edits, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        return root is null ? document : document.WithSyntaxRoot(root.ReplaceTokens(edits.Keys, (original, _) => edits[original]));
    }
}

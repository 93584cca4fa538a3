using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DockerDsl.Robustness.Tests;

/// <summary>Mutates declarations the way a user mid-edit or a confused refactoring would.</summary>
internal static class Mutator
{
    private static readonly string[] LiteralReplacements =
    {
        "null", "\"\"", "42", "typeof(int)", "true", "\" \"", "\"\\0\"", "\"a\\nRUN echo pwned\"", "\"x\\\\\"", "\"<<EOF\"",
        "\"é中😀\\u2028\"", "\"\\uD800\"", "\"$(id)\"", "\"# c\"", "\"--flag=1\"", "\"" + new string('a', 20000) + "\"",
        "\"a b\"", "\"'\"", "\"\\\"\"", "\"../../etc\"", "\"/\"", "\"\\t\"",
    };

    private static readonly string[] TypeofReplacements =
    {
        "typeof(string)", "typeof(int[])", "typeof(System.Collections.Generic.List<>)", "typeof(Missing)", "typeof(DockerDsl.CacheSharing)",
    };

    private static readonly string[] Insertions = { ",", ")", "(", "\"", "null", "[", "]", ";", "typeof(", "new[] {" };

    public static string Mutate(string source, Random random, out string description)
    {
        var root = CSharpSyntaxTree.ParseText(source, DeclarationReferences.ParseOptions).GetRoot();
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var kind = random.Next(11);
            var mutated = kind switch
            {
                0 => DeleteToken(source, root, random),
                1 => Replace(source, Pick(root.DescendantTokens().Where(t => t.IsKind(SyntaxKind.StringLiteralToken) || t.IsKind(SyntaxKind.NumericLiteralToken)), random), LiteralReplacements, random),
                2 => ReplaceNode(source, Pick(root.DescendantNodes().OfType<MemberAccessExpressionSyntax>().Where(m => m.Expression.ToString() is "CacheSharing" or "RunNetwork" or "RunSecurity" or "ExposeProtocol"), random), n => $"({((MemberAccessExpressionSyntax)n).Expression})99"),
                3 => ReplaceNode(source, Pick(root.DescendantNodes().OfType<TypeOfExpressionSyntax>(), random), _ => TypeofReplacements[random.Next(TypeofReplacements.Length)]),
                4 => ReplaceNode(source, Pick(root.DescendantNodes().OfType<AttributeListSyntax>(), random), n => n.ToFullString() + n.ToFullString()),
                5 => SwapAttributeLists(source, root, random),
                6 => Replace(source, Pick(root.DescendantTokens().Where(t => t.IsKind(SyntaxKind.PartialKeyword)), random), new[] { string.Empty }, random),
                7 => ReplaceNode(source, DockerfileClass(root), n => n.ToFullString().Replace("partial class " + ((ClassDeclarationSyntax)n).Identifier.Text, "partial class " + ((ClassDeclarationSyntax)n).Identifier.Text + "<T>")),
                8 => ReplaceNode(source, DockerfileClass(root), n => "public partial class Outer {\n" + n.ToFullString() + "\n}\n"),
                9 => Insert(source, root, random),
                _ => ReplaceNode(source, Pick(root.DescendantNodes().OfType<AttributeSyntax>(), random), n => "Obsolete"),
            };
            if (mutated is not null && mutated != source)
            {
                description = kind.ToString(System.Globalization.CultureInfo.InvariantCulture);
                return mutated;
            }
        }

        description = "none";
        return source;
    }

    /// <summary>A second file holding more partial declarations of the stages, with or without instructions.</summary>
    public static string Scatter(string source, Random random)
    {
        var root = CSharpSyntaxTree.ParseText(source, DeclarationReferences.ParseOptions).GetRoot();
        if (DockerfileClass(root) is not ClassDeclarationSyntax dockerfile)
        {
            return string.Empty;
        }

        var ns = root.DescendantNodes().OfType<BaseNamespaceDeclarationSyntax>().FirstOrDefault()?.Name.ToString();
        var stages = dockerfile.Members.OfType<ClassDeclarationSyntax>().ToList();
        var stage = stages.Count == 0 ? "Extra" : stages[random.Next(stages.Count)].Identifier.Text;
        var attribute = random.Next(2) == 0 ? string.Empty : "[Run(\"echo scattered\")] ";
        return $"using DockerDsl;\n{(ns is null ? string.Empty : $"namespace {ns};\n")}public partial class {dockerfile.Identifier.Text} {{ {attribute}public partial class {stage} {{ }} }}\n";
    }

    private static SyntaxNode? DockerfileClass(SyntaxNode root) =>
        root.DescendantNodes().OfType<ClassDeclarationSyntax>().FirstOrDefault(c => c.AttributeLists.SelectMany(l => l.Attributes).Any(a => a.Name.ToString() == "Dockerfile"));

    private static T? Pick<T>(IEnumerable<T> items, Random random)
    {
        var list = items.ToList();
        return list.Count == 0 ? default : list[random.Next(list.Count)];
    }

    private static string? DeleteToken(string source, SyntaxNode root, Random random)
    {
        var token = Pick(root.DescendantTokens().Where(t => !t.IsKind(SyntaxKind.EndOfFileToken)), random);
        return token.RawKind == 0 ? null : source.Remove(token.SpanStart, token.Span.Length);
    }

    private static string? Replace(string source, SyntaxToken token, string[] replacements, Random random) =>
        token.RawKind == 0 ? null : source.Substring(0, token.SpanStart) + replacements[random.Next(replacements.Length)] + source.Substring(token.Span.End);

    private static string? ReplaceNode(string source, SyntaxNode? node, Func<SyntaxNode, string> replacement) =>
        node is null ? null : source.Substring(0, node.FullSpan.Start) + replacement(node) + source.Substring(node.FullSpan.End);

    private static string? SwapAttributeLists(string source, SyntaxNode root, Random random)
    {
        var owner = Pick(root.DescendantNodes().OfType<ClassDeclarationSyntax>().Where(c => c.AttributeLists.Count >= 2), random);
        if (owner is null)
        {
            return null;
        }

        var i = random.Next(owner.AttributeLists.Count - 1);
        var first = owner.AttributeLists[i];
        var second = owner.AttributeLists[i + 1];
        return source.Substring(0, first.Span.Start) + second.ToString() + source.Substring(first.Span.End, second.Span.Start - first.Span.End) + first.ToString() + source.Substring(second.Span.End);
    }

    private static string? Insert(string source, SyntaxNode root, Random random)
    {
        var token = Pick(root.DescendantTokens().Where(t => t.Parent?.AncestorsAndSelf().OfType<AttributeSyntax>().Any() == true), random);
        return token.RawKind == 0 ? null : source.Insert(token.SpanStart, Insertions[random.Next(Insertions.Length)]);
    }
}

using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DockerDsl.Core.Diagnostics;
using DockerDsl.Core.Helpers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace DockerDsl.CodeFixes;

/// <summary>
/// DDSL113: adds <c>Family = BaseFamily.X</c> to the helper the diagnostic is reported at, one action per family
/// the helper can be written for with its other arguments, so that no action leads to DDSL114: a package helper
/// only the families whose manager it runs, <c>[NonRootUser]</c> every family except Distroless when it would
/// create a home directory there.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(StateBaseFamilyCodeFix))]
[Shared]
public sealed class StateBaseFamilyCodeFix : CodeFixProvider
{
    /// <summary>Every family, in the order BaseFamily declares them.</summary>
    private static readonly ImageFamily[] AllFamilies =
    {
        ImageFamily.Debian, ImageFamily.Alpine, ImageFamily.Busybox, ImageFamily.RedHat, ImageFamily.RedHatMinimal, ImageFamily.Distroless,
    };

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.UnknownBaseFamily);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <summary>The action's title for <paramref name="family"/>.</summary>
    public static string Title(ImageFamily family) => "State the base family: " + family switch
    {
        ImageFamily.Debian => "Debian or Ubuntu",
        ImageFamily.Alpine => "Alpine",
        ImageFamily.Busybox => "busybox",
        ImageFamily.RedHat => "Red Hat family (dnf, useradd)",
        ImageFamily.RedHatMinimal => "minimal Red Hat family (microdnf, no useradd)",
        _ => "distroless, chiseled or scratch (no shell)",
    };

    /// <summary>The equivalence key of the action for <paramref name="family"/>: Fix All states the same family everywhere.</summary>
    public static string EquivalenceKey(ImageFamily family) => nameof(StateBaseFamilyCodeFix) + "." + family;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var semanticModel = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || semanticModel is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            // DDSL113 is reported at the whole attribute (its Source has no argument).
            if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<AttributeSyntax>() is not { } attribute
                || attribute.ArgumentList?.Arguments.Any(a => a.NameEquals?.Name.Identifier.ValueText == "Family") == true
                || Families(attribute, semanticModel, context.CancellationToken) is not { } families)
            {
                continue;
            }

            foreach (var family in families)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(Title(family), cancellationToken => StateAsync(context.Document, attribute, family, cancellationToken), EquivalenceKey(family)),
                    diagnostic);
            }
        }
    }

    /// <summary>The families the helper can be written for with its other arguments; null when the attribute is not a DockerDsl helper with a Family.</summary>
    private static IReadOnlyList<ImageFamily>? Families(AttributeSyntax attribute, SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        if (semanticModel.GetSymbolInfo(attribute, cancellationToken).Symbol?.ContainingType is not { ContainingNamespace: { Name: "DockerDsl", ContainingNamespace.IsGlobalNamespace: true } } type
            || !type.Name.EndsWith("Attribute"))
        {
            return null;
        }

        var helper = type.Name.Substring(0, type.Name.Length - "Attribute".Length);
        if (BaseFamilies.PackageHelperFamilies(helper) is { } packageFamilies)
        {
            return packageFamilies;
        }

        if (helper != "NonRootUser")
        {
            return null;
        }

        var home = Named(attribute, "Home", semanticModel, cancellationToken) as string;
        var createHome = Named(attribute, "CreateHome", semanticModel, cancellationToken) as bool? ?? true;
        return AllFamilies.Where(family => NonRootUser.FamilyProblem(family, home, createHome) is null).ToList();
    }

    private static object? Named(AttributeSyntax attribute, string name, SemanticModel semanticModel, CancellationToken cancellationToken) =>
        attribute.ArgumentList?.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == name) is { } argument
            ? semanticModel.GetConstantValue(argument.Expression, cancellationToken).Value
            : null;

    private static async Task<Document> StateAsync(Document document, AttributeSyntax attribute, ImageFamily family, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var value = SyntaxFactory.ParseExpression("global::DockerDsl.BaseFamily." + family).WithAdditionalAnnotations(Simplifier.Annotation);
        return document.WithSyntaxRoot(root.ReplaceNode(attribute, NamedArgument.Set(attribute, "Family", value)));
    }
}

using System.Collections.Generic;
using System.Linq;
using System.Threading;
using DockerDsl.Core.Diagnostics;
using DockerDsl.Core.Model;
using Microsoft.CodeAnalysis;

namespace DockerDsl.Generators;

/// <summary>
/// One suppression for both linters: a DockerDsl rule the project turns off (<c>.editorconfig</c> or a global
/// config <c>dotnet_diagnostic.ID.severity = none</c>, or <c>&lt;NoWarn&gt;</c>) whose BuildKit check is known
/// (<see cref="RuleDescriptor.BuildKitRule"/>) is skipped by <c>docker build --check</c> too: the Dockerfile
/// gets <c># check=skip=</c> with that check.
/// </summary>
public static class CheckSuppressions
{
    // The rules the analyzers run on declarations that BuildKit also checks.
    private static readonly RuleDescriptor[] Mapped = RuleCatalog.All.Where(r => r.BuildKitRule is not null && r.DeclarationMessage is not null).ToArray();

    /// <summary>The BuildKit checks to skip for <paramref name="model"/>, in the catalogue's order.</summary>
    public static EquatableArray<string> Of(Compilation compilation, DockerfileModel model, CancellationToken cancellationToken)
    {
        var tree = compilation.GetTypeByMetadataName(model.Source.Origin) is { } type
            ? type.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == "DockerDsl.DockerfileAttribute")?.ApplicationSyntaxReference?.SyntaxTree
            : null;
        var skips = new List<string>();
        foreach (var rule in Mapped)
        {
            if (Effective(compilation.Options, tree, rule.Id, cancellationToken) == ReportDiagnostic.Suppress)
            {
                skips.Add(rule.BuildKitRule!);
            }
        }

        return skips.ToEquatableArray();
    }

    /// <summary><paramref name="model"/> with <paramref name="skips"/> added to its <c># check=</c> directive.</summary>
    public static DockerfileModel Apply(DockerfileModel model, EquatableArray<string> skips) =>
        skips.IsEmpty || model.HasProblems ? model : model with { Check = CheckDirective.WithSkips(model.Check, skips) };

    // The severity the compiler gives the rule in the file that declares the Dockerfile, as it decides it: the
    // file's .editorconfig, then global configs, then the command line (<NoWarn>, rule sets).
    private static ReportDiagnostic? Effective(CompilationOptions options, SyntaxTree? tree, string id, CancellationToken cancellationToken)
    {
        var provider = options.SyntaxTreeOptionsProvider;
        if (tree is not null && provider is not null && provider.TryGetDiagnosticValue(tree, id, cancellationToken, out var fromTree))
        {
            return fromTree;
        }

        if (provider is not null && provider.TryGetGlobalDiagnosticValue(id, cancellationToken, out var fromGlobal))
        {
            return fromGlobal;
        }

        return options.SpecificDiagnosticOptions.TryGetValue(id, out var fromOptions) ? fromOptions : null;
    }
}

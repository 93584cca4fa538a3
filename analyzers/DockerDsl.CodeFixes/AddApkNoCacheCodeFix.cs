using DockerDsl.Core.Diagnostics;
using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using DockerDsl.Analyzers;
using DockerDsl.Core.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace DockerDsl.CodeFixes;

/// <summary>DDSL026: writes <c>--no-cache</c> right after <c>add</c> in every <c>apk add</c> of the RUN that lacks it.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddApkNoCacheCodeFix))]
[Shared]
public sealed class AddApkNoCacheCodeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.ApkAddWithoutNoCache);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override Task RegisterCodeFixesAsync(CodeFixContext context) =>
        NoCacheOptionFix.RegisterAsync(context, RunCommandIssue.ApkAddWithoutNoCache, nameof(AddApkNoCacheCodeFix));
}

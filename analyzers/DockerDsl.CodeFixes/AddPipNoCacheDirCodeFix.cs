using DockerDsl.Core.Diagnostics;
using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using DockerDsl.Analyzers;
using DockerDsl.Core.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace DockerDsl.CodeFixes;

/// <summary>DDSL027: writes <c>--no-cache-dir</c> right after <c>install</c> in every <c>pip install</c> of the RUN that runs with pip's cache on.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddPipNoCacheDirCodeFix))]
[Shared]
public sealed class AddPipNoCacheDirCodeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.PipInstallWithoutNoCacheDir);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override Task RegisterCodeFixesAsync(CodeFixContext context) =>
        NoCacheOptionFix.RegisterAsync(context, RunCommandIssue.PipInstallWithoutNoCacheDir, nameof(AddPipNoCacheDirCodeFix));
}

using DockerDsl.Core.Diagnostics;
using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using DockerDsl.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace DockerDsl.CodeFixes;

/// <summary>DDSL001: adds <c>[NonRootUser("app", Uid = 1001)]</c> as the last instruction of the final stage.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddNonRootUserCodeFix))]
[Shared]
public sealed class AddNonRootUserCodeFix : CodeFixProvider
{
    public const string Attribute = "NonRootUser(\"app\", Uid = 1001)";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.RootUser);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            if (await StageAttributes.FindStageAsync(context.Document, diagnostic, context.CancellationToken).ConfigureAwait(false) is not { } stage)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    "Run as a non-root user: add [" + Attribute + "]",
                    cancellationToken => StageAttributes.AddLastAsync(stage.Document, stage.Declaration, "NonRootUser", "\"app\", Uid = 1001", cancellationToken),
                    nameof(AddNonRootUserCodeFix)),
                diagnostic);
        }
    }
}

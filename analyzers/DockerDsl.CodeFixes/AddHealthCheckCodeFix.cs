using DockerDsl.Core.Diagnostics;
using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using DockerDsl.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace DockerDsl.CodeFixes;

/// <summary>
/// DDSL002: adds a health check with a placeholder command to the final stage. The placeholder is a
/// valid declaration, and a command that fails, so a forgotten one shows as an unhealthy container.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddHealthCheckCodeFix))]
[Shared]
public sealed class AddHealthCheckCodeFix : CodeFixProvider
{
    public const string Placeholder = "CHANGE-ME: a command that exits 0 when healthy";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.MissingHealthCheck);

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
                    "Add a health check (fill in its command)",
                    cancellationToken => StageAttributes.AddLastAsync(stage.Document, stage.Declaration, "HealthCheck", "\"" + Placeholder + "\", StartPeriod = \"30s\"", cancellationToken),
                    nameof(AddHealthCheckCodeFix)),
                diagnostic);
        }
    }
}

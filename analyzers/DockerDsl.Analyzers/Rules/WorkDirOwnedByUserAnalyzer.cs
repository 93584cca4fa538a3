using System.Collections.Immutable;
using DockerDsl.Analyzers.Infrastructure;
using DockerDsl.Core.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DockerDsl.Analyzers.Rules;

/// <summary>DDSL043: a [WorkDir] after the switch to a non-root user, which BuildKit creates owned by that user.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class WorkDirOwnedByUserAnalyzer : DockerfileAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.WorkDirOwnedByUser);

    protected override void Analyze(DockerfileAnalysis analysis)
    {
        foreach (var finding in FinalStageRules.WorkDirOwnedByUser(analysis.Model))
        {
            analysis.Report(DiagnosticDescriptors.WorkDirOwnedByUser, finding);
        }
    }
}

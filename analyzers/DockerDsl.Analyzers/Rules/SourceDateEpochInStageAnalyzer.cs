using System.Collections.Immutable;
using DockerDsl.Analyzers.Infrastructure;
using DockerDsl.Core.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DockerDsl.Analyzers.Rules;

/// <summary>DDSL049: a SOURCE_DATE_EPOCH default on a stage's ARG, which is not the image's epoch.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SourceDateEpochInStageAnalyzer : DockerfileAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.SourceDateEpochInStage);

    protected override void Analyze(DockerfileAnalysis analysis)
    {
        foreach (var finding in SourceDateEpochRules.DefaultInStage(analysis.Model))
        {
            analysis.Report(DiagnosticDescriptors.SourceDateEpochInStage, finding);
        }
    }
}

using System.Collections.Immutable;
using DockerDsl.Analyzers.Infrastructure;
using DockerDsl.Core.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DockerDsl.Analyzers.Rules;

/// <summary>DDSL048: a SOURCE_DATE_EPOCH default BuildKit cannot read as an epoch.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class InvalidSourceDateEpochAnalyzer : DockerfileAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.InvalidSourceDateEpoch);

    protected override void Analyze(DockerfileAnalysis analysis)
    {
        foreach (var finding in SourceDateEpochRules.InvalidDefault(analysis.Model))
        {
            analysis.Report(DiagnosticDescriptors.InvalidSourceDateEpoch, finding);
        }
    }
}

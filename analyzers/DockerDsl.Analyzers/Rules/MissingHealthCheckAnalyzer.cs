using System.Collections.Immutable;
using DockerDsl.Analyzers.Infrastructure;
using DockerDsl.Core.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DockerDsl.Analyzers.Rules;

/// <summary>DDSL002: The image declares no HEALTHCHECK, not even NONE, in its final stage or the stages it is built FROM.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MissingHealthCheckAnalyzer : DockerfileAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.MissingHealthCheck);

    protected override void Analyze(DockerfileAnalysis analysis)
    {
        foreach (var finding in FinalStageRules.MissingHealthCheck(analysis.Model, analysis.Lock.File))
        {
            analysis.Report(DiagnosticDescriptors.MissingHealthCheck, finding);
        }
    }
}

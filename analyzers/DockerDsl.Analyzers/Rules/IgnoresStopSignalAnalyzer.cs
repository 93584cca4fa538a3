using System.Collections.Immutable;
using DockerDsl.Analyzers.Infrastructure;
using DockerDsl.Core.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DockerDsl.Analyzers.Rules;

/// <summary>DDSL042: the image's PID 1 is a command known to ignore SIGTERM there, with no init and no STOPSIGNAL.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class IgnoresStopSignalAnalyzer : DockerfileAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.IgnoresStopSignal);

    protected override void Analyze(DockerfileAnalysis analysis)
    {
        foreach (var finding in FinalStageRules.IgnoresStopSignal(analysis.Model))
        {
            analysis.Report(DiagnosticDescriptors.IgnoresStopSignal, finding);
        }
    }
}

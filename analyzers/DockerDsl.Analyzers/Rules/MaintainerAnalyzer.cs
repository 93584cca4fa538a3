using System.Collections.Immutable;
using DockerDsl.Analyzers.Infrastructure;
using DockerDsl.Core.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DockerDsl.Analyzers.Rules;

/// <summary>DDSL020: The deprecated MAINTAINER instruction.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MaintainerAnalyzer : DockerfileAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.Maintainer);

    protected override void Analyze(DockerfileAnalysis analysis)
    {
        foreach (var finding in InstructionRules.Maintainer(analysis.Model))
        {
            analysis.Report(DiagnosticDescriptors.Maintainer, finding);
        }
    }
}

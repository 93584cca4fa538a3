using System.Collections.Immutable;
using DockerDsl.Analyzers.Infrastructure;
using DockerDsl.Core.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DockerDsl.Analyzers.Rules;

/// <summary>DDSL007: CMD, ENTRYPOINT or HEALTHCHECK more than once in a stage.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RepeatedInstructionAnalyzer : DockerfileAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.RepeatedInstruction);

    protected override void Analyze(DockerfileAnalysis analysis)
    {
        foreach (var finding in InstructionRules.RepeatedInstruction(analysis.Model))
        {
            analysis.Report(DiagnosticDescriptors.RepeatedInstruction, finding);
        }
    }
}

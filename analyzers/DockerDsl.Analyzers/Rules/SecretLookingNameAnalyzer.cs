using System.Collections.Immutable;
using DockerDsl.Analyzers.Infrastructure;
using DockerDsl.Core.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DockerDsl.Analyzers.Rules;

/// <summary>DDSL006: An ARG or ENV whose name looks like a secret.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SecretLookingNameAnalyzer : DockerfileAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.SecretLookingName);

    protected override void Analyze(DockerfileAnalysis analysis)
    {
        foreach (var finding in InstructionRules.SecretLookingName(analysis.Model))
        {
            analysis.Report(DiagnosticDescriptors.SecretLookingName, finding);
        }
    }
}

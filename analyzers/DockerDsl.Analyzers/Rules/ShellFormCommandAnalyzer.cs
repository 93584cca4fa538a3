using System.Collections.Immutable;
using DockerDsl.Analyzers.Infrastructure;
using DockerDsl.Core.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DockerDsl.Analyzers.Rules;

/// <summary>DDSL005: CMD or ENTRYPOINT in shell form.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ShellFormCommandAnalyzer : DockerfileAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.ShellFormCommand);

    protected override void Analyze(DockerfileAnalysis analysis)
    {
        foreach (var finding in InstructionRules.ShellFormCommand(analysis.Model))
        {
            analysis.Report(DiagnosticDescriptors.ShellFormCommand, finding);
        }
    }
}

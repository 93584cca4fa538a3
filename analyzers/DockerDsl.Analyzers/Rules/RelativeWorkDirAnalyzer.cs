using System.Collections.Immutable;
using DockerDsl.Analyzers.Infrastructure;
using DockerDsl.Core.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DockerDsl.Analyzers.Rules;

/// <summary>DDSL008: WORKDIR with a relative path.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RelativeWorkDirAnalyzer : DockerfileAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.RelativeWorkDir);

    protected override void Analyze(DockerfileAnalysis analysis)
    {
        foreach (var finding in InstructionRules.RelativeWorkDir(analysis.Model))
        {
            analysis.Report(DiagnosticDescriptors.RelativeWorkDir, finding);
        }
    }
}

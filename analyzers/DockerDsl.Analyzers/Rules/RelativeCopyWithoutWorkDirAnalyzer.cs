using System.Collections.Immutable;
using DockerDsl.Analyzers.Infrastructure;
using DockerDsl.Core.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DockerDsl.Analyzers.Rules;

/// <summary>DDSL024: COPY or ADD to a relative destination with no WORKDIR set.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RelativeCopyWithoutWorkDirAnalyzer : DockerfileAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.RelativeCopyWithoutWorkDir);

    protected override void Analyze(DockerfileAnalysis analysis)
    {
        foreach (var finding in InstructionRules.RelativeCopyWithoutWorkDir(analysis.Model))
        {
            analysis.Report(DiagnosticDescriptors.RelativeCopyWithoutWorkDir, finding);
        }
    }
}

using System.Collections.Immutable;
using DockerDsl.Analyzers.Infrastructure;
using DockerDsl.Core.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DockerDsl.Analyzers.Rules;

/// <summary>DDSL019: A stage name with upper-case letters.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class StageNameCasingAnalyzer : DockerfileAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.StageNameCasing);

    protected override void Analyze(DockerfileAnalysis analysis)
    {
        foreach (var finding in BaseImageRules.StageNameCasing(analysis.Model))
        {
            analysis.Report(DiagnosticDescriptors.StageNameCasing, finding);
        }
    }
}

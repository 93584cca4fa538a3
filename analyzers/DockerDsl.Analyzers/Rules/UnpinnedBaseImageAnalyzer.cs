using System.Collections.Immutable;
using DockerDsl.Analyzers.Infrastructure;
using DockerDsl.Core.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DockerDsl.Analyzers.Rules;

/// <summary>DDSL004: A base image has no tag or the latest tag.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnpinnedBaseImageAnalyzer : DockerfileAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.UnpinnedBaseImage);

    protected override void Analyze(DockerfileAnalysis analysis)
    {
        foreach (var finding in BaseImageRules.UnpinnedBaseImage(analysis.Model))
        {
            analysis.Report(DiagnosticDescriptors.UnpinnedBaseImage, finding);
        }
    }
}

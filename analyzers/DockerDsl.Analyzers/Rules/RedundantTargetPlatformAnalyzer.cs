using System.Collections.Immutable;
using DockerDsl.Analyzers.Infrastructure;
using DockerDsl.Core.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DockerDsl.Analyzers.Rules;

/// <summary>DDSL023: FROM --platform=$TARGETPLATFORM.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RedundantTargetPlatformAnalyzer : DockerfileAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.RedundantTargetPlatform);

    protected override void Analyze(DockerfileAnalysis analysis)
    {
        foreach (var finding in BaseImageRules.RedundantTargetPlatform(analysis.Model))
        {
            analysis.Report(DiagnosticDescriptors.RedundantTargetPlatform, finding);
        }
    }
}

using System.Collections.Immutable;
using DockerDsl.Analyzers.Infrastructure;
using DockerDsl.Core.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DockerDsl.Analyzers.Rules;

/// <summary>DDSL022: FROM --platform with a constant value.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ConstantPlatformAnalyzer : DockerfileAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.ConstantPlatform);

    protected override void Analyze(DockerfileAnalysis analysis)
    {
        foreach (var finding in BaseImageRules.ConstantPlatform(analysis.Model))
        {
            analysis.Report(DiagnosticDescriptors.ConstantPlatform, finding);
        }
    }
}

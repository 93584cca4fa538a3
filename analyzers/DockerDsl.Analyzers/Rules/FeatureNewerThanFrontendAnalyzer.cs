using System.Collections.Immutable;
using DockerDsl.Analyzers.Infrastructure;
using DockerDsl.Core.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DockerDsl.Analyzers.Rules;

/// <summary>DDSL009: A feature that the pinned # syntax= frontend does not have.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class FeatureNewerThanFrontendAnalyzer : DockerfileAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.FeatureNewerThanFrontend);

    protected override void Analyze(DockerfileAnalysis analysis)
    {
        foreach (var finding in FrontendRules.FeatureNewerThanPin(analysis.Model, analysis.ProjectSyntax))
        {
            analysis.Report(DiagnosticDescriptors.FeatureNewerThanFrontend, finding);
        }
    }
}

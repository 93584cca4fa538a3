using System.Collections.Immutable;
using DockerDsl.Analyzers.Infrastructure;
using DockerDsl.Core.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DockerDsl.Analyzers.Rules;

/// <summary>DDSL011: ADD of local files that are not archives.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AddInsteadOfCopyAnalyzer : DockerfileAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.AddInsteadOfCopy);

    protected override void Analyze(DockerfileAnalysis analysis)
    {
        foreach (var finding in CopyRules.AddInsteadOfCopy(analysis.Model))
        {
            analysis.Report(DiagnosticDescriptors.AddInsteadOfCopy, finding);
        }
    }
}

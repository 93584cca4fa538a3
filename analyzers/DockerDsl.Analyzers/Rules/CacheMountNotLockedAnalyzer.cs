using System.Collections.Immutable;
using DockerDsl.Analyzers.Infrastructure;
using DockerDsl.Core.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DockerDsl.Analyzers.Rules;

/// <summary>DDSL003: A cache mount used by a RUN has a sharing mode other than locked.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CacheMountNotLockedAnalyzer : DockerfileAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.CacheMountNotLocked);

    protected override void Analyze(DockerfileAnalysis analysis)
    {
        foreach (var finding in CacheMountRules.NotLocked(analysis.Model))
        {
            analysis.Report(DiagnosticDescriptors.CacheMountNotLocked, finding);
        }
    }
}

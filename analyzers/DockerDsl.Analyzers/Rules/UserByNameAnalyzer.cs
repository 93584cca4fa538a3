using System.Collections.Immutable;
using DockerDsl.Analyzers.Infrastructure;
using DockerDsl.Core.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DockerDsl.Analyzers.Rules;

/// <summary>DDSL010: The image's user is a name rather than a numeric id.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UserByNameAnalyzer : DockerfileAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.UserByName);

    protected override void Analyze(DockerfileAnalysis analysis)
    {
        foreach (var finding in FinalStageRules.UserByName(analysis.Model, analysis.LockedWords, lockFile: analysis.Lock.File))
        {
            analysis.Report(DiagnosticDescriptors.UserByName, finding);
        }
    }
}

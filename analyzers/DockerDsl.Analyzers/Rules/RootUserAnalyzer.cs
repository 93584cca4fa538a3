using System.Collections.Immutable;
using DockerDsl.Analyzers.Infrastructure;
using DockerDsl.Core.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DockerDsl.Analyzers.Rules;

/// <summary>DDSL001: The image's effective user, after inheritance through FROM stages, is root.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RootUserAnalyzer : DockerfileAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.RootUser);

    protected override void Analyze(DockerfileAnalysis analysis)
    {
        foreach (var finding in FinalStageRules.RootUser(analysis.Model, analysis.LockedWords, lockFile: analysis.Lock.File))
        {
            analysis.Report(DiagnosticDescriptors.RootUser, finding);
        }
    }
}

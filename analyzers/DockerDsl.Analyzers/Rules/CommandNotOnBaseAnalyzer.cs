using System.Collections.Immutable;
using DockerDsl.Analyzers.Infrastructure;
using DockerDsl.Core.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DockerDsl.Analyzers.Rules;

/// <summary>DDSL044: a RUN command that the family of the stage's base image does not have (apk on Debian, useradd on Alpine).</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CommandNotOnBaseAnalyzer : DockerfileAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.CommandNotOnBase);

    protected override void Analyze(DockerfileAnalysis analysis)
    {
        foreach (var finding in BaseFamilyRules.CommandNotOnBase(analysis.Model, analysis.Lock.File))
        {
            analysis.Report(DiagnosticDescriptors.CommandNotOnBase, finding);
        }
    }
}

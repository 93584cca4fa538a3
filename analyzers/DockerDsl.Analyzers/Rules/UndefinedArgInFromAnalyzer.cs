using System.Collections.Immutable;
using DockerDsl.Analyzers.Infrastructure;
using DockerDsl.Core.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DockerDsl.Analyzers.Rules;

/// <summary>DDSL025: FROM uses a variable no global ARG declares.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UndefinedArgInFromAnalyzer : DockerfileAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.UndefinedArgInFrom);

    protected override void Analyze(DockerfileAnalysis analysis)
    {
        foreach (var finding in BaseImageRules.UndefinedArgInFrom(analysis.Model))
        {
            analysis.Report(DiagnosticDescriptors.UndefinedArgInFrom, finding);
        }
    }
}

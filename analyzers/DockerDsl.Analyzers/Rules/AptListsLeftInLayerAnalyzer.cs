using DockerDsl.Analyzers.Infrastructure;
using DockerDsl.Core.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DockerDsl.Analyzers.Rules;

/// <summary>DDSL021: apt-get update whose package lists stay in the layer.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AptListsLeftInLayerAnalyzer : RunCommandAnalyzer
{
    public AptListsLeftInLayerAnalyzer()
        : base(RunCommandIssue.AptListsLeftInLayer, DiagnosticDescriptors.AptListsLeftInLayer)
    {
    }
}

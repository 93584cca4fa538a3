using DockerDsl.Analyzers.Infrastructure;
using DockerDsl.Core.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DockerDsl.Analyzers.Rules;

/// <summary>DDSL015: apt instead of apt-get.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AptInsteadOfAptGetAnalyzer : RunCommandAnalyzer
{
    public AptInsteadOfAptGetAnalyzer()
        : base(RunCommandIssue.AptInsteadOfAptGet, DiagnosticDescriptors.AptInsteadOfAptGet)
    {
    }
}

using DockerDsl.Analyzers.Infrastructure;
using DockerDsl.Core.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DockerDsl.Analyzers.Rules;

/// <summary>DDSL013: apt-get install without -y.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AptGetInstallWithoutYesAnalyzer : RunCommandAnalyzer
{
    public AptGetInstallWithoutYesAnalyzer()
        : base(RunCommandIssue.AptGetInstallWithoutYes, DiagnosticDescriptors.AptGetInstallWithoutYes)
    {
    }
}

using DockerDsl.Analyzers.Infrastructure;
using DockerDsl.Core.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DockerDsl.Analyzers.Rules;

/// <summary>DDSL016: sudo in a RUN.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SudoAnalyzer : RunCommandAnalyzer
{
    public SudoAnalyzer()
        : base(RunCommandIssue.Sudo, DiagnosticDescriptors.Sudo)
    {
    }
}

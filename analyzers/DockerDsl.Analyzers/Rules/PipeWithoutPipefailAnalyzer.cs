using DockerDsl.Analyzers.Infrastructure;
using DockerDsl.Core.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DockerDsl.Analyzers.Rules;

/// <summary>DDSL018: a pipe without pipefail.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PipeWithoutPipefailAnalyzer : RunCommandAnalyzer
{
    public PipeWithoutPipefailAnalyzer()
        : base(RunCommandIssue.PipeWithoutPipefail, DiagnosticDescriptors.PipeWithoutPipefail)
    {
    }
}

using DockerDsl.Analyzers.Infrastructure;
using DockerDsl.Core.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DockerDsl.Analyzers.Rules;

/// <summary>DDSL030: a command that makes no sense in a container (ssh, vim, service, ps, ...) in a RUN.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PointlessCommandAnalyzer : RunCommandAnalyzer
{
    public PointlessCommandAnalyzer()
        : base(RunCommandIssue.PointlessCommand, DiagnosticDescriptors.PointlessCommand)
    {
    }
}

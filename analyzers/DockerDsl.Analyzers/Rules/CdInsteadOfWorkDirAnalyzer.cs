using DockerDsl.Analyzers.Infrastructure;
using DockerDsl.Core.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DockerDsl.Analyzers.Rules;

/// <summary>DDSL017: cd instead of WORKDIR.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CdInsteadOfWorkDirAnalyzer : RunCommandAnalyzer
{
    public CdInsteadOfWorkDirAnalyzer()
        : base(RunCommandIssue.CdInsteadOfWorkDir, DiagnosticDescriptors.CdInsteadOfWorkDir)
    {
    }
}

using DockerDsl.Analyzers.Infrastructure;
using DockerDsl.Core.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DockerDsl.Analyzers.Rules;

/// <summary>DDSL027: pip install without --no-cache-dir.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PipInstallWithoutNoCacheDirAnalyzer : RunCommandAnalyzer
{
    public PipInstallWithoutNoCacheDirAnalyzer()
        : base(RunCommandIssue.PipInstallWithoutNoCacheDir, DiagnosticDescriptors.PipInstallWithoutNoCacheDir)
    {
    }
}

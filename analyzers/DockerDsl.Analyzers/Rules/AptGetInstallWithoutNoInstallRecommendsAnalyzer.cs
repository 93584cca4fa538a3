using DockerDsl.Analyzers.Infrastructure;
using DockerDsl.Core.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DockerDsl.Analyzers.Rules;

/// <summary>DDSL014: apt-get install without --no-install-recommends.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AptGetInstallWithoutNoInstallRecommendsAnalyzer : RunCommandAnalyzer
{
    public AptGetInstallWithoutNoInstallRecommendsAnalyzer()
        : base(RunCommandIssue.AptGetInstallWithoutNoInstallRecommends, DiagnosticDescriptors.AptGetInstallWithoutNoInstallRecommends)
    {
    }
}

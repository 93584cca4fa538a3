using DockerDsl.Analyzers.Infrastructure;
using DockerDsl.Core.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DockerDsl.Analyzers.Rules;

/// <summary>DDSL028: a package installed without a version pin.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnpinnedPackageAnalyzer : RunCommandAnalyzer
{
    public UnpinnedPackageAnalyzer()
        : base(RunCommandIssue.UnpinnedPackage, DiagnosticDescriptors.UnpinnedPackage)
    {
    }
}

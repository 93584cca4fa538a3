using DockerDsl.Analyzers.Infrastructure;
using DockerDsl.Core.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DockerDsl.Analyzers.Rules;

/// <summary>DDSL026: apk add without --no-cache.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ApkAddWithoutNoCacheAnalyzer : RunCommandAnalyzer
{
    public ApkAddWithoutNoCacheAnalyzer()
        : base(RunCommandIssue.ApkAddWithoutNoCache, DiagnosticDescriptors.ApkAddWithoutNoCache)
    {
    }
}

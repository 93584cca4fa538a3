using System.Collections.Immutable;
using System.Linq;
using DockerDsl.Analyzers.Infrastructure;
using DockerDsl.Core.Lock;
using DockerDsl.Core.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DockerDsl.Analyzers.Rules;

/// <summary>DDSL046: BuildKit's InvalidBaseImagePlatform, from dockerdsl.lock.json: a declared platform the locked base image is not published for.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class InvalidBaseImagePlatformAnalyzer : DockerfileAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.InvalidBaseImagePlatform);

    protected override void Analyze(DockerfileAnalysis analysis)
    {
        // The declared platforms, as the bake file builds them; without any, the build is for the building machine's
        // platform, and only stages with a constant platform of their own are decided by the declarations.
        var declared = analysis.Model.Image.Platforms.Select(p => LockPlatform.Normalize(p)).Where(p => p is not null).Select(p => p!).Distinct().ToList();
        var implicitTarget = declared.Count == 0;
        var targets = implicitTarget ? new() { "linux/amd64" } : declared;
        foreach (var finding in BaseImagePlatformRules.InvalidBaseImagePlatform(analysis.Model, analysis.Lock.File, targets, implicitTarget, buildPlatform: null))
        {
            analysis.Report(DiagnosticDescriptors.InvalidBaseImagePlatform, finding);
        }
    }
}

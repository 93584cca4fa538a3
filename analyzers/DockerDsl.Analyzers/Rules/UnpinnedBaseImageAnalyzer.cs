using System.Collections.Immutable;
using DockerDsl.Analyzers.Infrastructure;
using DockerDsl.Core.Lock;
using DockerDsl.Core.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DockerDsl.Analyzers.Rules;

/// <summary>DDSL004: A base image has no tag or the latest tag, and the lock file does not pin it.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnpinnedBaseImageAnalyzer : DockerfileAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.UnpinnedBaseImage);

    protected override void Analyze(DockerfileAnalysis analysis)
    {
        // An image the lock holds is written with its digest, so it is pinned whatever its tag says.
        var model = analysis.Lock.File is { } lockFile ? LockPinning.Pin(analysis.Model, lockFile) : analysis.Model;
        foreach (var finding in BaseImageRules.UnpinnedBaseImage(model))
        {
            analysis.Report(DiagnosticDescriptors.UnpinnedBaseImage, finding);
        }
    }
}

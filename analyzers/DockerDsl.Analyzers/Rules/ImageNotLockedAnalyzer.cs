using System.Collections.Immutable;
using System.Linq;
using DockerDsl.Analyzers.Infrastructure;
using DockerDsl.Core.Lock;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DockerDsl.Analyzers.Rules;

/// <summary>DDSL112: with DockerDslLocked=true, an external image (FROM, COPY --from, mount from) that dockerdsl.lock.json does not hold.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ImageNotLockedAnalyzer : DockerfileAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.ImageNotLocked);

    protected override void Analyze(DockerfileAnalysis analysis)
    {
        if (!analysis.Lock.Required)
        {
            return;
        }

        // The declared platforms, as the bake file builds them; without any, every platform the lock holds will do,
        // since the platform docker build picks is the building machine's.
        var declared = analysis.Model.Image.Platforms.Select(p => LockPlatform.Normalize(p)).Where(p => p is not null).Select(p => p!).Distinct().ToList();
        var platforms = declared.Count > 0 ? declared : new() { "linux/amd64" };
        var (uses, _) = ExternalImages.Of(analysis.Model, platforms, "linux/amd64");
        foreach (var use in uses)
        {
            if (use.Reference.IndexOf('@') >= 0)
            {
                continue;
            }

            var locked = analysis.Lock.File?.Find(use.Reference);
            string? missing = analysis.Lock.Error is { } error ? $" (it cannot be read: {error})"
                : locked is null ? string.Empty
                : declared.Contains(use.Platform) && locked.Find(use.Platform) is null ? $" for {use.Platform}"
                : null;
            if (missing is not null)
            {
                var source = use.Source.ArgumentName is null && analysis.Model.Stages.Any(s => s.Source == use.Source) ? use.Source.WithArgument("From") : use.Source;
                analysis.Report(DiagnosticDescriptors.ImageNotLocked, source, ImmutableDictionary<string, string?>.Empty, use.Reference, missing);
            }
        }
    }
}

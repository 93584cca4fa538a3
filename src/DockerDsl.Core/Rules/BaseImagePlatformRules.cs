using System;
using System.Collections.Generic;
using System.Linq;
using DockerDsl.Core.Lock;
using DockerDsl.Core.Model;

namespace DockerDsl.Core.Rules;

/// <summary>
/// BuildKit's InvalidBaseImagePlatform check, decided from the lock file instead of the registry. BuildKit resolves
/// each image a build pulls (FROM, and the images <c>COPY --from</c> and <c>RUN --mount from=</c> name, which it
/// treats as stages of their own) for the stage's platform, and warns when the image config it gets says another
/// OS or architecture (moby/buildkit frontend/dockerfile/dockerfile2llb/convert.go, validateBaseImagePlatform: only
/// <c>os</c> and <c>architecture</c> are compared, not the variant). A single-platform image is used as it is for
/// any platform, and containerd's platform matcher lets an index entry of another architecture stand in (arm/v7 for
/// arm64, 386 for amd64); an index without anything the platform runs fails the pull ("no match for platform in
/// manifest"). The lock holds what the registry would answer: each locked platform's image config, and for an index
/// the platforms it lists.
/// </summary>
public static class BaseImagePlatformRules
{
    private static readonly string[] IndexMediaTypes =
    {
        "application/vnd.oci.image.index.v1+json",
        "application/vnd.docker.distribution.manifest.list.v2+json",
    };

    /// <summary>
    /// DDSL046: an external image a build for one of <paramref name="targetPlatforms"/> pulls, whose lock entry says it
    /// has no image of that platform's OS and architecture: its locked image config is another platform's (a
    /// single-platform image, or an index entry that stands in), or its locked index lists no such platform. Found
    /// at the instruction that names the image (the <c>[Stage]</c>, <c>[CopyFrom]</c> or mount). Arguments: the image
    /// reference, what the lock says, the platforms the build is for (comma-separated) that it says it of.
    /// </summary>
    /// <param name="targetPlatforms">The platforms the build is for, in normal form.</param>
    /// <param name="implicitTarget">
    /// True when no platform is declared and <paramref name="targetPlatforms"/> is only a stand-in for the building
    /// machine's: then BuildKit takes a single-platform image's own platform when the machine can run it
    /// (dockerfile2llb autoDetectPlatform), so only stages with a <c>--platform</c> of their own are checked.
    /// </param>
    /// <param name="buildPlatform">BUILDPLATFORM, or null when it is not known (the building machine's): a stage
    /// platform that reads it is then not checked.</param>
    public static IEnumerable<Finding> InvalidBaseImagePlatform(DockerfileModel model, LockFile? lockFile, IReadOnlyList<string> targetPlatforms, bool implicitTarget, string? buildPlatform)
    {
        if (lockFile is null || lockFile.Images.IsEmpty || targetPlatforms.Count == 0)
        {
            yield break;
        }

        var (uses, _) = ExternalImages.Of(model, targetPlatforms, buildPlatform ?? "linux/amd64", everyUse: true);

        // One finding per instruction and what the lock says, naming every platform it holds for.
        var found = new List<(SourceRef Source, string Reference, string Detail, List<string> Platforms)>();
        foreach (var use in uses)
        {
            var stage = model.Stages.FirstOrDefault(s => s.Source == use.Source);
            var flag = stage?.Platform;
            if ((implicitTarget && flag is null)
                || (flag is not null && ((buildPlatform is null && flag.IndexOf("BUILD", StringComparison.Ordinal) >= 0)
                    || (implicitTarget && flag.IndexOf("TARGET", StringComparison.Ordinal) >= 0))))
            {
                continue;
            }

            if (lockFile.FindWritten(use.Reference) is not { } locked || !PlatformSpecifier.TryParse(use.Platform, out var expected)
                || Mismatch(locked, use.Platform, expected) is not { } detail)
            {
                continue;
            }

            var index = found.FindIndex(f => f.Source == use.Source && f.Reference == use.Reference && f.Detail == detail);
            if (index < 0)
            {
                found.Add((use.Source, use.Reference, detail, new List<string> { use.Platform }));
            }
            else if (!found[index].Platforms.Contains(use.Platform))
            {
                found[index].Platforms.Add(use.Platform);
            }
        }

        foreach (var (source, reference, detail, platforms) in found)
        {
            yield return Finding.At(source, reference, detail, string.Join(", ", platforms));
        }
    }

    /// <summary>What the lock says when <paramref name="locked"/> has no image of <paramref name="expected"/>'s OS and architecture; else null.</summary>
    private static string? Mismatch(LockedImage locked, string platform, PlatformSpecifier expected)
    {
        if (locked.Find(platform) is { } entry)
        {
            if (Same(entry.OS, entry.Architecture, expected))
            {
                return null;
            }

            var pulled = LockPlatform.Format(entry.OS, entry.Architecture, entry.Variant);
            return Array.IndexOf(IndexMediaTypes, locked.MediaType) >= 0
                ? $"is locked for {platform} as its index's {pulled} image"
                : $"is locked as a single-platform image for {pulled}";
        }

        if (Array.IndexOf(IndexMediaTypes, locked.MediaType) < 0)
        {
            // One manifest: every platform locked has the same image config, so its platform is the image's.
            if (locked.Platforms.FirstOrDefault() is not { } any || Same(any.OS, any.Architecture, expected))
            {
                return null;
            }

            return $"is locked as a single-platform image for {LockPlatform.Format(any.OS, any.Architecture, any.Variant)}";
        }

        if (locked.IndexPlatforms is not { } listed
            || listed.Any(p => PlatformSpecifier.TryParse(p, out var available) && Same(available.OS, available.Architecture, expected)))
        {
            return null;
        }

        return listed.IsEmpty ? "is locked as an index of no platform at all" : $"is locked as an index of {string.Join(", ", listed)} only";
    }

    private static bool Same(string os, string architecture, PlatformSpecifier expected) =>
        string.Equals(os, expected.OS, StringComparison.Ordinal) && string.Equals(architecture, expected.Architecture, StringComparison.Ordinal);
}

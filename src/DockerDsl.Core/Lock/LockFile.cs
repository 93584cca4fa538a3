using System;
using System.Collections.Generic;
using System.Linq;
using DockerDsl.Core.Helpers;
using DockerDsl.Core.Model;

namespace DockerDsl.Core.Lock;

/// <summary>
/// <c>dockerdsl.lock.json</c>: every external image a project's Dockerfiles use, pinned by digest, with what
/// each platform's image really is. Written by <c>dockerdsl lock</c>; read by the build to pin FROM and by rules.
/// </summary>
/// <param name="Images">Ordered by <see cref="LockedImage.Reference"/>, ordinal, each reference once.</param>
public sealed record LockFile(EquatableArray<LockedImage> Images)
{
    /// <summary>The file name, beside the project file.</summary>
    public const string FileName = "dockerdsl.lock.json";

    /// <summary>The format this version of DockerDsl reads and writes.</summary>
    public const int CurrentFormatVersion = 1;

    public static readonly LockFile Empty = new(EquatableArray<LockedImage>.Empty);

    /// <summary>The image locked for <paramref name="reference"/> as a Dockerfile writes it, or null.</summary>
    public LockedImage? Find(string reference)
    {
        foreach (var image in Images)
        {
            if (string.Equals(image.Reference, reference, StringComparison.Ordinal))
            {
                return image;
            }
        }

        return null;
    }

    /// <summary>
    /// Each locked image's environment (<c>NAME=value</c> entries), as its image config holds it (its first platform's:
    /// the variables do not differ by platform), by the reference FROM names it with: as declared, and pinned to its
    /// digest as a generated Dockerfile names it. What the rules expand variables with for a stage built FROM it.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> ImageEnvironments()
    {
        var environments = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var image in Images)
        {
            if (!image.Platforms.IsEmpty && image.Platforms[0].Config.Env is { } env)
            {
                environments[image.Reference] = env.ToList();
                environments[image.PinnedReference] = env.ToList();
            }
        }

        return environments;
    }

    /// <summary>
    /// The family each locked image's file system tells (<see cref="LockedFileSystem.Family"/>), by the reference FROM
    /// names it with, as declared and pinned to its digest; only an image whose every locked platform tells the same one.
    /// </summary>
    public IReadOnlyDictionary<string, ImageFamily> ImageFamilies()
    {
        var families = new Dictionary<string, ImageFamily>(StringComparer.Ordinal);
        foreach (var image in Images)
        {
            var told = image.Platforms.Select(p => p.FileSystem?.Family).Distinct().ToList();
            if (!image.Platforms.IsEmpty && told.Count == 1 && told[0] is { } family)
            {
                families[image.Reference] = family;
                families[image.PinnedReference] = family;
            }
        }

        return families;
    }

    /// <summary>
    /// The image locked for <paramref name="reference"/> as a Dockerfile writes it, or as the build wrote it pinned:
    /// <c>name:tag@digest</c> is the entry <c>name:tag</c> when there is no entry for it as written.
    /// </summary>
    public LockedImage? FindWritten(string reference)
    {
        var at = reference.IndexOf('@');
        return Find(reference) ?? (at > 0 ? Find(reference.Substring(0, at)) : null);
    }
}

/// <summary>One image reference as the Dockerfiles write it, and what it resolved to.</summary>
/// <param name="Reference">The reference as written after the build arguments' defaults are expanded, such as <c>debian:bookworm-slim</c>.</param>
/// <param name="Repository">The repository it names, normalised as Docker does: <c>docker.io/library/debian</c>.</param>
/// <param name="Tag">The tag it names (<c>latest</c> when it names neither tag nor digest); null for a reference by digest alone.</param>
/// <param name="Digest">The digest the tag resolved to: of the index (manifest list) for a multi-platform image, else of its one manifest.</param>
/// <param name="MediaType">The media type of what <paramref name="Digest"/> names.</param>
/// <param name="Platforms">Ordered by <see cref="LockedPlatform.Platform"/>, ordinal: the platforms the project builds it for.</param>
/// <param name="IndexPlatforms">
/// For an index (manifest list): the platforms of every image manifest it lists, in normal form, ordered and each
/// once, so a platform the project declares later can be checked without the registry. Null for a single manifest
/// (its one platform is each <see cref="LockedPlatform"/>'s <c>os</c> and <c>architecture</c>) and in lock files
/// written before it was recorded.
/// </param>
public sealed record LockedImage(
    string Reference,
    string Repository,
    string? Tag,
    string Digest,
    string MediaType,
    EquatableArray<LockedPlatform> Platforms,
    EquatableArray<string>? IndexPlatforms = null)
{
    /// <summary>The reference pinned to the digest: <c>debian:bookworm-slim@sha256:...</c>, which pulls exactly what was locked.</summary>
    public string PinnedReference
    {
        get
        {
            var at = Reference.IndexOf('@');
            return (at < 0 ? Reference : Reference.Substring(0, at)) + "@" + Digest;
        }
    }

    /// <summary>What is locked for <paramref name="platform"/> (normalised, such as <c>linux/arm64</c>), or null.</summary>
    public LockedPlatform? Find(string platform)
    {
        foreach (var locked in Platforms)
        {
            if (string.Equals(locked.Platform, platform, StringComparison.Ordinal))
            {
                return locked;
            }
        }

        return null;
    }
}

/// <summary>One platform of a locked image: its manifest and what its image config says.</summary>
/// <param name="Platform">The platform the project builds for, normalised as containerd does: <c>linux/amd64</c>, <c>linux/arm/v7</c>.</param>
/// <param name="Digest">The digest of that platform's image manifest.</param>
/// <param name="OS">The image config's <c>os</c>.</param>
/// <param name="Architecture">The image config's <c>architecture</c>.</param>
/// <param name="Variant">The image config's <c>variant</c>, if any.</param>
/// <param name="Config">The parts of the image config's <c>config</c> that the rules and the build read.</param>
/// <param name="FileSystem">What the image's layers hold that tells its family; null when lock did not read them.</param>
public sealed record LockedPlatform(
    string Platform,
    string Digest,
    string OS,
    string Architecture,
    string? Variant,
    ImageConfig Config,
    LockedFileSystem? FileSystem = null);

/// <summary>What an image's file system, built from its layers, says about its family.</summary>
/// <param name="OsId">The <c>ID</c> of its os-release file, if it has one.</param>
/// <param name="OsIdLike">The <c>ID_LIKE</c> of its os-release file, if it has one.</param>
/// <param name="Tools">Which of <c>/bin/sh</c>, adduser, apk, apt-get, busybox, dnf, microdnf and useradd it has, ordered.</param>
/// <param name="Family">The family these tell, by <see cref="Of"/>; null when they tell none.</param>
public sealed record LockedFileSystem(string? OsId, string? OsIdLike, EquatableArray<string> Tools, ImageFamily? Family)
{
    /// <summary>
    /// The facts with the family they tell, by the tools a helper of each family runs: no <c>/bin/sh</c> is Distroless
    /// (no RUN in the shell form works there, whatever its os-release says); apk is Alpine; apt-get with useradd is
    /// Debian; dnf with useradd is RedHat; dnf or microdnf without it is RedHatMinimal; busybox without a package manager
    /// is Busybox. Anything else tells no family.
    /// </summary>
    public static LockedFileSystem Of(string? osId, string? osIdLike, IEnumerable<string> tools)
    {
        var set = new HashSet<string>(tools, StringComparer.Ordinal);
        ImageFamily? family = !set.Contains("/bin/sh") ? ImageFamily.Distroless
            : set.Contains("apk") ? ImageFamily.Alpine
            : set.Contains("apt-get") ? (set.Contains("useradd") ? ImageFamily.Debian : null)
            : set.Contains("dnf") && set.Contains("useradd") ? ImageFamily.RedHat
            : set.Contains("dnf") || set.Contains("microdnf") ? ImageFamily.RedHatMinimal
            : set.Contains("busybox") ? ImageFamily.Busybox
            : null;
        return new LockedFileSystem(osId, osIdLike, set.OrderBy(t => t, StringComparer.Ordinal).ToEquatableArray(), family);
    }
}

/// <summary>
/// The parts of an image's run configuration (the image config's <c>config</c> object) a build inherits. Each is
/// null when the image config does not set it; an empty string or list is what the image config says.
/// </summary>
/// <param name="User">The user the image runs as; empty or null is root.</param>
/// <param name="ExposedPorts">The exposed ports, such as <c>8080/tcp</c>, ordered.</param>
public sealed record ImageConfig(
    string? User = null,
    HealthcheckConfig? Healthcheck = null,
    EquatableArray<string>? Env = null,
    EquatableArray<string>? ExposedPorts = null,
    EquatableArray<string>? Entrypoint = null,
    EquatableArray<string>? Cmd = null,
    string? WorkingDir = null,
    string? StopSignal = null)
{
    public static readonly ImageConfig None = new();
}

/// <summary>The image config's <c>Healthcheck</c>: durations in nanoseconds, as the image config holds them.</summary>
/// <param name="Test">The test: <c>["NONE"]</c>, <c>["CMD", ...]</c> or <c>["CMD-SHELL", command]</c>.</param>
public sealed record HealthcheckConfig(
    EquatableArray<string>? Test = null,
    long? Interval = null,
    long? Timeout = null,
    long? StartPeriod = null,
    long? StartInterval = null,
    long? Retries = null);

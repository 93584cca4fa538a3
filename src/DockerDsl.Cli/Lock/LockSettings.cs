using System.Collections.Generic;
using DockerDsl.Cli.Registry;

namespace DockerDsl.Cli.Lock;

/// <summary>What <c>dockerdsl lock</c> does.</summary>
internal enum LockMode
{
    /// <summary>Locks what the lock does not hold yet; keeps every entry it holds.</summary>
    Lock,

    /// <summary>Resolves the tags again: every image, or the images <see cref="LockSettings.Update"/> names.</summary>
    Update,

    /// <summary>Writes nothing; exit code 1 when a tag now names another digest or an image is not locked.</summary>
    Check,
}

/// <summary><c>dockerdsl lock</c>'s options, checked.</summary>
/// <param name="Project">The project file or folder; null for the current folder (unused when <paramref name="Files"/> is not empty).</param>
/// <param name="Assembly">The compiled assembly to read the Dockerfiles from; null to find it under obj/.</param>
/// <param name="Files">Dockerfiles on disk to lock instead of a project's.</param>
/// <param name="LockPath">The lock file; null for <c>dockerdsl.lock.json</c> beside the project (or the first Dockerfile).</param>
/// <param name="Platforms">The platforms for Dockerfiles that declare none; empty for the platform of this machine, as docker build does.</param>
/// <param name="InspectLayers">Whether to read each image's layers for what its file system says about its family.</param>
/// <param name="Update">With <see cref="LockMode.Update"/>: the images to refresh; empty for all.</param>
internal sealed record LockSettings(
    string? Project,
    string? Assembly,
    IReadOnlyList<string> Files,
    string? LockPath,
    IReadOnlyList<string> Platforms,
    LockMode Mode,
    IReadOnlyList<string> Update,
    RegistrySettings Registry,
    bool InspectLayers = true);

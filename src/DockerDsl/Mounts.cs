using System;

namespace DockerDsl;

/// <summary>How concurrent builds share a cache mount (<c>sharing=</c>).</summary>
public enum CacheSharing
{
    /// <summary>Not set: BuildKit's default, <c>shared</c>.</summary>
    Default = 0,

    /// <summary>Concurrent writers use the cache at once.</summary>
    Shared,

    /// <summary>Each concurrent writer gets a new, empty cache.</summary>
    Private,

    /// <summary>Concurrent writers wait for each other: the safe choice for package managers and ccache.</summary>
    Locked,
}

/// <summary>A BuildKit cache mount (<c>RUN --mount=type=cache</c>), declared as a class and used through <c>Mounts</c>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class CacheMountAttribute : Attribute
{
    /// <summary>Declares a cache mounted at <paramref name="target"/>.</summary>
    /// <param name="target">Mount path in the build container, absolute or relative to the working directory.</param>
    public CacheMountAttribute(string target) => Target = target;

    /// <summary>Mount path.</summary>
    public string Target { get; }

    /// <summary>Cache id; defaults to the target path.</summary>
    public string? Id { get; set; }

    /// <summary>Sharing mode; set <see cref="CacheSharing.Locked"/> unless you know better.</summary>
    public CacheSharing Sharing { get; set; }

    /// <summary>Mount read-only.</summary>
    public bool ReadOnly { get; set; }

    /// <summary>Stage class or image used as the cache's initial content.</summary>
    public object? From { get; set; }

    /// <summary>Subpath of <see cref="From"/> to mount.</summary>
    public string? Source { get; set; }

    /// <summary>Octal file mode of a new cache directory, for example <c>0755</c>.</summary>
    public string? Mode { get; set; }

    /// <summary>User id of a new cache directory.</summary>
    public int Uid { get; set; }

    /// <summary>Group id of a new cache directory.</summary>
    public int Gid { get; set; }
}

/// <summary>A build secret (<c>RUN --mount=type=secret</c>), declared as a class and used through <c>Mounts</c>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class SecretMountAttribute : Attribute
{
    /// <summary>Declares the secret <paramref name="id"/> (as passed to <c>docker build --secret id=...</c>).</summary>
    public SecretMountAttribute(string id) => Id = id;

    /// <summary>Secret id.</summary>
    public string Id { get; }

    /// <summary>File path of the secret; defaults to <c>/run/secrets/&lt;id&gt;</c>.</summary>
    public string? Target { get; set; }

    /// <summary>Expose the secret as this environment variable instead of (or as well as) a file.</summary>
    public string? Env { get; set; }

    /// <summary>Fail the build when the secret is not provided.</summary>
    public bool Required { get; set; }

    /// <summary>Octal file mode of the secret file.</summary>
    public string? Mode { get; set; }

    /// <summary>User id owning the secret file.</summary>
    public int Uid { get; set; }

    /// <summary>Group id owning the secret file.</summary>
    public int Gid { get; set; }
}

/// <summary>SSH agent forwarding (<c>RUN --mount=type=ssh</c>), declared as a class and used through <c>Mounts</c>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class SshMountAttribute : Attribute
{
    /// <summary>SSH agent socket or key id; defaults to <c>default</c>.</summary>
    public string? Id { get; set; }

    /// <summary>Socket path in the build container.</summary>
    public string? Target { get; set; }

    /// <summary>Fail the build when no agent is available.</summary>
    public bool Required { get; set; }

    /// <summary>Octal file mode of the socket.</summary>
    public string? Mode { get; set; }

    /// <summary>User id owning the socket.</summary>
    public int Uid { get; set; }

    /// <summary>Group id owning the socket.</summary>
    public int Gid { get; set; }
}

/// <summary>A bind mount of the context or a stage (<c>RUN --mount=type=bind</c>), declared as a class and used through <c>Mounts</c>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class BindMountAttribute : Attribute
{
    /// <summary>Declares a bind mount at the working directory (<c>--mount=type=bind</c> without a target).</summary>
    public BindMountAttribute()
    {
    }

    /// <summary>Declares a bind mount at <paramref name="target"/>, absolute or relative to the working directory.</summary>
    public BindMountAttribute(string target) => Target = target;

    /// <summary>Mount path; null for the working directory.</summary>
    public string? Target { get; }

    /// <summary>Path in <see cref="From"/> (or the build context) to mount.</summary>
    public string? Source { get; set; }

    /// <summary>Stage class or image to mount from; the build context when not set.</summary>
    public object? From { get; set; }

    /// <summary>Allow writes (discarded after the RUN).</summary>
    public bool ReadWrite { get; set; }
}

/// <summary>A tmpfs mount (<c>RUN --mount=type=tmpfs</c>), declared as a class and used through <c>Mounts</c>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class TmpfsMountAttribute : Attribute
{
    /// <summary>Declares a tmpfs at <paramref name="target"/>, absolute or relative to the working directory.</summary>
    public TmpfsMountAttribute(string target) => Target = target;

    /// <summary>Mount path.</summary>
    public string Target { get; }

    /// <summary>Size limit in bytes.</summary>
    public long Size { get; set; }
}

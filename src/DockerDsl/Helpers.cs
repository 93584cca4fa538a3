using System;

namespace DockerDsl;

/// <summary>
/// Installs Debian/Ubuntu packages the optimal way: <c>apt-get install -y --no-install-recommends</c>
/// with the apt cache and package lists on <c>sharing=locked</c> cache mounts, so no lists stay in
/// the layer and rebuilds download nothing twice.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class AptInstallAttribute : Attribute
{
    /// <summary>Installs <paramref name="packages"/> (optionally pinned, <c>name=version</c>).</summary>
    public AptInstallAttribute(params string[] packages) => Packages = packages;

    /// <summary>Package names.</summary>
    public string[] Packages { get; }
}

/// <summary>
/// Creates a system user and group with fixed numeric ids and switches to it with a numeric
/// <c>USER uid:gid</c>. Later COPY/ADD instructions in the stage chown to it.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class NonRootUserAttribute : Attribute
{
    /// <summary>Creates the user <paramref name="name"/>.</summary>
    public NonRootUserAttribute(string name) => Name = name;

    /// <summary>User name.</summary>
    public string Name { get; }

    /// <summary>User id (default 1001; must not be 0).</summary>
    public int Uid { get; set; } = 1001;

    /// <summary>Group id (default: the user id).</summary>
    public int Gid { get; set; }

    /// <summary>Group name (default: the user name).</summary>
    public string? Group { get; set; }

    /// <summary>Home directory to create and own; none when not set.</summary>
    public string? Home { get; set; }
}

/// <summary>
/// Wires ccache into the stage: compilers on <c>PATH</c> go through ccache, and every later
/// <see cref="RunAttribute"/>, <see cref="RunExecAttribute"/> and <see cref="RunHeredocAttribute"/>
/// of the stage mounts the ccache directory as a <c>sharing=locked</c> cache. Install the
/// <c>ccache</c> package first.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class CcacheAttribute : Attribute
{
    /// <summary>The cache directory (default <c>/ccache</c>).</summary>
    public string? Directory { get; set; }

    /// <summary>The cache mount id (default <c>ccache</c>).</summary>
    public string? Id { get; set; }

    /// <summary><c>CCACHE_MAXSIZE</c>, for example <c>2G</c>.</summary>
    public string? MaxSize { get; set; }
}

/// <summary>
/// Strips debug symbols (<c>strip --strip-debug</c>) from every shared object (<c>*.so</c>) under a
/// directory, typically 20-30% of their size. Needs <c>binutils</c> in the stage.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class StripDebugSymbolsAttribute : Attribute
{
    /// <summary>Strips shared objects under <paramref name="path"/>.</summary>
    public StripDebugSymbolsAttribute(string path) => Path = path;

    /// <summary>The directory searched.</summary>
    public string Path { get; }
}

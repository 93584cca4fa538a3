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

    /// <summary>Commands run after the install in the same RUN (each checked as [Run] checks its commands), such as removing a default site configuration.</summary>
    public string[]? Then { get; set; }

    /// <summary>The base image's family, when DockerDsl cannot infer it; apt needs <see cref="BaseFamily.Debian"/>.</summary>
    public BaseFamily Family { get; set; }
}

/// <summary>
/// Installs Alpine packages with <c>apk add --no-cache</c>, which reads the package index without keeping it, so
/// neither the index nor downloaded packages stay in the layer.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class ApkInstallAttribute : Attribute
{
    /// <summary>Installs <paramref name="packages"/> (optionally pinned, <c>name=version</c>).</summary>
    public ApkInstallAttribute(params string[] packages) => Packages = packages;

    /// <summary>Package names.</summary>
    public string[] Packages { get; }

    /// <summary>The base image's family, when DockerDsl cannot infer it; apk needs <see cref="BaseFamily.Alpine"/>.</summary>
    public BaseFamily Family { get; set; }
}

/// <summary>The RPM package manager <see cref="DnfInstallAttribute"/> runs.</summary>
public enum RpmManager
{
    /// <summary><c>dnf</c> (Fedora, UBI, Rocky, Alma, CentOS Stream, Amazon Linux 2023).</summary>
    Dnf = 1,

    /// <summary><c>microdnf</c> (ubi-minimal, Rocky and Alma -minimal, Oracle Linux -slim).</summary>
    Microdnf = 2,

    /// <summary><c>tdnf</c> (Azure Linux and CBL-Mariner, and the .NET images' <c>-azurelinux</c> tags).</summary>
    Tdnf = 3,
}

/// <summary>
/// Installs RPM packages with dnf or microdnf (<c>install -y --nodocs --setopt=install_weak_deps=0</c>, then
/// <c>clean all</c>), or tdnf (<c>install -y</c>, then <c>clean all</c>), so no metadata or package cache stays in the layer.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class DnfInstallAttribute : Attribute
{
    /// <summary>Installs <paramref name="packages"/> (optionally pinned, <c>name-version</c>).</summary>
    public DnfInstallAttribute(params string[] packages) => Packages = packages;

    /// <summary>Package names.</summary>
    public string[] Packages { get; }

    /// <summary>
    /// The manager; by default tdnf on Azure Linux and CBL-Mariner, dnf on Amazon Linux, microdnf on the other
    /// <see cref="BaseFamily.RedHatMinimal"/> bases and dnf on the rest.
    /// </summary>
    public RpmManager Manager { get; set; }

    /// <summary>The base image's family, when DockerDsl cannot infer it; dnf needs <see cref="BaseFamily.RedHat"/> or <see cref="BaseFamily.RedHatMinimal"/>.</summary>
    public BaseFamily Family { get; set; }
}

/// <summary>
/// The kind of base image a helper writes for: which tools create users and install packages. DockerDsl
/// infers it from the stage's base image (following stages built FROM other stages); state it when the
/// image's name does not tell (a private image). docs/attributes.md has the inference table.
/// </summary>
public enum BaseFamily
{
    /// <summary>Debian and Ubuntu: <c>groupadd</c>/<c>useradd</c> (passwd package), <c>apt-get</c>.</summary>
    Debian = 1,

    /// <summary>Alpine: busybox <c>addgroup</c>/<c>adduser</c>, <c>apk</c>.</summary>
    Alpine = 2,

    /// <summary>The busybox image: a shell and busybox applets, no package manager; users are written to <c>/etc/passwd</c> and <c>/etc/group</c>.</summary>
    Busybox = 3,

    /// <summary>Fedora, UBI, Rocky, Alma, CentOS Stream, Amazon Linux 2: <c>groupadd</c>/<c>useradd</c> (shadow-utils), <c>dnf</c>.</summary>
    RedHat = 4,

    /// <summary>ubi-minimal and other RPM-based images with <c>microdnf</c> and without shadow-utils: users are written to <c>/etc/passwd</c> and <c>/etc/group</c>.</summary>
    RedHatMinimal = 5,

    /// <summary>No shell and no user tools: distroless, .NET chiseled, scratch. Only a numeric <c>USER</c>.</summary>
    Distroless = 6,
}

/// <summary>
/// Creates a user and group with fixed numeric ids, with the tools of the base image's
/// <see cref="BaseFamily"/>, and switches to it with a numeric <c>USER uid:gid</c>. Later COPY/ADD
/// instructions in the stage chown to it.
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

    /// <summary>Home directory of the user; none when not set. It is created and owned by the user unless <see cref="CreateHome"/> is false.</summary>
    public string? Home { get; set; }

    /// <summary>Whether <see cref="Home"/> is created (default true); false records it as the user's home without creating it.</summary>
    public bool CreateHome { get; set; } = true;

    /// <summary>A system user and group (default true: ids and defaults for services); false makes a regular user.</summary>
    public bool System { get; set; } = true;

    /// <summary>The base image's family, when DockerDsl cannot infer it from the image name.</summary>
    public BaseFamily Family { get; set; }
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

using System;

namespace DockerDsl;

/// <summary>
/// Declares a Dockerfile. Nested classes marked with <see cref="StageAttribute"/> are its stages,
/// in declaration order; the last one is the image's final stage.
/// </summary>
/// <example><code>
/// [Dockerfile("api/Dockerfile")]
/// public partial class PlumberApi { ... }
/// </code></example>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class DockerfileAttribute : Attribute
{
    /// <summary>Declares a Dockerfile written to <paramref name="path"/>.</summary>
    /// <param name="path">Output path, relative to the project folder, with forward slashes.</param>
    public DockerfileAttribute(string path) => Path = path;

    /// <summary>Output path, relative to the project folder.</summary>
    public string Path { get; }

    /// <summary>
    /// The <c># syntax=</c> parser directive: a frontend image such as <c>docker/dockerfile:1.7</c>,
    /// or <see cref="DockerfileSyntax.None"/> to omit the line. When not set, the MSBuild property
    /// <c>DockerDslSyntax</c> decides, and without it <see cref="DockerfileSyntax.Stable"/> is used.
    /// </summary>
    public string? Syntax { get; set; }

    /// <summary>The <c># escape=</c> parser directive: <c>'\\'</c> (the default) or <c>'`'</c>.</summary>
    public char Escape { get; set; } = '\\';

    /// <summary>The <c># check=</c> parser directive for BuildKit build checks, for example <c>skip=JSONArgsRecommended</c>.</summary>
    public string? Check { get; set; }

    /// <summary>The build context, relative to the project folder (default <c>.</c>, the project folder).</summary>
    public string? Context { get; set; }

    /// <summary>
    /// Extra <c>.dockerignore</c> patterns, relative to the build context. DockerDsl writes
    /// <c>&lt;path&gt;.dockerignore</c> next to the Dockerfile, which BuildKit reads instead of the
    /// context's <c>.dockerignore</c>; it always excludes <c>.git/</c>, IDE folders and <c>node_modules/</c>,
    /// and the .NET build output as <see cref="DotNetIgnore"/> says.
    /// </summary>
    public string[]? Ignore { get; set; }

    /// <summary>
    /// Whether the <c>.dockerignore</c> leaves out .NET build output (<c>**/bin/</c>, <c>**/obj/</c>,
    /// <c>**/TestResults/</c>, <c>**/*.user</c>). <see cref="DotNetIgnorePatterns.Auto"/> (the default) does when
    /// the context holds this .NET project: the project folder or a folder above it.
    /// </summary>
    public DotNetIgnorePatterns DotNetIgnore { get; set; }

    /// <summary>
    /// False writes none of DockerDsl's built-in <c>.dockerignore</c> patterns (version control, IDE folders,
    /// <c>node_modules/</c>, .NET build output): the file is exactly <see cref="Ignore"/>. <c>dockerdsl import</c>
    /// writes it so an imported Dockerfile keeps the build context its own <c>.dockerignore</c> gave. Default: true.
    /// </summary>
    public bool DefaultIgnore { get; set; } = true;

    /// <summary>Image tags for the generated <c>docker-bake.hcl</c> target, for example <c>ghcr.io/acme/api:1.0</c>.</summary>
    public string[]? Tags { get; set; }

    /// <summary>Platforms for the bake target, for example <c>linux/amd64</c> and <c>linux/arm64</c>.</summary>
    public string[]? Platforms { get; set; }

    /// <summary>Bake <c>cache-from</c> entries, for example <c>type=registry,ref=ghcr.io/acme/api:cache</c>.</summary>
    public string[]? CacheFrom { get; set; }

    /// <summary>Bake <c>cache-to</c> entries, for example <c>type=registry,ref=ghcr.io/acme/api:cache,mode=max</c>.</summary>
    public string[]? CacheTo { get; set; }
}

/// <summary>Whether a Dockerfile's <c>.dockerignore</c> leaves out .NET build output (<see cref="DockerfileAttribute.DotNetIgnore"/>).</summary>
public enum DotNetIgnorePatterns
{
    /// <summary>When the build context holds the project: its folder or a folder above it (<c>.</c>, <c>..</c>).</summary>
    Auto = 0,

    /// <summary>Always, for a context that holds other .NET projects.</summary>
    Always,

    /// <summary>Never, for a context whose <c>bin/</c> or <c>obj/</c> belong in the image (a Ruby or Node.js app's <c>bin/</c>).</summary>
    Never,
}

/// <summary>Well-known values for <see cref="DockerfileAttribute.Syntax"/>.</summary>
public static class DockerfileSyntax
{
    /// <summary>Omit the <c># syntax=</c> line and use the builder's built-in frontend (air-gapped builders).</summary>
    public const string None = "none";

    /// <summary>The latest stable Dockerfile frontend.</summary>
    public const string Stable = "docker/dockerfile:1";

    /// <summary>The latest Dockerfile frontend with experimental (labs) features.</summary>
    public const string Labs = "docker/dockerfile:1-labs";
}

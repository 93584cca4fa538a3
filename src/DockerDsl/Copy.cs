using System;

namespace DockerDsl;

/// <summary>
/// <c>COPY</c> from the build context, another stage or an image. Files are owned by the stage's
/// non-root user (<c>--chown</c>) unless <see cref="Chown"/> or <see cref="ChownToUser"/> say otherwise.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class CopyAttribute : Attribute
{
    /// <summary>Copies <paramref name="source"/> to <paramref name="destination"/>.</summary>
    public CopyAttribute(string source, string destination)
        : this(new[] { source }, destination)
    {
    }

    /// <summary>Copies <paramref name="sources"/> into the directory <paramref name="destination"/> (written with a trailing <c>/</c>, as BuildKit requires).</summary>
    public CopyAttribute(string[] sources, string destination)
    {
        Sources = sources;
        Destination = destination;
    }

    /// <summary>Source paths or patterns.</summary>
    public string[] Sources { get; }

    /// <summary>Destination path.</summary>
    public string Destination { get; }

    /// <summary><c>--from</c>: a stage class (<c>typeof</c>) or an image reference string.</summary>
    public object? From { get; set; }

    /// <summary><c>--chown</c>, as <c>user</c>, <c>user:group</c> or numeric ids.</summary>
    public string? Chown { get; set; }

    /// <summary>When true (the default), files get <c>--chown</c> of the stage's non-root user.</summary>
    public bool ChownToUser { get; set; } = true;

    /// <summary><c>--chmod</c>, octal, for example <c>0755</c>.</summary>
    public string? Chmod { get; set; }

    /// <summary><c>--link</c>: copy into an independent layer.</summary>
    public bool Link { get; set; }

    /// <summary><c>--exclude</c> patterns.</summary>
    public string[]? Exclude { get; set; }

    /// <summary><c>--parents</c>: keep the parent directories of the sources.</summary>
    public bool Parents { get; set; }
}

/// <summary><c>COPY --from=&lt;stage&gt;</c>: copies build output of another stage.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class CopyFromAttribute : Attribute
{
    /// <summary>Copies <paramref name="source"/> from <paramref name="stage"/> to <paramref name="destination"/>.</summary>
    /// <param name="stage">A stage class (<c>typeof</c>) or an image reference string.</param>
    /// <param name="source">Path in that stage.</param>
    /// <param name="destination">Path in this stage.</param>
    public CopyFromAttribute(object stage, string source, string destination)
    {
        Stage = stage;
        Source = source;
        Destination = destination;
    }

    /// <summary>The stage or image copied from.</summary>
    public object Stage { get; }

    /// <summary>Path in that stage.</summary>
    public string Source { get; }

    /// <summary>Path in this stage.</summary>
    public string Destination { get; }

    /// <summary><c>--chown</c>, as <c>user</c>, <c>user:group</c> or numeric ids.</summary>
    public string? Chown { get; set; }

    /// <summary>When true (the default), files get <c>--chown</c> of the stage's non-root user.</summary>
    public bool ChownToUser { get; set; } = true;

    /// <summary><c>--chmod</c>: an octal mode (<c>0755</c>) or, with frontend 1.14 or later, a symbolic one (<c>u+x</c>).</summary>
    public string? Chmod { get; set; }

    /// <summary><c>--link</c>.</summary>
    public bool Link { get; set; }
}

/// <summary><c>COPY &lt;&lt;EOF &lt;destination&gt;</c>: writes inline content to a file.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class CopyHeredocAttribute : Attribute
{
    /// <summary>Writes <paramref name="content"/> to <paramref name="destination"/>.</summary>
    public CopyHeredocAttribute(string destination, string content)
    {
        Destination = destination;
        Content = content;
    }

    /// <summary>File path.</summary>
    public string Destination { get; }

    /// <summary>File content; build variables are not expanded in it unless <see cref="Marker"/> is unquoted.</summary>
    public string Content { get; }

    /// <summary>
    /// The heredoc's marker as written after <c>&lt;&lt;</c>: <c>'EOF'</c> or <c>"EOF"</c> (the content is taken as it
    /// is), <c>EOF</c> (BuildKit expands build variables in it), with <c>-</c> before it to remove the leading tabs of
    /// every line. When not set, <c>'EOF'</c> or another quoted name no line of the content equals.
    /// </summary>
    public string? Marker { get; set; }

    /// <summary><c>--link</c>: the file is its own layer, independent of the layers before it.</summary>
    public bool Link { get; set; }

    /// <summary><c>--chown</c>.</summary>
    public string? Chown { get; set; }

    /// <summary>When true (the default), the file gets <c>--chown</c> of the stage's non-root user.</summary>
    public bool ChownToUser { get; set; } = true;

    /// <summary><c>--chmod</c>: an octal mode (<c>0755</c>) or, with frontend 1.14 or later, a symbolic one (<c>u+x</c>).</summary>
    public string? Chmod { get; set; }
}

/// <summary>
/// <c>ADD</c>: like <see cref="CopyAttribute"/>, plus remote URLs, git repositories and archive extraction.
/// Prefer <see cref="CopyAttribute"/> for local files.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class AddAttribute : Attribute
{
    /// <summary>Adds <paramref name="source"/> at <paramref name="destination"/>.</summary>
    public AddAttribute(string source, string destination)
        : this(new[] { source }, destination)
    {
    }

    /// <summary>Adds <paramref name="sources"/> into the directory <paramref name="destination"/> (written with a trailing <c>/</c>, as BuildKit requires).</summary>
    public AddAttribute(string[] sources, string destination)
    {
        Sources = sources;
        Destination = destination;
    }

    /// <summary>Sources: paths, URLs or git repositories.</summary>
    public string[] Sources { get; }

    /// <summary>Destination path.</summary>
    public string Destination { get; }

    /// <summary><c>--checksum</c> of a remote source, <c>sha256:...</c>.</summary>
    public string? Checksum { get; set; }

    /// <summary><c>--keep-git-dir</c> for git sources.</summary>
    public bool KeepGitDir { get; set; }

    /// <summary>
    /// <c>--unpack</c>: whether to extract tar archives. When not set, BuildKit extracts local archives and leaves
    /// remote ones as downloaded; <c>true</c> extracts a downloaded archive too, <c>false</c> keeps a local one whole.
    /// </summary>
    public bool Unpack { get; set; }

    /// <summary><c>--chown</c>.</summary>
    public string? Chown { get; set; }

    /// <summary>When true (the default), files get <c>--chown</c> of the stage's non-root user.</summary>
    public bool ChownToUser { get; set; } = true;

    /// <summary><c>--chmod</c>: an octal mode (<c>0755</c>) or, with frontend 1.14 or later, a symbolic one (<c>u+x</c>).</summary>
    public string? Chmod { get; set; }

    /// <summary><c>--link</c>.</summary>
    public bool Link { get; set; }

    /// <summary><c>--exclude</c> patterns.</summary>
    public string[]? Exclude { get; set; }
}

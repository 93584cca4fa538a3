using System;
using System.ComponentModel;

namespace DockerDsl;

/// <summary>
/// Emitted by the DockerDsl generator: carries a build file (a Dockerfile, its <c>.dockerignore</c>,
/// the project's <c>docker-bake.hcl</c>) in the compiled assembly, where the DockerDsl MSBuild task
/// reads it (without loading the assembly) and writes the file.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true, Inherited = false)]
public sealed class GeneratedFileAttribute : Attribute
{
    /// <summary>Records the file <paramref name="text"/> for <paramref name="path"/>.</summary>
    public GeneratedFileAttribute(string path, string text)
    {
        Path = path;
        Text = text;
    }

    /// <summary>Output path relative to the project folder.</summary>
    public string Path { get; }

    /// <summary>The file's text.</summary>
    public string Text { get; }
}

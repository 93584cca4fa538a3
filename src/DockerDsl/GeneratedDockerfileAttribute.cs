using System;
using System.ComponentModel;

namespace DockerDsl;

/// <summary>
/// Emitted by the DockerDsl generator: carries a Dockerfile's path and text in the compiled
/// assembly, where the DockerDsl MSBuild task reads it (without loading the assembly) and writes the file.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true, Inherited = false)]
public sealed class GeneratedDockerfileAttribute : Attribute
{
    /// <summary>Records the Dockerfile <paramref name="text"/> for <paramref name="path"/>.</summary>
    public GeneratedDockerfileAttribute(string path, string text)
    {
        Path = path;
        Text = text;
    }

    /// <summary>Output path relative to the project folder.</summary>
    public string Path { get; }

    /// <summary>The Dockerfile text.</summary>
    public string Text { get; }
}

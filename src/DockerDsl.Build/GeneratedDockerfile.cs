namespace DockerDsl.Build;

/// <summary>One <c>[assembly: GeneratedFile(path, text)]</c> read from a compiled assembly.</summary>
internal sealed class GeneratedDockerfile
{
    public GeneratedDockerfile(string? path, string? text)
    {
        Path = path;
        Text = text;
    }

    /// <summary>The path as declared: relative, forward slashes (null if the attribute carried null).</summary>
    public string? Path { get; }

    /// <summary>The full Dockerfile text (null if the attribute carried null).</summary>
    public string? Text { get; }
}

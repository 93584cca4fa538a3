using System.Collections.Generic;

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

/// <summary>What the task reads from a compiled assembly: the generated files and the build-context checks.</summary>
internal sealed class GeneratedAssembly
{
    public List<GeneratedDockerfile> Files { get; } = new();

    public List<GeneratedBuildContext> Contexts { get; } = new();

    public List<GeneratedContextSource> Sources { get; } = new();
}

/// <summary>One <c>[assembly: GeneratedBuildContext(dockerfile, context, file, line)]</c>.</summary>
internal sealed class GeneratedBuildContext
{
    public GeneratedBuildContext(string dockerfilePath, string context, string file, int line)
    {
        DockerfilePath = dockerfilePath;
        Context = context;
        File = file;
        Line = line;
    }

    public string DockerfilePath { get; }

    /// <summary>Relative to the project folder, with '/'.</summary>
    public string Context { get; }

    /// <summary>The C# file of the [Dockerfile] attribute: relative to the project folder, or full.</summary>
    public string File { get; }

    public int Line { get; }
}

/// <summary>One <c>[assembly: GeneratedContextSource(dockerfile, keyword, source, file, line)]</c>.</summary>
internal sealed class GeneratedContextSource
{
    public GeneratedContextSource(string dockerfilePath, string keyword, string source, string file, int line)
    {
        DockerfilePath = dockerfilePath;
        Keyword = keyword;
        Source = source;
        File = file;
        Line = line;
    }

    public string DockerfilePath { get; }

    public string Keyword { get; }

    public string Source { get; }

    public string File { get; }

    public int Line { get; }
}

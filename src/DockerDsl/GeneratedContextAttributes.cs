using System;
using System.ComponentModel;

namespace DockerDsl;

/// <summary>
/// Emitted by the DockerDsl generator: the build context of a generated Dockerfile and the attribute that
/// declared it. The DockerDsl MSBuild task reads it (without loading the assembly) and warns when the
/// folder does not exist.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true, Inherited = false)]
public sealed class GeneratedBuildContextAttribute : Attribute
{
    /// <summary>Records the context <paramref name="context"/> of the Dockerfile at <paramref name="dockerfilePath"/>.</summary>
    public GeneratedBuildContextAttribute(string dockerfilePath, string context, string file, int line)
    {
        DockerfilePath = dockerfilePath;
        Context = context;
        File = file;
        Line = line;
    }

    /// <summary>The Dockerfile's declared path.</summary>
    public string DockerfilePath { get; }

    /// <summary>The build context, relative to the project folder, with '/'.</summary>
    public string Context { get; }

    /// <summary>The source file of the <c>[Dockerfile]</c> attribute: relative to the project folder when inside it, else full.</summary>
    public string File { get; }

    /// <summary>The attribute's line (1-based).</summary>
    public int Line { get; }
}

/// <summary>
/// Emitted by the DockerDsl generator: a COPY or ADD source that a generated Dockerfile reads from its build
/// context, and the attribute that declared it. The DockerDsl MSBuild task reads it and warns when the
/// context has nothing for it once the <c>.dockerignore</c> is applied.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true, Inherited = false)]
public sealed class GeneratedContextSourceAttribute : Attribute
{
    /// <summary>Records the source <paramref name="source"/> of a <paramref name="keyword"/> in the Dockerfile at <paramref name="dockerfilePath"/>.</summary>
    public GeneratedContextSourceAttribute(string dockerfilePath, string keyword, string source, string file, int line)
    {
        DockerfilePath = dockerfilePath;
        Keyword = keyword;
        Source = source;
        File = file;
        Line = line;
    }

    /// <summary>The Dockerfile's declared path.</summary>
    public string DockerfilePath { get; }

    /// <summary><c>COPY</c> or <c>ADD</c>.</summary>
    public string Keyword { get; }

    /// <summary>The source as the Dockerfile has it.</summary>
    public string Source { get; }

    /// <summary>The source file of the attribute that declared the instruction: relative to the project folder when inside it, else full.</summary>
    public string File { get; }

    /// <summary>The attribute's line (1-based).</summary>
    public int Line { get; }
}

namespace DockerDsl.Core.Import;

/// <summary>How <see cref="DockerfileImporter"/> writes the declaration of one Dockerfile.</summary>
public sealed class ImportOptions
{
    /// <summary>Imports as the class <paramref name="className"/>.</summary>
    public ImportOptions(string className) => ClassName = className;

    /// <summary>The name of the <c>[Dockerfile]</c> class: a C# identifier.</summary>
    public string ClassName { get; }

    /// <summary>The namespace of the class (a file-scoped namespace), or null for none.</summary>
    public string? Namespace { get; init; }

    /// <summary>The path the declaration writes the Dockerfile to, relative to the project folder, with '/'; null for the document's path.</summary>
    public string? DockerfilePath { get; init; }

    /// <summary>The text of the <c>.dockerignore</c> the build uses, whose patterns become the declaration's <c>Ignore</c>; null for none.</summary>
    public string? Dockerignore { get; init; }

    /// <summary>
    /// The Dockerfile's text, as read: with it, the comments BuildKit does not attach to an instruction are kept too,
    /// and a RUN keeps the line breaks it was written with. Without it, only the comments right before an instruction are kept.
    /// </summary>
    public string? Text { get; init; }

    /// <summary>The instructions BuildKit refuses, left out of the document, that are written back as <c>[Instruction]</c> where they stood.</summary>
    internal System.Collections.Generic.IReadOnlyList<RefusedInstruction> Refused { get; init; } = System.Array.Empty<RefusedInstruction>();
}

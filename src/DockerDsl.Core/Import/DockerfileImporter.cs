using System;
using DockerDsl.Core.Text;

namespace DockerDsl.Core.Import;

/// <summary>
/// The inverse of the generator: a Dockerfile read as BuildKit reads it becomes the C# declaration that the
/// generator turns back into a Dockerfile with the same meaning. Each instruction becomes one attribute, in
/// order: a typed one when its every value converts to a C# value the C# front end writes back as an
/// equivalent word (checked with BuildKit's word processing), else <c>[Instruction("...")]</c> with the reason.
/// </summary>
public static class DockerfileImporter
{
    /// <summary>Imports <paramref name="document"/>.</summary>
    /// <exception cref="ArgumentException">The class name or namespace is not a C# name.</exception>
    public static ImportResult Import(DockerfileDocument document, ImportOptions options)
    {
        if (document is null)
        {
            throw new ArgumentNullException(nameof(document));
        }

        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        if (!CSharpCode.IsIdentifier(options.ClassName))
        {
            throw new ArgumentException($"'{options.ClassName}' is not a C# class name.", nameof(options));
        }

        if (options.Namespace is not null && !CSharpCode.IsNamespace(options.Namespace))
        {
            throw new ArgumentException($"'{options.Namespace}' is not a C# namespace.", nameof(options));
        }

        return new ImportSession(document, options).Run();
    }

    /// <summary>Reads <paramref name="text"/> as BuildKit does, then imports it (with the text, for its comments and layout).</summary>
    /// <exception cref="Text.Syntax.DockerfileParseException">BuildKit's parser refuses the text.</exception>
    /// <exception cref="DockerfileReadException">BuildKit refuses an instruction.</exception>
    public static ImportResult Import(string path, string text, ImportOptions options)
    {
        var document = DockerfileReader.Read(path, text);
        return Import(document, options.Text is null ? WithText(options, text) : options);
    }

    /// <summary>
    /// The class name for a Dockerfile at <paramref name="path"/>: <c>api/Dockerfile</c> is <c>ApiDockerfile</c>,
    /// <c>web.Dockerfile</c> and <c>Dockerfile.web</c> are <c>WebDockerfile</c>, a <c>Dockerfile</c> without a folder is <c>Dockerfile</c>.
    /// </summary>
    public static string ClassNameFor(string path)
    {
        var normalized = (path ?? throw new ArgumentNullException(nameof(path))).Replace('\\', '/').TrimEnd('/');
        var slash = normalized.LastIndexOf('/');
        var file = slash < 0 ? normalized : normalized.Substring(slash + 1);
        var folder = slash < 0 ? string.Empty : normalized.Substring(0, slash);
        folder = folder.Substring(folder.LastIndexOf('/') + 1);
        const string Dockerfile = "Dockerfile";
        string words;
        if (string.Equals(file, Dockerfile, StringComparison.OrdinalIgnoreCase))
        {
            words = folder is "." or ".." ? string.Empty : folder;
        }
        else if (file.StartsWith(Dockerfile + ".", StringComparison.OrdinalIgnoreCase))
        {
            words = file.Substring(Dockerfile.Length + 1);
        }
        else if (file.EndsWith("." + Dockerfile, StringComparison.OrdinalIgnoreCase))
        {
            words = file.Substring(0, file.Length - Dockerfile.Length - 1);
        }
        else
        {
            words = file;
        }

        var name = CSharpCode.PascalCase(words).TrimStart('_') + Dockerfile;
        return char.IsLetter(name[0]) ? name : Dockerfile;
    }

    private static ImportOptions WithText(ImportOptions options, string text) => new(options.ClassName)
    {
        Namespace = options.Namespace,
        DockerfilePath = options.DockerfilePath,
        Dockerignore = options.Dockerignore,
        Text = text,
        Refused = options.Refused,
    };
}

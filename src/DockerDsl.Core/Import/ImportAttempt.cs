using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using DockerDsl.Core.Text;
using DockerDsl.Core.Text.Syntax;

namespace DockerDsl.Core.Import;

/// <summary>Why BuildKit refuses a Dockerfile, at a line (0 when the whole file is at fault).</summary>
public sealed record ImportError(int Line, string Message);

/// <summary>
/// A best-effort import: the declaration of every instruction BuildKit reads, with each instruction BuildKit refuses
/// kept as <c>[Instruction]</c> where it stood, and the errors; no declaration when the parser refuses the text.
/// </summary>
public sealed class ImportAttempt
{
    internal ImportAttempt(ImportResult? result, IReadOnlyList<ImportError> errors)
    {
        Result = result;
        Errors = errors;
    }

    /// <summary>The declaration; null when nothing could be imported.</summary>
    public ImportResult? Result { get; }

    /// <summary>Why BuildKit refuses the file, instruction by instruction in file order; empty for a file it reads.</summary>
    public IReadOnlyList<ImportError> Errors { get; }

    /// <summary>
    /// Imports <paramref name="text"/> as far as BuildKit reads it. An instruction BuildKit's instruction parser refuses
    /// (an unknown flag, a missing argument) is left out of the reading, reported, and written back as it was in
    /// <c>[Instruction]</c>, so the declaration still says everything the file says; a refused FROM, or text the
    /// parser refuses, leaves no declaration.
    /// </summary>
    public static ImportAttempt Run(string path, string text, ImportOptions options)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        DockerfileParseResult syntax;
        try
        {
            syntax = DockerfileParser.Parse(text);
        }
        catch (DockerfileParseException e)
        {
            return new ImportAttempt(null, new[] { new ImportError(e.StartLine, e.Reason) });
        }

        var errors = new List<ImportError>();
        var refused = new List<RefusedInstruction>();
        var lines = text.Split('\n');
        var nodes = syntax.Root.Children;
        for (var attempt = 0; attempt <= nodes.Count; attempt++)
        {
            var current = string.Join("\n", lines);
            DockerfileDocument document;
            DockerfileReadException? error;
            try
            {
                document = DockerfileReader.ReadUntilError(path, current, out error);
            }
            catch (DockerfileParseException e)
            {
                errors.Add(new ImportError(e.StartLine, e.Reason));
                return new ImportAttempt(null, errors);
            }

            if (error is null)
            {
                var import = DockerfileImporter.Import(document, WithRefused(options, current, refused));
                return new ImportAttempt(import, errors);
            }

            errors.Add(new ImportError(error.Line, error.Reason));
            var node = nodes.FirstOrDefault(n => n.StartLine <= error.Line && error.Line <= n.EndLine);
            if (node is null || node.Value == "from" || error.Line == 0)
            {
                return new ImportAttempt(null, errors);
            }

            refused.Add(new RefusedInstruction(node, error.Reason));

            // Blank lines keep every other instruction at its line, for the comments and the report.
            for (var line = node.StartLine; line <= node.EndLine && line <= lines.Length; line++)
            {
                lines[line - 1] = lines[line - 1].EndsWith("\r", StringComparison.Ordinal) ? "\r" : string.Empty;
            }
        }

        return new ImportAttempt(null, errors);
    }

    private static ImportOptions WithRefused(ImportOptions options, string text, List<RefusedInstruction> refused) => new(options.ClassName)
    {
        Namespace = options.Namespace,
        DockerfilePath = options.DockerfilePath,
        Dockerignore = options.Dockerignore,
        Text = text,
        Refused = refused,
    };
}

/// <summary>An instruction BuildKit's instruction parser refuses, as the parser read it, and why.</summary>
internal sealed record RefusedInstruction(DockerfileNode Node, string Reason);

using System.Collections.Generic;
using DockerDsl.Core.Model;
using DockerDsl.Core.Text.Syntax;

namespace DockerDsl.Core.Text;

/// <summary>
/// One Dockerfile read as BuildKit reads it: its syntax tree (what the text says, for the rules on
/// syntax) and its model (what it builds, for every other rule, the emitters and import).
/// </summary>
public sealed class DockerfileDocument
{
    internal DockerfileDocument(string path, DockerfileParseResult syntax, DockerfileModel model, IReadOnlyList<DockerfileNode> instructions)
    {
        Path = path;
        Syntax = syntax;
        Model = model;
        Instructions = instructions;
    }

    /// <summary>The file's path as findings name it; every <see cref="SourceRef.Origin"/> of the model is this.</summary>
    public string Path { get; }

    public DockerfileParseResult Syntax { get; }

    public DockerfileModel Model { get; }

    /// <summary>The instruction nodes in file order (the root's children).</summary>
    public IReadOnlyList<DockerfileNode> Instructions { get; }

    /// <summary>Where <paramref name="node"/> is in the file, as the model's sources name instructions.</summary>
    public SourceRef SourceOf(DockerfileNode node) => SourceOf(Path, node);

    internal static SourceRef SourceOf(string path, DockerfileNode node) =>
        SourceRef.InFile(path, node.StartLine, System.Math.Max(1, node.StartColumn), System.Math.Max(node.StartLine, node.EndLine));

    /// <summary>The same document with another model, such as the stages one target needs.</summary>
    internal DockerfileDocument With(DockerfileModel model) => new(Path, Syntax, model, Instructions);

    /// <summary>The instruction whose lines include <paramref name="line"/>; null between instructions.</summary>
    public DockerfileNode? InstructionAt(int line)
    {
        int low = 0, high = Instructions.Count - 1;
        while (low <= high)
        {
            var middle = (low + high) / 2;
            var node = Instructions[middle];
            if (line < node.StartLine)
            {
                high = middle - 1;
            }
            else if (line > node.EndLine)
            {
                low = middle + 1;
            }
            else
            {
                return node;
            }
        }

        return null;
    }
}

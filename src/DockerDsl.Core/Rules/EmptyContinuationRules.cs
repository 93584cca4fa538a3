using System.Collections.Generic;
using DockerDsl.Core.Model;
using DockerDsl.Core.Text;

namespace DockerDsl.Core.Rules;

/// <summary>Rules on line continuations (BuildKit's NoEmptyContinuation).</summary>
public static class EmptyContinuationRules
{
    /// <summary>
    /// DDSL033: an instruction continued over an empty line, found where BuildKit reports it: the
    /// instruction's last line (parser.go collects the warning there). No arguments.
    /// </summary>
    public static IEnumerable<Finding> NoEmptyContinuation(DockerfileDocument document)
    {
        foreach (var warning in document.Syntax.Warnings)
        {
            var column = document.InstructionAt(warning.Line) is { } node && node.StartLine == warning.Line ? System.Math.Max(1, node.StartColumn) : 1;
            yield return Finding.At(SourceRef.InFile(document.Path, warning.Line, column, warning.Line));
        }
    }
}

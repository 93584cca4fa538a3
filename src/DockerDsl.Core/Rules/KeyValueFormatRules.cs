using System.Collections.Generic;
using DockerDsl.Core.Model;
using DockerDsl.Core.Text;

namespace DockerDsl.Core.Rules;

/// <summary>Rules on how ENV and LABEL write their pairs (BuildKit's LegacyKeyValueFormat).</summary>
public static class KeyValueFormatRules
{
    /// <summary>
    /// DDSL037: <c>ENV key value</c> or <c>LABEL key value</c>, the form without <c>=</c> (the parser
    /// leaves an empty delimiter for it). Arguments: keyword as written, key.
    /// </summary>
    public static IEnumerable<Finding> LegacyKeyValueFormat(DockerfileDocument document)
    {
        foreach (var instruction in InstructionRules.All(document.Model))
        {
            if (instruction is not (EnvInstruction or LabelInstruction) || document.InstructionAt(instruction.Source.Line) is not { } node)
            {
                continue;
            }

            for (var i = 0; i + 2 < node.Next.Count; i += 3)
            {
                if (node.Next[i + 2].Length == 0)
                {
                    yield return Finding.At(instruction.Source, node.Keyword, node.Next[i]);
                }
            }
        }
    }
}

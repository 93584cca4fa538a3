using System.Collections.Generic;
using System.Linq;
using DockerDsl.Core.Text;

namespace DockerDsl.Core.Rules;

/// <summary>Rules on the comments that describe stages and build arguments (BuildKit's InvalidDefinitionDescription).</summary>
public static class DescriptionCommentRules
{
    /// <summary>
    /// DDSL041: a comment right before <c>FROM ... AS name</c> or an ARG whose last line does not start
    /// with the name (a stage's in lower case, as BuildKit keeps it), so it is not read as the
    /// description (instructions/parse.go, validateDefinitionDescription). Arguments: FROM or ARG, the
    /// name, or <c>&lt;arg_key&gt;</c> for an ARG of several arguments.
    /// </summary>
    public static IEnumerable<Finding> InvalidDefinitionDescription(DockerfileDocument document)
    {
        foreach (var node in document.Instructions)
        {
            if (node.PrevComment.Count == 0)
            {
                continue;
            }

            var (keyword, names) = node.Value switch
            {
                "from" when node.Next.Count == 3 && node.Next[1].ToLowerInvariant() == "as" => ("FROM", new[] { node.Next[2].ToLowerInvariant() }),
                "arg" => ("ARG", node.Next.Select(a => a.Split('=')[0]).ToArray()),
                _ => (string.Empty, new string[0]),
            };
            if (names.Length == 0)
            {
                continue;
            }

            var first = node.PrevComment[node.PrevComment.Count - 1].Text.Split(' ')[0];
            if (!names.Contains(first))
            {
                yield return Finding.At(document.SourceOf(node), keyword, names.Length > 1 ? "<arg_key>" : names[0]);
            }
        }
    }
}

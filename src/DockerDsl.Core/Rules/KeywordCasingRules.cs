using System.Collections.Generic;
using System.Linq;
using DockerDsl.Core.Text;
using DockerDsl.Core.Text.Syntax;

namespace DockerDsl.Core.Rules;

/// <summary>Rules on how instruction keywords are written (BuildKit's ConsistentInstructionCasing and FromAsCasing).</summary>
public static class KeywordCasingRules
{
    /// <summary>
    /// DDSL031: a keyword not in the casing most keywords of the file use. Keywords all in lower or all in
    /// upper case are counted (upper wins a tie), those of the global ARGs before the first FROM neither
    /// counted nor checked (dockerfile2llb/validations.go, validateCommandCasing). Arguments: keyword as
    /// written, keyword in the file's casing.
    /// </summary>
    public static IEnumerable<Finding> ConsistentInstructionCasing(DockerfileDocument document)
    {
        var nodes = document.Instructions.SkipWhile(n => n.Value != "from").ToList();
        var lower = nodes.Count(n => n.Keyword.Length > 0 && n.Keyword == n.Keyword.ToLowerInvariant());
        var upper = nodes.Count(n => n.Keyword.Length > 0 && n.Keyword != n.Keyword.ToLowerInvariant() && n.Keyword == n.Keyword.ToUpperInvariant());
        var majorityLower = lower > upper;
        foreach (var node in nodes)
        {
            var expected = majorityLower ? node.Keyword.ToLowerInvariant() : node.Keyword.ToUpperInvariant();
            if (node.Keyword != expected)
            {
                yield return Finding.At(document.SourceOf(node), node.Keyword, expected);
            }
        }
    }

    /// <summary>
    /// DDSL032: <c>FROM ... AS name</c> whose AS is not in the case of a FROM written all in lower or all
    /// in upper case (instructions/parse.go, doesFromCaseMatchAsCase). Arguments: FROM as written, AS as written.
    /// </summary>
    public static IEnumerable<Finding> FromAsCasing(DockerfileDocument document)
    {
        foreach (var node in document.Instructions.Where(n => n.Value == "from" && n.Next.Count >= 3))
        {
            var from = node.Keyword;
            var isLower = from == from.ToLowerInvariant();
            if (!isLower && from != from.ToUpperInvariant())
            {
                continue;
            }

            var @as = node.Next[1];
            if (@as != (isLower ? @as.ToLowerInvariant() : @as.ToUpperInvariant()))
            {
                yield return Finding.At(document.SourceOf(node), from, @as);
            }
        }
    }
}

using System.Collections.Generic;

namespace DockerDsl.Core.Text.Syntax;

/// <summary>
/// BuildKit's newNodeFromLine: splits one joined instruction line and runs its line parser. ONBUILD
/// parses its rest as a nested instruction (parseSubCommand); the chain is built in a loop over ranges
/// of the line, so <c>ONBUILD ONBUILD ...</c> costs neither stack nor copies.
/// </summary>
internal static class NodeBuilder
{
    /// <summary>The instruction node of <paramref name="line"/>, starting at <paramref name="column"/>; throws <see cref="LineParseException"/>.</summary>
    public static DockerfileNode Build(string line, char escapeToken, int column)
    {
        var levels = new List<(Split Split, string Source, int Start, int End)>();
        var source = line;
        var start = 0;
        var end = line.Length;
        Split split;
        while (true)
        {
            split = CommandSplitter.Split(source, start, end, escapeToken);
            levels.Add((split, source, start, end));
            if (ParserText.ToLower(split.Keyword) != "onbuild" || split.ArgumentsStart == split.ArgumentsEnd)
            {
                break;
            }

            source = split.Source;
            start = split.ArgumentsStart;
            end = split.ArgumentsEnd;
        }

        var lowered = ParserText.ToLower(split.Keyword);
        List<string>? next = null;
        var isJson = false;
        if (lowered != "onbuild")
        {
            next = LineParsers.Parse(lowered, split.Arguments, escapeToken, out isJson);
        }

        var firstKeyword = levels[0].Split.KeywordStart;
        DockerfileNode? node = null;
        for (var i = levels.Count - 1; i >= 0; i--)
        {
            var level = levels[i];
            var children = node == null ? null : new[] { node };
            node = new DockerfileNode(level.Split.Keyword, i == levels.Count - 1 ? next : null, children, i == levels.Count - 1 && isJson, level.Source, level.Start, level.End - level.Start, level.Split.Flags)
            {
                StartColumn = column + (ReferenceEquals(level.Source, line) ? level.Split.KeywordStart - firstKeyword : 0),
            };
        }

        return node!;
    }
}

using System.Collections.Generic;

namespace DockerDsl.Core.Text.Syntax;

/// <summary>
/// BuildKit's newNodeFromLine: splits one joined instruction line and runs its line parser. ONBUILD
/// parses its rest as a nested instruction (parseSubCommand); the chain is built in a loop so that
/// <c>ONBUILD ONBUILD ...</c> cannot exhaust the stack.
/// </summary>
internal static class NodeBuilder
{
    /// <summary>The instruction node of <paramref name="line"/>; throws <see cref="LineParseException"/>.</summary>
    public static DockerfileNode Build(string line, char escapeToken, int column)
    {
        var levels = new List<(string Keyword, List<string> Flags, string Original, int Column)>();
        var current = line;
        var currentColumn = column;
        string rest;
        while (true)
        {
            CommandSplitter.Split(current, escapeToken, out var keyword, out var flags, out rest);
            levels.Add((keyword, flags, current, currentColumn));
            if (GoText.ToLower(keyword) != "onbuild" || rest.Length == 0)
            {
                break;
            }

            // The nested instruction starts where the trimmed rest does (rest is a suffix of the trimmed line).
            var trimmed = GoText.TrimSpace(current);
            currentColumn += (current.Length - GoText.TrimLeftSpace(current).Length) + System.Math.Max(0, trimmed.Length - rest.Length);
            current = rest;
        }

        var innermost = levels[levels.Count - 1];
        var lowered = GoText.ToLower(innermost.Keyword);
        List<string>? next = null;
        var isJson = false;
        if (lowered != "onbuild")
        {
            next = LineParsers.Parse(lowered, rest, escapeToken, out isJson);
        }

        var node = new DockerfileNode(innermost.Keyword, next, null, isJson, innermost.Original, innermost.Flags)
        {
            StartColumn = innermost.Column,
        };
        for (var i = levels.Count - 2; i >= 0; i--)
        {
            var level = levels[i];
            node = new DockerfileNode(level.Keyword, null, new[] { node }, false, level.Original, level.Flags)
            {
                StartColumn = level.Column,
            };
        }

        return node;
    }
}

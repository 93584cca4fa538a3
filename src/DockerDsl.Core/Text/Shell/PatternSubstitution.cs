using System.Text;

namespace DockerDsl.Core.Text.Shell;

/// <summary>
/// What <c>${VAR#pattern}</c>, <c>${VAR%pattern}</c> (one character doubled: the longest match) and
/// <c>${VAR/pattern/string}</c> (<c>//</c>: every match) do to a value, as trimPrefix, trimSuffix and the
/// '/' case of processDollar in BuildKit's lex.go do.
/// </summary>
internal static class PatternSubstitution
{
    /// <summary>Removes the match of <paramref name="pattern"/> at the start of <paramref name="value"/>, if any.</summary>
    public static string TrimPrefix(string pattern, string value, bool greedy)
    {
        var compiled = Compile(pattern, greedy);
        var runes = GoText.ToCodePoints(value);
        return compiled.Find(runes, 0, anchored: true, out _, out var end) ? GoText.FromCodePoints(runes, end, runes.Length) : value;
    }

    /// <summary>
    /// Removes the match at the end: BuildKit reverses pattern and value and trims the prefix, because a
    /// regular expression cannot find the shortest rightmost match (so its error names the reversed pattern).
    /// </summary>
    public static string TrimSuffix(string pattern, string value, bool greedy)
    {
        var compiled = Compile(ReversePattern(pattern), greedy);
        var runes = GoText.ToCodePoints(value);
        System.Array.Reverse(runes);
        if (!compiled.Find(runes, 0, anchored: true, out _, out var end))
        {
            return value;
        }

        System.Array.Reverse(runes);
        return GoText.FromCodePoints(runes, 0, runes.Length - end);
    }

    /// <summary>
    /// Replaces the first match, or with <paramref name="all"/> every match as Go's Regexp.ReplaceAllString does:
    /// empty matches count, one right after a match does not, and <c>$</c> in the replacement is Go's template syntax.
    /// </summary>
    public static string Replace(string pattern, string value, string replacement, bool all)
    {
        var compiled = Compile(pattern, greedy: true);
        var runes = GoText.ToCodePoints(value);
        if (!all)
        {
            if (!compiled.Find(runes, 0, anchored: false, out var start, out var end))
            {
                return value;
            }

            CheckLength((long)runes.Length + replacement.Length);
            return GoText.FromCodePoints(runes, 0, start) + replacement + GoText.FromCodePoints(runes, end, runes.Length);
        }

        var result = new StringBuilder();
        var lastMatchEnd = 0;
        var searchFrom = 0;
        while (searchFrom <= runes.Length && compiled.Find(runes, searchFrom, anchored: false, out var start, out var end))
        {
            for (var i = lastMatchEnd; i < start; i++)
            {
                GoText.AppendCodePoint(result, runes[i]);
            }

            // No replacement for an empty match right after another match (Go's replaceAll).
            if (end > lastMatchEnd || start == 0)
            {
                GoTemplate.Expand(result, replacement, GoText.FromCodePoints(runes, start, end));
            }

            CheckLength(result.Length);
            lastMatchEnd = end;
            searchFrom = searchFrom + 1 > end ? searchFrom + 1 : end;
        }

        for (var i = lastMatchEnd; i < runes.Length; i++)
        {
            GoText.AppendCodePoint(result, runes[i]);
        }

        CheckLength(result.Length);
        return result.ToString();
    }

    /// <summary>Reverses a pattern, keeping each backslash before the character it escapes (a\*c becomes c\*a).</summary>
    public static string ReversePattern(string pattern)
    {
        var runes = GoText.ToCodePoints(pattern);
        var reversed = new int[runes.Length];
        var last = runes.Length - 1;
        for (var i = 0; i <= last;)
        {
            var target = last - i;
            if (runes[i] == '\\' && i != last)
            {
                reversed[target - 1] = '\\';
                reversed[target] = runes[i + 1];
                i += 2;
            }
            else
            {
                reversed[target] = runes[i];
                i++;
            }
        }

        return GoText.FromCodePoints(reversed, 0, reversed.Length);
    }

    private static ShellPattern Compile(string pattern, bool greedy) =>
        ShellPattern.Compile(pattern, greedy, out var error)
        ?? throw new LexFailure(ShellLexErrorKind.InvalidPattern, "invalid pattern (" + pattern + ") in substitution: " + error);

    private static void CheckLength(long length)
    {
        if (length > ShellLexer.MaxResultLength)
        {
            throw LexFailure.TooLong();
        }
    }
}

using System.Collections.Generic;

namespace DockerDsl.Core.Text.Syntax;

/// <summary>
/// What BuildKit's parser does with Go's text functions and its own patterns (parser.go, line_parsers.go):
/// its <c>reWhitespace</c>, its trimNewline, and strings.ToLower of an instruction keyword. The Go semantics
/// it shares with the shell lexer are in <see cref="GoText"/>.
/// </summary>
internal static class ParserText
{
    /// <summary>The characters of BuildKit's reWhitespace, <c>[\t\v\f\r ]</c>.</summary>
    public static bool IsAsciiBlank(char c) => c == ' ' || c == '\t' || c == '\v' || c == '\f' || c == '\r';

    /// <summary>BuildKit's trimNewline: removes trailing <c>\r</c> and <c>\n</c>, as bytes.TrimRight(src, "\r\n").</summary>
    public static string TrimNewline(string line)
    {
        var end = line.Length;
        while (end > 0 && (line[end - 1] == '\n' || line[end - 1] == '\r'))
        {
            end--;
        }

        return end == line.Length ? line : line.Substring(0, end);
    }

    /// <summary>Go's regexp.Split with reWhitespace, <c>[\t\v\f\r ]+</c>; <paramref name="limit"/> -1 splits everywhere.</summary>
    public static List<string> SplitBlank(string text, int limit)
    {
        var parts = new List<string>();
        if (text.Length == 0)
        {
            parts.Add(string.Empty);
            return parts;
        }

        var begin = 0;
        var end = 0;
        var i = 0;
        while (i < text.Length)
        {
            if (limit > 0 && parts.Count == limit - 1)
            {
                break;
            }

            if (!IsAsciiBlank(text[i]))
            {
                i++;
                continue;
            }

            var matchEnd = i;
            while (matchEnd < text.Length && IsAsciiBlank(text[matchEnd]))
            {
                matchEnd++;
            }

            end = i;
            if (matchEnd != 0)
            {
                parts.Add(text.Substring(begin, end - begin));
            }

            begin = matchEnd;
            i = matchEnd;
        }

        if (end != text.Length)
        {
            parts.Add(text.Substring(begin));
        }

        return parts;
    }

    /// <summary>Go's strings.ToLower, rune by rune with simple case mapping, as BuildKit lowers a keyword.</summary>
    public static string ToLower(string text)
    {
        // The instruction keywords are the common case: return the shared literal, no new string.
        if (text.Length <= 11)
        {
            foreach (var keyword in InstructionKeywords)
            {
                if (keyword.Length == text.Length && IsAsciiCaseInsensitiveEqual(text, keyword))
                {
                    return keyword;
                }
            }
        }

        return text.ToLowerInvariant();
    }

    private static readonly string[] InstructionKeywords =
    {
        "run", "copy", "from", "env", "arg", "label", "add", "cmd", "entrypoint", "workdir", "user", "expose",
        "volume", "onbuild", "healthcheck", "shell", "stopsignal", "maintainer",
    };

    private static bool IsAsciiCaseInsensitiveEqual(string text, string lower)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c >= 'A' && c <= 'Z')
            {
                c = (char)(c + 32);
            }

            if (c != lower[i])
            {
                return false;
            }
        }

        return true;
    }
}

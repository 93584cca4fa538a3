using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace DockerDsl.Core.Text.Syntax;

/// <summary>
/// The few Go string functions BuildKit's parser leans on (unicode.IsSpace, strings.TrimSpace, the
/// <c>[\t\v\f\r ]+</c> split, strconv.Quote), written against .NET strings so results match Go's.
/// </summary>
internal static class GoText
{
    /// <summary>The rune at <paramref name="index"/> and how many chars it takes; a lone surrogate reads as U+FFFD, as Go reads bad UTF-8.</summary>
    public static int RuneAt(string text, int index, out int width)
    {
        var c = text[index];
        if (char.IsHighSurrogate(c) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]))
        {
            width = 2;
            return char.ConvertToUtf32(c, text[index + 1]);
        }

        width = 1;
        return char.IsSurrogate(c) ? 0xFFFD : c;
    }

    /// <summary>Go's unicode.IsSpace: ASCII white space, NEL, NBSP and the Unicode White_Space characters.</summary>
    public static bool IsSpace(int rune)
    {
        if (rune <= 0xFF)
        {
            return rune == ' ' || (rune >= '\t' && rune <= '\r') || rune == 0x85 || rune == 0xA0;
        }

        return rune == 0x1680 || (rune >= 0x2000 && rune <= 0x200A) || rune == 0x2028 || rune == 0x2029
            || rune == 0x202F || rune == 0x205F || rune == 0x3000;
    }

    /// <summary>The characters of BuildKit's reWhitespace, <c>[\t\v\f\r ]</c>.</summary>
    public static bool IsAsciiBlank(char c) => c == ' ' || c == '\t' || c == '\v' || c == '\f' || c == '\r';

    /// <summary>Go's <c>\s</c> in regular expressions: <c>[\t\n\f\r ]</c> (no vertical tab).</summary>
    public static bool IsRegexSpace(char c) => c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';

    public static int SkipSpace(string text, int start)
    {
        var i = start;
        while (i < text.Length)
        {
            var rune = RuneAt(text, i, out var width);
            if (!IsSpace(rune))
            {
                break;
            }

            i += width;
        }

        return i;
    }

    public static string TrimLeftSpace(string text)
    {
        var start = SkipSpace(text, 0);
        return start == 0 ? text : text.Substring(start);
    }

    public static string TrimSpace(string text)
    {
        var start = SkipSpace(text, 0);
        var end = text.Length;
        while (end > start)
        {
            var c = text[end - 1];
            int rune;
            int width;
            if (char.IsLowSurrogate(c) && end - 2 >= start && char.IsHighSurrogate(text[end - 2]))
            {
                rune = char.ConvertToUtf32(text[end - 2], c);
                width = 2;
            }
            else
            {
                rune = c;
                width = 1;
            }

            if (!IsSpace(rune))
            {
                break;
            }

            end -= width;
        }

        return start == 0 && end == text.Length ? text : text.Substring(start, end - start);
    }

    /// <summary>Removes trailing <c>\r</c> and <c>\n</c>, as bytes.TrimRight(src, "\r\n").</summary>
    public static string TrimNewline(string line)
    {
        var end = line.Length;
        while (end > 0 && (line[end - 1] == '\n' || line[end - 1] == '\r'))
        {
            end--;
        }

        return end == line.Length ? line : line.Substring(0, end);
    }

    /// <summary>Go's regexp.Split with <c>[\t\v\f\r ]+</c>; <paramref name="limit"/> -1 splits everywhere.</summary>
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

    /// <summary>Go's strings.ToLower, rune by rune with simple case mapping.</summary>
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

    /// <summary>How many bytes <paramref name="text"/> takes in UTF-8.</summary>
    public static int Utf8Length(string text, int start, int length)
    {
        var count = 0;
        for (var i = start; i < start + length; i++)
        {
            var c = text[i];
            if (c < 0x80)
            {
                count++;
            }
            else if (c < 0x800)
            {
                count += 2;
            }
            else if (char.IsHighSurrogate(c) && i + 1 < start + length && char.IsLowSurrogate(text[i + 1]))
            {
                count += 4;
                i++;
            }
            else
            {
                count += 3;
            }
        }

        return count;
    }

    /// <summary>Go's strconv.Quote: a double-quoted literal with Go escapes for what is not printable.</summary>
    public static string Quote(string value)
    {
        var builder = new StringBuilder(value.Length + 2);
        AppendQuoted(builder, value);
        return builder.ToString();
    }

    public static void AppendQuoted(StringBuilder builder, string value)
    {
        builder.Append('"');
        for (var i = 0; i < value.Length;)
        {
            var rune = RuneAt(value, i, out var width);
            if (rune == '"' || rune == '\\')
            {
                builder.Append('\\').Append((char)rune);
            }
            else if (IsPrint(value, i, rune))
            {
                if (width == 1 && rune == 0xFFFD && value[i] != '\uFFFD')
                {
                    builder.Append('\uFFFD');
                }
                else
                {
                    builder.Append(value, i, width);
                }
            }
            else
            {
                AppendEscaped(builder, rune);
            }

            i += width;
        }

        builder.Append('"');
    }

    private static void AppendEscaped(StringBuilder builder, int rune)
    {
        switch (rune)
        {
            case 7:
                builder.Append("\\a");
                return;
            case '\b':
                builder.Append("\\b");
                return;
            case '\f':
                builder.Append("\\f");
                return;
            case '\n':
                builder.Append("\\n");
                return;
            case '\r':
                builder.Append("\\r");
                return;
            case '\t':
                builder.Append("\\t");
                return;
            case '\v':
                builder.Append("\\v");
                return;
        }

        if (rune < ' ' || rune == 0x7F)
        {
            builder.Append("\\x").Append(rune.ToString("x2", CultureInfo.InvariantCulture));
        }
        else if (rune < 0x10000)
        {
            builder.Append("\\u").Append(rune.ToString("x4", CultureInfo.InvariantCulture));
        }
        else
        {
            builder.Append("\\U").Append(rune.ToString("x8", CultureInfo.InvariantCulture));
        }
    }

    // Go's unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space.
    private static bool IsPrint(string text, int index, int rune)
    {
        if (rune < 0x80)
        {
            return rune >= 0x20 && rune < 0x7F;
        }

        if (rune == 0xFFFD)
        {
            return true;
        }

        switch (CharUnicodeInfo.GetUnicodeCategory(text, index))
        {
            case UnicodeCategory.Control:
            case UnicodeCategory.Format:
            case UnicodeCategory.Surrogate:
            case UnicodeCategory.PrivateUse:
            case UnicodeCategory.OtherNotAssigned:
            case UnicodeCategory.SpaceSeparator:
            case UnicodeCategory.LineSeparator:
            case UnicodeCategory.ParagraphSeparator:
                return false;
            default:
                return true;
        }
    }

    /// <summary>Go's unicode.IsDigit (decimal digits of any script).</summary>
    public static bool IsDigit(string text, int index, int rune) =>
        rune < 0x80 ? rune >= '0' && rune <= '9' : CharUnicodeInfo.GetUnicodeCategory(text, index) == UnicodeCategory.DecimalDigitNumber;

    /// <summary>Go's unicode.IsLetter.</summary>
    public static bool IsLetter(string text, int index, int rune)
    {
        if (rune < 0x80)
        {
            return (rune >= 'a' && rune <= 'z') || (rune >= 'A' && rune <= 'Z');
        }

        switch (CharUnicodeInfo.GetUnicodeCategory(text, index))
        {
            case UnicodeCategory.UppercaseLetter:
            case UnicodeCategory.LowercaseLetter:
            case UnicodeCategory.TitlecaseLetter:
            case UnicodeCategory.ModifierLetter:
            case UnicodeCategory.OtherLetter:
                return true;
            default:
                return false;
        }
    }
}

using System.Collections.Generic;
using System.Text;

namespace DockerDsl.Core.Text.Syntax;

/// <summary>
/// BuildKit's splitCommand and extractBuilderFlags (frontend/dockerfile/parser/split_command.go): the
/// keyword, the leading <c>--flag</c> words, and the rest of the line.
/// </summary>
internal static class CommandSplitter
{
    private static readonly UTF8Encoding Utf8 = new(false, false);

    /// <summary>Splits <paramref name="line"/>; <paramref name="arguments"/> is trimmed, as BuildKit passes it to the line parsers.</summary>
    public static void Split(string line, char escapeToken, out string keyword, out List<string> flags, out string arguments)
    {
        var parts = GoText.SplitBlank(GoText.TrimSpace(line), 2);
        keyword = parts[0];
        flags = new List<string>();
        var rest = string.Empty;
        if (parts.Count == 2)
        {
            rest = ExtractFlags(parts[1], escapeToken, flags);
        }

        arguments = GoText.TrimSpace(rest);
    }

    // BuildKit walks this part byte by byte and writes each byte as a rune, so a non-ASCII flag is read as
    // Latin-1 and a UTF-8 byte 0x85 or 0xA0 counts as white space; reproduced on the UTF-8 bytes.
    private static string ExtractFlags(string line, char escapeToken, List<string> words)
    {
        var bytes = Utf8.GetBytes(line);
        const int inSpaces = 0;
        const int inWord = 1;
        const int inQuote = 2;
        var phase = inSpaces;
        var word = new StringBuilder();
        byte quote = 0;
        var blankOk = false;
        byte ch = 0;
        var length = bytes.Length;
        for (var pos = 0; pos <= length; pos++)
        {
            if (pos != length)
            {
                ch = bytes[pos];
            }

            if (phase == inSpaces)
            {
                if (pos == length)
                {
                    break;
                }

                if (IsSpaceByte(ch))
                {
                    continue;
                }

                if (ch != '-' || pos + 1 == length || bytes[pos + 1] != '-')
                {
                    return Remainder(bytes, pos);
                }

                phase = inWord;
            }

            if (pos == length)
            {
                var last = word.ToString();
                if (last != "--" && (blankOk || last.Length > 0))
                {
                    words.Add(last);
                }

                break;
            }

            if (phase == inWord)
            {
                if (IsSpaceByte(ch))
                {
                    var finished = word.ToString();
                    phase = inSpaces;
                    if (finished == "--")
                    {
                        return Remainder(bytes, pos);
                    }

                    if (blankOk || finished.Length > 0)
                    {
                        words.Add(finished);
                    }

                    word.Clear();
                    blankOk = false;
                    continue;
                }

                if (ch == '\'' || ch == '"')
                {
                    quote = ch;
                    blankOk = true;
                    phase = inQuote;
                    continue;
                }

                if (ch == escapeToken)
                {
                    if (pos + 1 == length)
                    {
                        continue;
                    }

                    pos++;
                    ch = bytes[pos];
                }

                word.Append((char)ch);
                continue;
            }

            if (ch == quote)
            {
                phase = inWord;
                continue;
            }

            if (ch == escapeToken)
            {
                if (pos + 1 == length)
                {
                    phase = inWord;
                    continue;
                }

                pos++;
                ch = bytes[pos];
            }

            word.Append((char)ch);
        }

        return string.Empty;
    }

    private static string Remainder(byte[] bytes, int start) => Utf8.GetString(bytes, start, bytes.Length - start);

    // unicode.IsSpace of a byte taken as a rune: ASCII white space, U+0085 and U+00A0.
    internal static bool IsSpaceByte(byte b) => b == ' ' || (b >= '\t' && b <= '\r') || b == 0x85 || b == 0xA0;
}

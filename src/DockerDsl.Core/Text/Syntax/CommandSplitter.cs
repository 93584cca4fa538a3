using System;
using System.Collections.Generic;
using System.Text;

namespace DockerDsl.Core.Text.Syntax;

/// <summary>
/// BuildKit's splitCommand and extractBuilderFlags (frontend/dockerfile/parser/split_command.go): the
/// keyword, the leading <c>--flag</c> words, and the rest of the line. Works on a range of a string so
/// that an ONBUILD chain is split without copying its rest at every level.
/// </summary>
internal static class CommandSplitter
{
    private static readonly List<string> NoFlags = new();

    /// <summary>Splits <paramref name="text"/>[<paramref name="start"/>, <paramref name="end"/>); the arguments come back trimmed, as BuildKit passes them on.</summary>
    public static Split Split(string text, int start, int end, char escapeToken)
    {
        // Both skips stay inside the segment: text goes on past end (the rest of the file).
        var first = Math.Min(GoText.SkipSpace(text, start), end);
        var last = GoText.SkipSpaceBack(text, first, end);
        var keywordEnd = first;
        while (keywordEnd < last && !ParserText.IsAsciiBlank(text[keywordEnd]))
        {
            keywordEnd++;
        }

        var keyword = text.Substring(first, keywordEnd - first);
        if (keywordEnd == last)
        {
            return new Split(keyword, NoFlags, text, last, last, first);
        }

        var restStart = keywordEnd;
        while (restStart < last && ParserText.IsAsciiBlank(text[restStart]))
        {
            restStart++;
        }

        // Most instructions have no flags: nothing to walk byte by byte.
        if (restStart + 1 >= last || text[restStart] != '-' || text[restStart + 1] != '-')
        {
            return new Split(keyword, NoFlags, text, restStart, last, first);
        }

        var flags = new List<string>();
        var remainder = ExtractFlags(text, restStart, last, escapeToken, flags, out var midCharacter);
        if (midCharacter)
        {
            // The flags ended inside a multi-byte character: Go's rest starts with a stray byte, read here as U+FFFD.
            var rest = "\uFFFD" + text.Substring(remainder, last - remainder);
            var restFirst = GoText.SkipSpace(rest, 0);
            return new Split(keyword, flags, rest, restFirst, GoText.SkipSpaceBack(rest, restFirst, rest.Length), first);
        }

        var argumentsStart = Math.Min(GoText.SkipSpace(text, remainder), last);
        return new Split(keyword, flags, text, argumentsStart, GoText.SkipSpaceBack(text, argumentsStart, last), first);
    }

    // BuildKit walks this part byte by byte and writes each byte as a rune, so a non-ASCII flag is read as
    // Latin-1 and a UTF-8 byte 0x85 or 0xA0 counts as white space; reproduced on the UTF-8 bytes, which
    // are made only as far as the flags go. Returns the char index where the rest of the line begins.
    private static int ExtractFlags(string text, int start, int end, char escapeToken, List<string> words, out bool midCharacter)
    {
        const int inSpaces = 0;
        const int inWord = 1;
        const int inQuote = 2;
        midCharacter = false;
        var bytes = new Utf8Cursor(text, start, end);
        var phase = inSpaces;
        var word = new StringBuilder();
        var quote = 0;
        var blankOk = false;
        var ch = 0;
        for (var pos = 0; ; pos++)
        {
            var atEnd = !bytes.Has(pos);
            if (!atEnd)
            {
                ch = bytes[pos];
            }

            if (phase == inSpaces)
            {
                if (atEnd)
                {
                    break;
                }

                if (GoText.IsSpace(ch))
                {
                    continue;
                }

                if (ch != '-' || !bytes.Has(pos + 1) || bytes[pos + 1] != '-')
                {
                    return bytes.CharIndex(pos, out midCharacter);
                }

                phase = inWord;
            }

            if (atEnd)
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
                if (GoText.IsSpace(ch))
                {
                    var finished = word.ToString();
                    phase = inSpaces;
                    if (finished == "--")
                    {
                        return bytes.CharIndex(pos, out midCharacter);
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
                    if (!bytes.Has(pos + 1))
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
                if (!bytes.Has(pos + 1))
                {
                    phase = inWord;
                    continue;
                }

                pos++;
                ch = bytes[pos];
            }

            word.Append((char)ch);
        }

        return end;
    }

    /// <summary>The UTF-8 bytes of a string range, encoded on demand, with the char each byte comes from.</summary>
    private sealed class Utf8Cursor
    {
        private readonly string _text;
        private readonly int _end;
        private readonly List<byte> _bytes = new();
        private readonly List<int> _chars = new();
        private readonly byte[] _buffer = new byte[4];
        private int _next;

        public Utf8Cursor(string text, int start, int end)
        {
            _text = text;
            _next = start;
            _end = end;
        }

        public int this[int index] => _bytes[index];

        public bool Has(int index)
        {
            while (_bytes.Count <= index && _next < _end)
            {
                var rune = GoText.RuneAt(_text, _next, out var width);
                var count = Encode(rune);
                for (var i = 0; i < count; i++)
                {
                    _bytes.Add(_buffer[i]);
                    _chars.Add(i == 0 ? _next : -1);
                }

                _next += width;
            }

            return index < _bytes.Count;
        }

        /// <summary>The char index of byte <paramref name="index"/>, or of the next character when it is inside one.</summary>
        public int CharIndex(int index, out bool midCharacter)
        {
            midCharacter = false;
            if (!Has(index))
            {
                return _end;
            }

            if (_chars[index] >= 0)
            {
                return _chars[index];
            }

            midCharacter = true;
            for (var i = index + 1; Has(i); i++)
            {
                if (_chars[i] >= 0)
                {
                    return _chars[i];
                }
            }

            return _end;
        }

        private int Encode(int rune)
        {
            if (rune < 0x80)
            {
                _buffer[0] = (byte)rune;
                return 1;
            }

            if (rune < 0x800)
            {
                _buffer[0] = (byte)(0xC0 | (rune >> 6));
                _buffer[1] = (byte)(0x80 | (rune & 0x3F));
                return 2;
            }

            if (rune < 0x10000)
            {
                _buffer[0] = (byte)(0xE0 | (rune >> 12));
                _buffer[1] = (byte)(0x80 | ((rune >> 6) & 0x3F));
                _buffer[2] = (byte)(0x80 | (rune & 0x3F));
                return 3;
            }

            _buffer[0] = (byte)(0xF0 | (rune >> 18));
            _buffer[1] = (byte)(0x80 | ((rune >> 12) & 0x3F));
            _buffer[2] = (byte)(0x80 | ((rune >> 6) & 0x3F));
            _buffer[3] = (byte)(0x80 | (rune & 0x3F));
            return 4;
        }
    }
}

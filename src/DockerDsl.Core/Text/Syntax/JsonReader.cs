using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace DockerDsl.Core.Text.Syntax;

/// <summary>
/// Reads a JSON document the way Go's encoding/json unmarshals it into []any or map[string]any, keeping
/// only what BuildKit looks at: the top-level members and which of them are strings. Iterative, so deep
/// nesting cannot overflow the stack; Go's limit of 10000 levels applies.
/// </summary>
internal sealed class JsonReader
{
    private const int MaxDepth = 10000;

    private readonly string _text;
    private int _pos;

    private JsonReader(string text)
    {
        _text = text;
    }

    /// <summary>One top-level member: its key (objects only) and its value when it is a string.</summary>
    public readonly struct Member
    {
        public Member(string? key, string? stringValue)
        {
            Key = key;
            StringValue = stringValue;
        }

        public string? Key { get; }

        public string? StringValue { get; }
    }

    /// <summary>
    /// The members of the document when it is valid JSON that Go would decode without error (a number
    /// too large for a float64 is an error), or null; <paramref name="top"/> says whether it is '[' or '{'.
    /// </summary>
    public static List<Member>? ReadTopLevel(string text, out char top)
    {
        var reader = new JsonReader(text);
        return reader.Read(out top);
    }

    private List<Member>? Read(out char top)
    {
        top = '\0';
        SkipWhitespace();
        if (_pos >= _text.Length)
        {
            return null;
        }

        var members = new List<Member>();
        var first = _text[_pos];
        if (first != '[' && first != '{')
        {
            top = first;
            return ReadValue(null, 0) && AtEnd() ? members : null;
        }

        top = first;
        return ReadValue(members, 0) && AtEnd() ? members : null;
    }

    private bool AtEnd()
    {
        SkipWhitespace();
        return _pos == _text.Length;
    }

    // Reads one value; for the top container (depth 0) records its members in members.
    private bool ReadValue(List<Member>? members, int baseDepth)
    {
        // Each open container: its closing character and whether the next token is its first member.
        var stack = new Stack<char>();
        var expectValue = true;
        string? pendingKey = null;
        while (true)
        {
            SkipWhitespace();
            if (_pos >= _text.Length)
            {
                return false;
            }

            var c = _text[_pos];
            if (expectValue)
            {
                var depth = stack.Count;
                if (c == '[' || c == '{')
                {
                    if (baseDepth + depth + 1 > MaxDepth)
                    {
                        return false;
                    }

                    _pos++;
                    stack.Push(c == '[' ? ']' : '}');
                    if (depth == 1 && members != null)
                    {
                        members.Add(new Member(pendingKey, null));
                    }

                    SkipWhitespace();
                    if (_pos < _text.Length && _text[_pos] == stack.Peek())
                    {
                        _pos++;
                        stack.Pop();
                        expectValue = false;
                    }
                    else if (stack.Peek() == '}')
                    {
                        if (!ReadKey(out pendingKey, stack.Count == 1))
                        {
                            return false;
                        }
                    }

                    if (stack.Count == 0)
                    {
                        return true;
                    }

                    continue;
                }

                string? text = null;
                if (c == '"')
                {
                    if (!ReadString(out text))
                    {
                        return false;
                    }
                }
                else if (!ReadLiteral())
                {
                    return false;
                }

                if (depth == 1 && members != null)
                {
                    members.Add(new Member(pendingKey, text));
                }

                if (stack.Count == 0)
                {
                    return true;
                }

                expectValue = false;
                continue;
            }

            // After a value: a comma or the close of the current container.
            if (c == ',')
            {
                _pos++;
                if (stack.Peek() == '}')
                {
                    if (!ReadKey(out pendingKey, stack.Count == 1))
                    {
                        return false;
                    }
                }

                expectValue = true;
                continue;
            }

            if (c != stack.Peek())
            {
                return false;
            }

            _pos++;
            stack.Pop();
            if (stack.Count == 0)
            {
                return true;
            }
        }
    }

    // Reads "key" : and leaves the reader before the value.
    private bool ReadKey(out string? key, bool keep)
    {
        key = null;
        SkipWhitespace();
        if (_pos >= _text.Length || _text[_pos] != '"' || !ReadString(out var text))
        {
            return false;
        }

        SkipWhitespace();
        if (_pos >= _text.Length || _text[_pos] != ':')
        {
            return false;
        }

        _pos++;
        key = keep ? text : null;
        return true;
    }

    private bool ReadString(out string? value)
    {
        value = null;
        _pos++;
        var builder = new StringBuilder();
        while (_pos < _text.Length)
        {
            var c = _text[_pos];
            if (c == '"')
            {
                _pos++;
                value = builder.ToString();
                return true;
            }

            if (c < 0x20)
            {
                return false;
            }

            if (c != '\\')
            {
                builder.Append(c);
                _pos++;
                continue;
            }

            if (_pos + 1 >= _text.Length)
            {
                return false;
            }

            var e = _text[_pos + 1];
            _pos += 2;
            switch (e)
            {
                case '"':
                case '\\':
                case '/':
                    builder.Append(e);
                    break;
                case 'b':
                    builder.Append('\b');
                    break;
                case 'f':
                    builder.Append('\f');
                    break;
                case 'n':
                    builder.Append('\n');
                    break;
                case 'r':
                    builder.Append('\r');
                    break;
                case 't':
                    builder.Append('\t');
                    break;
                case 'u':
                    if (!ReadHex4(out var unit))
                    {
                        return false;
                    }

                    AppendEscapedUnit(builder, unit);
                    break;
                default:
                    return false;
            }
        }

        return false;
    }

    // Go combines a \uD8xx\uDCxx pair and turns any other surrogate escape into U+FFFD.
    private void AppendEscapedUnit(StringBuilder builder, int unit)
    {
        if (unit >= 0xD800 && unit < 0xDC00)
        {
            var save = _pos;
            if (_pos + 1 < _text.Length && _text[_pos] == '\\' && _text[_pos + 1] == 'u')
            {
                _pos += 2;
                if (ReadHex4(out var low) && low >= 0xDC00 && low < 0xE000)
                {
                    builder.Append((char)unit).Append((char)low);
                    return;
                }
            }

            _pos = save;
            builder.Append('\uFFFD');
            return;
        }

        builder.Append(unit >= 0xDC00 && unit < 0xE000 ? '\uFFFD' : (char)unit);
    }

    private bool ReadHex4(out int value)
    {
        value = 0;
        if (_pos + 4 > _text.Length)
        {
            return false;
        }

        for (var i = 0; i < 4; i++)
        {
            var c = _text[_pos + i];
            int digit;
            if (c >= '0' && c <= '9')
            {
                digit = c - '0';
            }
            else if (c >= 'a' && c <= 'f')
            {
                digit = c - 'a' + 10;
            }
            else if (c >= 'A' && c <= 'F')
            {
                digit = c - 'A' + 10;
            }
            else
            {
                return false;
            }

            value = (value * 16) + digit;
        }

        _pos += 4;
        return true;
    }

    private bool ReadLiteral()
    {
        foreach (var word in new[] { "true", "false", "null" })
        {
            if (string.CompareOrdinal(_text, _pos, word, 0, word.Length) == 0)
            {
                _pos += word.Length;
                return true;
            }
        }

        return ReadNumber();
    }

    // -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?, and a float64 must hold it, as Go's decoder needs.
    private bool ReadNumber()
    {
        var start = _pos;
        if (Peek() == '-')
        {
            _pos++;
        }

        if (Peek() == '0')
        {
            _pos++;
        }
        else if (Peek() >= '1' && Peek() <= '9')
        {
            SkipDigits();
        }
        else
        {
            return false;
        }

        if (Peek() == '.')
        {
            _pos++;
            if (!(Peek() >= '0' && Peek() <= '9'))
            {
                return false;
            }

            SkipDigits();
        }

        if (Peek() == 'e' || Peek() == 'E')
        {
            _pos++;
            if (Peek() == '+' || Peek() == '-')
            {
                _pos++;
            }

            if (!(Peek() >= '0' && Peek() <= '9'))
            {
                return false;
            }

            SkipDigits();
        }

        var number = _text.Substring(start, _pos - start);
        return double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed)
            && !double.IsInfinity(parsed);
    }

    private char Peek() => _pos < _text.Length ? _text[_pos] : '\0';

    private void SkipDigits()
    {
        while (_pos < _text.Length && _text[_pos] >= '0' && _text[_pos] <= '9')
        {
            _pos++;
        }
    }

    private void SkipWhitespace()
    {
        while (_pos < _text.Length)
        {
            var c = _text[_pos];
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
            {
                return;
            }

            _pos++;
        }
    }
}

using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace DockerDsl.Core.Lock;

/// <summary>The kinds of JSON value the lock file reader knows.</summary>
internal enum JsonKind
{
    Object,
    Array,
    String,
    Integer,
    True,
    False,
    Null,
}

/// <summary>One JSON value with where it starts, so the reader can say which line is wrong.</summary>
internal sealed class JsonNode
{
    public JsonNode(JsonKind kind, int line, int column)
    {
        Kind = kind;
        Line = line;
        Column = column;
    }

    public JsonKind Kind { get; }

    public int Line { get; }

    public int Column { get; }

    public string? String { get; set; }

    public long Integer { get; set; }

    /// <summary>An object's members in file order (keys are unique).</summary>
    public List<KeyValuePair<string, JsonNode>> Members { get; } = new();

    public List<JsonNode> Items { get; } = new();
}

/// <summary>
/// A strict JSON reader (RFC 8259 without fractions or exponents, which the lock file never holds): no comments,
/// no trailing commas, no duplicate keys, strings well formed. Netstandard2.0 without System.Text.Json, so the
/// generator can read the lock file where only the compiler's assemblies are loaded.
/// </summary>
internal sealed class LockJsonParser
{
    private const int MaxDepth = 64;

    private readonly string _text;
    private int _pos;
    private int _line = 1;
    private int _lineStart;

    private LockJsonParser(string text)
    {
        _text = text;
    }

    /// <exception cref="LockFileException">The text is not one JSON value.</exception>
    public static JsonNode Parse(string text)
    {
        var parser = new LockJsonParser(text);
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            parser._pos = 1;
            parser._lineStart = 1;
        }

        parser.SkipWhiteSpace();
        var value = parser.ReadValue(0);
        parser.SkipWhiteSpace();
        if (parser._pos < text.Length)
        {
            throw parser.Error("unexpected text after the end of the JSON value");
        }

        return value;
    }

    private int Column => _pos - _lineStart + 1;

    private LockFileException Error(string message) => new(message, _line, Column);

    private JsonNode ReadValue(int depth)
    {
        if (_pos >= _text.Length)
        {
            throw Error("unexpected end of the file");
        }

        var c = _text[_pos];
        switch (c)
        {
            case '{':
                return ReadObject(depth);
            case '[':
                return ReadArray(depth);
            case '"':
                return ReadStringNode();
            case 't':
                return ReadLiteral("true", JsonKind.True);
            case 'f':
                return ReadLiteral("false", JsonKind.False);
            case 'n':
                return ReadLiteral("null", JsonKind.Null);
            default:
                if (c == '-' || (c >= '0' && c <= '9'))
                {
                    return ReadInteger();
                }

                throw Error($"unexpected character {Describe(c)}");
        }
    }

    private JsonNode ReadObject(int depth)
    {
        if (depth >= MaxDepth)
        {
            throw Error("nested too deeply");
        }

        var node = new JsonNode(JsonKind.Object, _line, Column);
        _pos++;
        SkipWhiteSpace();
        if (Peek() == '}')
        {
            _pos++;
            return node;
        }

        var keys = new HashSet<string>(System.StringComparer.Ordinal);
        while (true)
        {
            SkipWhiteSpace();
            if (Peek() != '"')
            {
                throw Error("expected a key in double quotes");
            }

            var keyLine = _line;
            var keyColumn = Column;
            var key = ReadString();
            if (!keys.Add(key))
            {
                throw new LockFileException($"the key \"{key}\" appears twice in one object", keyLine, keyColumn);
            }

            SkipWhiteSpace();
            Expect(':');
            SkipWhiteSpace();
            node.Members.Add(new KeyValuePair<string, JsonNode>(key, ReadValue(depth + 1)));
            SkipWhiteSpace();
            var next = Peek();
            _pos++;
            if (next == '}')
            {
                return node;
            }

            if (next != ',')
            {
                _pos--;
                throw Error("expected ',' or '}'");
            }
        }
    }

    private JsonNode ReadArray(int depth)
    {
        if (depth >= MaxDepth)
        {
            throw Error("nested too deeply");
        }

        var node = new JsonNode(JsonKind.Array, _line, Column);
        _pos++;
        SkipWhiteSpace();
        if (Peek() == ']')
        {
            _pos++;
            return node;
        }

        while (true)
        {
            SkipWhiteSpace();
            node.Items.Add(ReadValue(depth + 1));
            SkipWhiteSpace();
            var next = Peek();
            _pos++;
            if (next == ']')
            {
                return node;
            }

            if (next != ',')
            {
                _pos--;
                throw Error("expected ',' or ']'");
            }
        }
    }

    private JsonNode ReadStringNode()
    {
        var node = new JsonNode(JsonKind.String, _line, Column);
        node.String = ReadString();
        return node;
    }

    private string ReadString()
    {
        _pos++;
        var builder = new StringBuilder();
        while (true)
        {
            if (_pos >= _text.Length)
            {
                throw Error("a string is not closed");
            }

            var c = _text[_pos];
            if (c == '"')
            {
                _pos++;
                return builder.ToString();
            }

            if (c < ' ')
            {
                throw Error("a string holds a control character; write it escaped");
            }

            if (c != '\\')
            {
                builder.Append(c);
                _pos++;
                continue;
            }

            _pos++;
            var escape = _pos < _text.Length ? _text[_pos] : '\0';
            _pos++;
            switch (escape)
            {
                case '"': builder.Append('"'); break;
                case '\\': builder.Append('\\'); break;
                case '/': builder.Append('/'); break;
                case 'b': builder.Append('\b'); break;
                case 'f': builder.Append('\f'); break;
                case 'n': builder.Append('\n'); break;
                case 'r': builder.Append('\r'); break;
                case 't': builder.Append('\t'); break;
                case 'u':
                    if (_pos + 4 > _text.Length || !int.TryParse(_text.Substring(_pos, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                    {
                        _pos -= 2;
                        throw Error("\\u must be followed by four hexadecimal digits");
                    }

                    builder.Append((char)code);
                    _pos += 4;
                    break;
                default:
                    _pos -= 2;
                    throw Error("unknown escape sequence in a string");
            }
        }
    }

    private JsonNode ReadInteger()
    {
        var node = new JsonNode(JsonKind.Integer, _line, Column);
        var start = _pos;
        if (Peek() == '-')
        {
            _pos++;
        }

        var digits = _pos;
        while (_pos < _text.Length && _text[_pos] >= '0' && _text[_pos] <= '9')
        {
            _pos++;
        }

        if (_pos == digits || (_text[digits] == '0' && _pos - digits > 1))
        {
            _pos = start;
            throw Error("a number is malformed");
        }

        if (_pos < _text.Length && (_text[_pos] == '.' || _text[_pos] == 'e' || _text[_pos] == 'E'))
        {
            _pos = start;
            throw Error("a number has a fraction or exponent; the lock file holds whole numbers only");
        }

        if (!long.TryParse(_text.Substring(start, _pos - start), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            _pos = start;
            throw Error("a number is too large");
        }

        node.Integer = value;
        return node;
    }

    private JsonNode ReadLiteral(string literal, JsonKind kind)
    {
        var node = new JsonNode(kind, _line, Column);
        if (string.CompareOrdinal(_text, _pos, literal, 0, literal.Length) != 0)
        {
            throw Error($"unexpected character {Describe(_text[_pos])}");
        }

        _pos += literal.Length;
        return node;
    }

    private void Expect(char expected)
    {
        if (Peek() != expected)
        {
            throw Error($"expected '{expected}'");
        }

        _pos++;
    }

    private char Peek() => _pos < _text.Length ? _text[_pos] : '\0';

    private void SkipWhiteSpace()
    {
        while (_pos < _text.Length)
        {
            var c = _text[_pos];
            if (c == '\n')
            {
                _line++;
                _lineStart = _pos + 1;
            }
            else if (c != ' ' && c != '\t' && c != '\r')
            {
                return;
            }

            _pos++;
        }
    }

    private static string Describe(char c) => c < ' ' || c > '~' ? "U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture) : "'" + c + "'";
}

/// <summary>Writes JSON the way the lock file is kept: two-space indentation, LF, one array item per line, non-ASCII as is.</summary>
internal sealed class LockJsonWriter
{
    private readonly StringBuilder _text = new();
    private int _indent;

    /// <summary>The document, ending in a line break.</summary>
    public override string ToString() => _text.ToString() + "\n";

    public void StartObject() => Open('{');

    public void EndObject() => Close('}');

    public void StartArray() => Open('[');

    public void EndArray() => Close(']');

    public void Key(string key)
    {
        Separate();
        AppendString(key);
        _text.Append(": ");
        _pendingValue = true;
    }

    public void String(string value)
    {
        Separate();
        AppendString(value);
    }

    public void Integer(long value)
    {
        Separate();
        _text.Append(value.ToString(CultureInfo.InvariantCulture));
    }

    // Whether the container just opened holds nothing yet, per level; and whether a key waits for its value.
    private readonly Stack<bool> _empty = new();
    private bool _pendingValue;

    private void Open(char bracket)
    {
        Separate();
        _text.Append(bracket);
        _empty.Push(true);
        _indent++;
    }

    private void Close(char bracket)
    {
        _indent--;
        if (!_empty.Pop())
        {
            NewLine();
        }

        _text.Append(bracket);
    }

    private void Separate()
    {
        if (_pendingValue)
        {
            _pendingValue = false;
            return;
        }

        if (_empty.Count == 0)
        {
            return;
        }

        if (_empty.Peek())
        {
            _empty.Pop();
            _empty.Push(false);
        }
        else
        {
            _text.Append(',');
        }

        NewLine();
    }

    private void NewLine() => _text.Append('\n').Append(' ', _indent * 2);

    private void AppendString(string value)
    {
        _text.Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '"': _text.Append("\\\""); break;
                case '\\': _text.Append("\\\\"); break;
                case '\n': _text.Append("\\n"); break;
                case '\r': _text.Append("\\r"); break;
                case '\t': _text.Append("\\t"); break;
                default:
                    // Line and paragraph separators and lone surrogates are escaped too: the file stays valid UTF-8, one item per line.
                    if (c < ' ' || c == '\u007F' || c == '\u2028' || c == '\u2029' || IsLoneSurrogate(value, i))
                    {
                        _text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        _text.Append(c);
                    }

                    break;
            }
        }

        _text.Append('"');
    }

    private static bool IsLoneSurrogate(string value, int i) =>
        char.IsHighSurrogate(value[i]) ? i + 1 >= value.Length || !char.IsLowSurrogate(value[i + 1])
        : char.IsLowSurrogate(value[i]) && (i == 0 || !char.IsHighSurrogate(value[i - 1]));
}

using System.Collections.Generic;
using System.Text;

namespace DockerDsl.Core.Text.Syntax;

/// <summary>
/// BuildKit's dispatch table and line parsers (frontend/dockerfile/parser/parser.go, line_parsers.go):
/// how the arguments of each instruction become the words of its Next chain.
/// </summary>
internal static class LineParsers
{
    private const string NotStringArray = "when using JSON array syntax, arrays must be comprised of strings only";

    private static readonly UTF8Encoding Utf8 = new(false, false);

    /// <summary>The argument words of a <paramref name="keyword"/> (lower case) instruction; throws <see cref="LineParseException"/>.</summary>
    public static List<string>? Parse(string keyword, string rest, char escapeToken, out bool isJson)
    {
        isJson = false;
        switch (keyword)
        {
            case "add":
            case "copy":
            case "volume":
                return MaybeJsonToList(rest, out isJson);
            case "arg":
                return NameOrNameValue(rest, escapeToken);
            case "cmd":
            case "entrypoint":
            case "run":
            case "shell":
                return MaybeJson(rest, out isJson);
            case "env":
                return NameValue(rest, "ENV", escapeToken);
            case "label":
                return NameValue(rest, "LABEL", escapeToken);
            case "expose":
            case "from":
                return WhitespaceDelimited(rest);
            case "healthcheck":
                return HealthConfig(rest, out isJson);
            case "maintainer":
            case "stopsignal":
            case "user":
            case "workdir":
                return rest.Length == 0 ? null : new List<string> { rest };
            default:
                // BuildKit keeps an unknown instruction with one empty argument (parseIgnore) and drops its text.
                return new List<string> { string.Empty };
        }
    }

    /// <summary>BuildKit's parseWords: words split on unquoted white space, quotes and escapes kept.</summary>
    public static List<string> Words(string rest, char escapeToken)
    {
        const int inSpaces = 0;
        const int inWord = 1;
        const int inQuote = 2;
        var words = new List<string>();
        var phase = inSpaces;
        var quote = 0;
        var blankOk = false;
        var word = new StringBuilder();
        var ch = 0;
        var width = 0;
        for (var pos = 0; pos <= rest.Length; pos += width)
        {
            if (pos != rest.Length)
            {
                ch = GoText.RuneAt(rest, pos, out width);
            }

            if (phase == inSpaces)
            {
                if (pos == rest.Length)
                {
                    break;
                }

                if (GoText.IsSpace(ch))
                {
                    continue;
                }

                phase = inWord;
            }

            if (pos == rest.Length)
            {
                if (blankOk || word.Length > 0)
                {
                    words.Add(word.ToString());
                }

                break;
            }

            if (phase == inWord)
            {
                if (GoText.IsSpace(ch))
                {
                    phase = inSpaces;
                    if (blankOk || word.Length > 0)
                    {
                        words.Add(word.ToString());
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
                }

                if (ch == escapeToken)
                {
                    if (pos + width == rest.Length)
                    {
                        continue;
                    }

                    AppendRune(word, rest, pos, width);
                    pos += width;
                    ch = GoText.RuneAt(rest, pos, out width);
                }

                AppendRune(word, rest, pos, width);
                continue;
            }

            if (ch == quote)
            {
                phase = inWord;
            }

            if (ch == escapeToken && quote != '\'')
            {
                if (pos + width == rest.Length)
                {
                    phase = inWord;
                    continue;
                }

                AppendRune(word, rest, pos, width);
                pos += width;
                ch = GoText.RuneAt(rest, pos, out width);
            }

            AppendRune(word, rest, pos, width);
        }

        return words;
    }

    private static void AppendRune(StringBuilder builder, string text, int pos, int width) => builder.Append(text, pos, width);

    // parseNameVal: KEY name value (legacy, split once on blanks) or KEY name=value ... (each word split at '=').
    private static List<string>? NameValue(string rest, string key, char escapeToken)
    {
        var words = Words(rest, escapeToken);
        if (words.Count == 0)
        {
            return null;
        }

        var result = new List<string>();
        if (words[0].IndexOf('=') < 0)
        {
            var parts = ParserText.SplitBlank(rest, 2);
            if (parts.Count < 2)
            {
                throw new LineParseException($"{key} must have two arguments");
            }

            result.Add(parts[0]);
            result.Add(parts[1]);
            result.Add(string.Empty);
            return result;
        }

        foreach (var word in words)
        {
            var equals = word.IndexOf('=');
            if (equals < 0)
            {
                throw new LineParseException($"Syntax error - can't find = in {GoText.Quote(word)}. Must be of the form: name=value");
            }

            result.Add(word.Substring(0, equals));
            result.Add(word.Substring(equals + 1));
            result.Add("=");
        }

        return result;
    }

    private static List<string>? NameOrNameValue(string rest, char escapeToken)
    {
        var words = Words(rest, escapeToken);
        return words.Count == 0 ? null : words;
    }

    private static List<string>? WhitespaceDelimited(string rest) => rest.Length == 0 ? null : ParserText.SplitBlank(rest, -1);

    // parseJSON: a JSON array of strings; null when the text is not one (then the shell form applies).
    private static List<string>? Json(string rest)
    {
        var text = GoText.TrimLeftSpace(rest);
        if (text.Length == 0 || text[0] != '[')
        {
            return null;
        }

        var members = JsonReader.ReadTopLevel(text, out _);
        if (members == null)
        {
            return null;
        }

        var values = new List<string>(members.Count);
        foreach (var member in members)
        {
            if (member.StringValue == null)
            {
                throw new LineParseException(NotStringArray);
            }

            values.Add(member.StringValue);
        }

        return values;
    }

    private static List<string>? MaybeJson(string rest, out bool isJson)
    {
        isJson = false;
        if (rest.Length == 0)
        {
            return null;
        }

        var values = Json(rest);
        if (values != null)
        {
            isJson = true;
            return values;
        }

        return new List<string> { rest };
    }

    private static List<string>? MaybeJsonToList(string rest, out bool isJson)
    {
        var values = Json(rest);
        isJson = values != null;
        return values ?? WhitespaceDelimited(rest);
    }

    // parseHealthConfig finds the end of the first word byte by byte (unicode.IsSpace of each byte).
    private static List<string>? HealthConfig(string rest, out bool isJson)
    {
        isJson = false;
        var bytes = Utf8.GetBytes(rest);
        var sep = 0;
        while (sep < bytes.Length && !GoText.IsSpace(bytes[sep]))
        {
            sep++;
        }

        var next = sep;
        while (next < bytes.Length && GoText.IsSpace(bytes[next]))
        {
            next++;
        }

        if (sep == 0)
        {
            return null;
        }

        var result = new List<string> { Utf8.GetString(bytes, 0, sep) };
        var command = MaybeJson(Utf8.GetString(bytes, next, bytes.Length - next), out isJson);
        if (command != null)
        {
            result.AddRange(command);
        }

        return result;
    }
}

using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace DockerDsl.Core.Import;

/// <summary>C# literals and names, written the way a person would write them.</summary>
internal static class CSharpCode
{
    /// <summary>A string literal: verbatim when the value holds a backslash and nothing that needs an escape, else regular.</summary>
    public static string String(string value)
    {
        if (value.IndexOf('\\') >= 0 && !NeedsEscape(value))
        {
            return "@\"" + value.Replace("\"", "\"\"") + "\"";
        }

        var builder = new StringBuilder(value.Length + 2).Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '\0': builder.Append("\\0"); break;
                default:
                    if (char.IsControl(c) || c is '\u2028' or '\u2029' or '\u0085' or '\uFEFF' || char.IsSurrogate(c) && !IsPaired(value, i))
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.Append('"').ToString();
    }

    /// <summary>
    /// A multi-line text as a raw string literal, one line of code per line of text, or null when a raw
    /// literal cannot hold it exactly (a line of only white space, a character C# reads as a line break or
    /// a control character). The literal's value has no final line break.
    /// </summary>
    public static List<string>? RawLines(string value)
    {
        var lines = value.Split('\n');
        var longestQuotes = 0;
        foreach (var line in lines)
        {
            if (line.Length > 0 && line.Trim().Length == 0)
            {
                return null;
            }

            var run = 0;
            foreach (var c in line)
            {
                if (c != '\t' && (char.IsControl(c) || c is '\u2028' or '\u2029' or '\u0085' or '\uFEFF' || char.IsSurrogate(c)))
                {
                    return null;
                }

                run = c == '"' ? run + 1 : 0;
                longestQuotes = System.Math.Max(longestQuotes, run);
            }
        }

        var delimiter = new string('"', System.Math.Max(3, longestQuotes + 1));
        var result = new List<string> { delimiter };
        result.AddRange(lines);
        result.Add(delimiter);
        return result;
    }

    public static string Char(char value) => value switch
    {
        '\\' => "'\\\\'",
        '\'' => "'\\''",
        _ => "'" + value + "'",
    };

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Text for a <c>//</c> comment: anything C# would read as the end of the line becomes a space.</summary>
    public static string Comment(string text)
    {
        var builder = new StringBuilder(text.Length + 3).Append("//");
        if (text.Length > 0)
        {
            builder.Append(' ');
        }

        foreach (var c in text)
        {
            builder.Append(c is '\r' or '\n' or '\u2028' or '\u2029' or '\u0085' || char.IsControl(c) && c != '\t' ? ' ' : c);
        }

        return builder.ToString().TrimEnd();
    }

    /// <summary>PascalCase from the words of a name (split at anything but letters and digits, and at case changes); empty when it has none.</summary>
    public static string PascalCase(string name)
    {
        var builder = new StringBuilder(name.Length);
        var startWord = true;
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (!IsAsciiLetterOrDigit(c))
            {
                startWord = true;
                continue;
            }

            if (startWord)
            {
                builder.Append(char.ToUpperInvariant(c));
                startWord = false;
            }
            else
            {
                var previous = name[i - 1];
                var keepUpper = char.IsUpper(c) && (char.IsLower(previous) || char.IsDigit(previous));
                builder.Append(keepUpper ? c : char.ToLowerInvariant(c));
            }
        }

        if (builder.Length > 0 && char.IsDigit(builder[0]))
        {
            builder.Insert(0, '_');
        }

        return builder.ToString();
    }

    public static bool IsIdentifier(string name)
    {
        if (name.Length == 0 || !(char.IsLetter(name[0]) || name[0] == '_'))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(char.IsLetterOrDigit(c) || c == '_'))
            {
                return false;
            }
        }

        return !Keywords.Contains(name);
    }

    /// <summary>A dotted namespace name whose parts are identifiers.</summary>
    public static bool IsNamespace(string name)
    {
        foreach (var part in name.Split('.'))
        {
            if (!IsIdentifier(part))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsAsciiLetterOrDigit(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9');

    private static bool NeedsEscape(string value)
    {
        foreach (var c in value)
        {
            if (char.IsControl(c) || c is '\u2028' or '\u2029' or '\u0085' or '\uFEFF' || char.IsSurrogate(c))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsPaired(string value, int index) =>
        char.IsHighSurrogate(value[index])
            ? index + 1 < value.Length && char.IsLowSurrogate(value[index + 1])
            : index > 0 && char.IsHighSurrogate(value[index - 1]);

    private static readonly HashSet<string> Keywords = new(System.StringComparer.Ordinal)
    {
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const",
        "continue", "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern",
        "false", "finally", "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface",
        "internal", "is", "lock", "long", "namespace", "new", "null", "object", "operator", "out", "override",
        "params", "private", "protected", "public", "readonly", "ref", "return", "sbyte", "sealed", "short",
        "sizeof", "stackalloc", "static", "string", "struct", "switch", "this", "throw", "true", "try", "typeof",
        "uint", "ulong", "unchecked", "unsafe", "ushort", "using", "virtual", "void", "volatile", "while",
        "record", "file", "scoped", "required",
    };
}

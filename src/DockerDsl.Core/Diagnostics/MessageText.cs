using System.Globalization;
using System.Text;

namespace DockerDsl.Core.Diagnostics;

/// <summary>
/// Values shown in a diagnostic's message. A message is one line, since CI problem matchers and
/// <c>path(line,col): warning ID: message</c> readers take a line for a diagnostic: a value's control
/// characters (C0, DEL and C1, which includes NEL U+0085) and the line and paragraph separators
/// U+2028/U+2029 are shown escaped, as C# writes them.
/// </summary>
public static class MessageText
{
    /// <summary><paramref name="value"/> with every character that could end or disturb a line escaped.</summary>
    public static string OneLine(string? value)
    {
        if (value is null)
        {
            return string.Empty;
        }

        var plain = true;
        foreach (var c in value)
        {
            if (NeedsEscape(c))
            {
                plain = false;
                break;
            }
        }

        if (plain)
        {
            return value;
        }

        var builder = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            switch (c)
            {
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '\0': builder.Append("\\0"); break;
                default:
                    if (NeedsEscape(c))
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

        return builder.ToString();
    }

    /// <summary>Each string of <paramref name="arguments"/> made one line; other arguments as they are.</summary>
    public static object[] OneLine(object[] arguments)
    {
        var result = new object[arguments.Length];
        for (var i = 0; i < arguments.Length; i++)
        {
            result[i] = arguments[i] is string text ? OneLine(text) : arguments[i];
        }

        return result;
    }

    private static bool NeedsEscape(char c) => char.IsControl(c) || c is '\u2028' or '\u2029';
}

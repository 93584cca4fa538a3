using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace DockerDsl.Core.Emit;

/// <summary>The quoting forms of the Dockerfile syntax. Inputs are validated by the parser first.</summary>
internal static class Quoting
{
    /// <summary>A JSON array for exec forms: <c>["a", "b"]</c>.</summary>
    public static string JsonArray(IEnumerable<string> items)
    {
        var builder = new StringBuilder("[");
        var first = true;
        foreach (var item in items)
        {
            if (!first)
            {
                builder.Append(", ");
            }

            first = false;
            JsonString(builder, item);
        }

        return builder.Append(']').ToString();
    }

    /// <summary>A double-quoted word for ENV, LABEL and ARG values; <c>$</c> stays a variable only when <paramref name="expand"/>.</summary>
    public static string DoubleQuoted(string value, char escape, bool expand)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            if (c == '"' || c == escape || (c == '$' && !expand))
            {
                builder.Append(escape);
            }

            builder.Append(c);
        }

        return builder.Append('"').ToString();
    }

    /// <summary>The value <see cref="DoubleQuoted"/> wrote as <paramref name="word"/> (without expansion); null for a word of another form.</summary>
    public static string? Unquoted(string word, char escape)
    {
        if (word.Length < 2 || word[0] != '"' || word[word.Length - 1] != '"')
        {
            return null;
        }

        var builder = new StringBuilder(word.Length);
        var end = word.Length - 1;
        for (var i = 1; i < end; i++)
        {
            var c = word[i];
            if (c == escape)
            {
                if (i + 1 == end || !(word[i + 1] is '"' or '$' || word[i + 1] == escape))
                {
                    return null;
                }

                c = word[++i];
            }
            else if (c is '"' or '$')
            {
                return null;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>A heredoc marker that no line of <paramref name="body"/> equals.</summary>
    public static string HeredocMarker(string body)
    {
        var lines = new HashSet<string>(System.Linq.Enumerable.Select(body.Split('\n'), line => line.Trim()));
        var marker = "EOF";
        for (var i = 1; lines.Contains(marker); i++)
        {
            marker = "EOF" + i.ToString(CultureInfo.InvariantCulture);
        }

        return marker;
    }

    private static void JsonString(StringBuilder builder, string value)
    {
        builder.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (char.IsControl(c) || c is '\u2028' or '\u2029' or '\u0085')
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

        builder.Append('"');
    }
}

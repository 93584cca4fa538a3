using System.Globalization;
using System.Text;

namespace DockerDsl.Core.Text.Shell;

/// <summary>Go's strconv.Quote (fmt's %q), with which BuildKit names the word in its error messages.</summary>
internal static class GoQuote
{
    public static string Quote(string text)
    {
        var builder = new StringBuilder(text.Length + 2);
        builder.Append('"');
        for (var i = 0; i < text.Length;)
        {
            var rune = RuneText.At(text, i, out var width);
            i += width;
            AppendEscaped(builder, rune);
        }

        builder.Append('"');
        return builder.ToString();
    }

    private static void AppendEscaped(StringBuilder builder, int rune)
    {
        if (rune == '"' || rune == '\\')
        {
            builder.Append('\\').Append((char)rune);
            return;
        }

        // A lone surrogate is not a rune Go can hold; it would be the replacement character there.
        if (rune >= 0xD800 && rune <= 0xDFFF)
        {
            builder.Append("\\ufffd");
            return;
        }

        if (RuneText.IsPrint(rune))
        {
            RuneText.Append(builder, rune);
            return;
        }

        switch (rune)
        {
            case '\a':
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
}

using System.Globalization;
using System.Text;

namespace DockerDsl.Core.Text;

/// <content>
/// Go's strconv.Quote (fmt's <c>%q</c> of a string): a double-quoted literal with Go's escapes for what is not
/// printable. A lone surrogate has no Go counterpart; the parser quotes it as the U+FFFD it reads it as
/// (<see cref="Quote"/>), the shell lexer as the escape <c>\ufffd</c> (<see cref="QuoteEscapingLoneSurrogates"/>).
/// </content>
internal static partial class GoText
{
    /// <summary>Go's strconv.Quote; a lone surrogate comes out as the character U+FFFD, printable as it is.</summary>
    public static string Quote(string text)
    {
        var builder = new StringBuilder(text.Length + 2);
        AppendQuoted(builder, text, escapeLoneSurrogates: false);
        return builder.ToString();
    }

    /// <summary>Appends what <see cref="Quote"/> returns.</summary>
    public static void AppendQuoted(StringBuilder builder, string text) => AppendQuoted(builder, text, escapeLoneSurrogates: false);

    /// <summary>Go's strconv.Quote, with a lone surrogate written as the escape <c>\ufffd</c>.</summary>
    public static string QuoteEscapingLoneSurrogates(string text)
    {
        var builder = new StringBuilder(text.Length + 2);
        AppendQuoted(builder, text, escapeLoneSurrogates: true);
        return builder.ToString();
    }

    private static void AppendQuoted(StringBuilder builder, string text, bool escapeLoneSurrogates)
    {
        builder.Append('"');
        for (var i = 0; i < text.Length;)
        {
            var codePoint = CodePointAt(text, i, out var width);
            if (IsSurrogate(codePoint))
            {
                if (escapeLoneSurrogates)
                {
                    builder.Append("\\ufffd");
                }
                else
                {
                    builder.Append(ReplacementChar);
                }
            }
            else if (codePoint == '"' || codePoint == '\\')
            {
                builder.Append('\\').Append((char)codePoint);
            }
            else if (IsPrint(codePoint))
            {
                builder.Append(text, i, width);
            }
            else
            {
                AppendEscaped(builder, codePoint);
            }

            i += width;
        }

        builder.Append('"');
    }

    // strconv's appendEscapedRune for a rune that is not printable.
    private static void AppendEscaped(StringBuilder builder, int rune)
    {
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

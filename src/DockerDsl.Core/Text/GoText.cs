using System.Text;

namespace DockerDsl.Core.Text;

/// <summary>
/// The Go text semantics BuildKit's parser (<c>Text.Syntax</c>) and shell lexer (<c>Text.Shell</c>) lean on,
/// written against .NET strings so that results match Go's. Go reads a string as UTF-8 runes, so a surrogate
/// pair is one rune. A lone surrogate, which UTF-8 cannot hold, is read one of two ways: the parser takes it
/// as U+FFFD (<see cref="RuneAt"/>), the shell lexer as a character of its own, so that what it reads it
/// writes back unchanged (<see cref="CodePointAt"/>). This part reads and writes runes; the others hold the
/// character classes (unicode), the trimming (strings) and the quoting (strconv).
/// </summary>
internal static partial class GoText
{
    /// <summary>U+FFFD, Go's utf8.RuneError.</summary>
    public const char ReplacementChar = '\uFFFD';

    /// <summary>
    /// Go's utf8.DecodeRuneInString at <paramref name="index"/>: the rune and how many chars it takes. A lone
    /// surrogate reads as U+FFFD, as Go reads the bytes .NET's UTF-8 encoder writes for it.
    /// </summary>
    public static int RuneAt(string text, int index, out int width)
    {
        var codePoint = CodePointAt(text, index, out width);
        return IsSurrogate(codePoint) ? ReplacementChar : codePoint;
    }

    /// <summary>
    /// The code point at <paramref name="index"/> and how many chars it takes, as <see cref="RuneAt"/> but with
    /// a lone surrogate coming back as itself.
    /// </summary>
    public static int CodePointAt(string text, int index, out int width)
    {
        var c = text[index];
        if (char.IsHighSurrogate(c) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]))
        {
            width = 2;
            return char.ConvertToUtf32(c, text[index + 1]);
        }

        width = 1;
        return c;
    }

    /// <summary>
    /// Appends <paramref name="codePoint"/> in UTF-16: a surrogate code point (a lone surrogate
    /// <see cref="CodePointAt"/> read) as that char, a negative one (text/scanner's EOF) as U+FFFD, as Go's
    /// string(rune) makes it.
    /// </summary>
    public static void AppendCodePoint(StringBuilder builder, int codePoint)
    {
        if (codePoint < 0)
        {
            builder.Append(ReplacementChar);
        }
        else if (codePoint <= 0xFFFF)
        {
            builder.Append((char)codePoint);
        }
        else
        {
            var offset = codePoint - 0x10000;
            builder.Append((char)(0xD800 + (offset >> 10)));
            builder.Append((char)(0xDC00 + (offset & 0x3FF)));
        }
    }

    /// <summary>Go's string(rune): what is not a rune (a negative value, as text/scanner's EOF, or a surrogate code point) is U+FFFD.</summary>
    public static string RuneString(int rune) => IsSurrogate(rune) ? "\uFFFD" : CodePointString(rune);

    /// <summary>
    /// The text of <paramref name="codePoint"/>, as <see cref="RuneString"/> but with a surrogate code point (a
    /// lone surrogate <see cref="CodePointAt"/> read) written as that char.
    /// </summary>
    public static string CodePointString(int codePoint)
    {
        if (codePoint < 0)
        {
            return "\uFFFD";
        }

        return codePoint <= 0xFFFF ? ((char)codePoint).ToString() : char.ConvertFromUtf32(codePoint);
    }

    /// <summary>Go's []rune(s), with a lone surrogate read as <see cref="CodePointAt"/> reads it.</summary>
    public static int[] ToCodePoints(string text)
    {
        var codePoints = new int[text.Length];
        var count = 0;
        for (var i = 0; i < text.Length;)
        {
            codePoints[count++] = CodePointAt(text, i, out var width);
            i += width;
        }

        System.Array.Resize(ref codePoints, count);
        return codePoints;
    }

    /// <summary>Go's string(runes[start:end]), the inverse of <see cref="ToCodePoints"/>.</summary>
    public static string FromCodePoints(int[] codePoints, int start, int end)
    {
        var builder = new StringBuilder(end - start);
        for (var i = start; i < end; i++)
        {
            AppendCodePoint(builder, codePoints[i]);
        }

        return builder.ToString();
    }

    /// <summary>
    /// Go's len of the UTF-8 string: how many bytes <paramref name="length"/> chars from <paramref name="start"/>
    /// take in UTF-8, a lone surrogate three (those of U+FFFD).
    /// </summary>
    public static int Utf8Length(string text, int start, int length)
    {
        var count = 0;
        for (var i = start; i < start + length; i++)
        {
            var c = text[i];
            if (c < 0x80)
            {
                count++;
            }
            else if (c < 0x800)
            {
                count += 2;
            }
            else if (char.IsHighSurrogate(c) && i + 1 < start + length && char.IsLowSurrogate(text[i + 1]))
            {
                count += 4;
                i++;
            }
            else
            {
                count += 3;
            }
        }

        return count;
    }

    private static bool IsSurrogate(int codePoint) => codePoint >= 0xD800 && codePoint <= 0xDFFF;
}

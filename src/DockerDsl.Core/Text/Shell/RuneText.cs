using System.Globalization;
using System.Text;

namespace DockerDsl.Core.Text.Shell;

/// <summary>
/// Code points of a UTF-16 string, and the character classes of Go's unicode package that BuildKit's
/// lexer tests them with: Go reads runes, so a surrogate pair is one character there.
/// </summary>
internal static class RuneText
{
    /// <summary>The code point at <paramref name="index"/>; a lone surrogate is a character of its own.</summary>
    public static int At(string text, int index, out int width)
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

    public static void Append(StringBuilder builder, int rune)
    {
        if (rune > 0xFFFF)
        {
            var offset = rune - 0x10000;
            builder.Append((char)(0xD800 + (offset >> 10)));
            builder.Append((char)(0xDC00 + (offset & 0x3FF)));
        }
        else
        {
            builder.Append((char)rune);
        }
    }

    public static string ToText(int rune)
    {
        var builder = new StringBuilder(2);
        Append(builder, rune);
        return builder.ToString();
    }

    public static int[] Decode(string text)
    {
        var runes = new int[text.Length];
        var count = 0;
        for (var i = 0; i < text.Length;)
        {
            runes[count++] = At(text, i, out var width);
            i += width;
        }

        System.Array.Resize(ref runes, count);
        return runes;
    }

    public static string Encode(int[] runes, int start, int end)
    {
        var builder = new StringBuilder(end - start);
        for (var i = start; i < end; i++)
        {
            Append(builder, runes[i]);
        }

        return builder.ToString();
    }

    /// <summary>Go's unicode.IsSpace: the Latin-1 spaces, then the Unicode White_Space property.</summary>
    public static bool IsSpace(int rune)
    {
        switch (rune)
        {
            case '\t':
            case '\n':
            case '\v':
            case '\f':
            case '\r':
            case ' ':
            case 0x85:
            case 0xA0:
            case 0x1680:
            case 0x2028:
            case 0x2029:
            case 0x202F:
            case 0x205F:
            case 0x3000:
                return true;
            default:
                return rune >= 0x2000 && rune <= 0x200A;
        }
    }

    /// <summary>Go's unicode.IsLetter: categories Lu, Ll, Lt, Lm and Lo.</summary>
    public static bool IsLetter(int rune)
    {
        if (rune < 0x80)
        {
            return (rune >= 'a' && rune <= 'z') || (rune >= 'A' && rune <= 'Z');
        }

        switch (Category(rune))
        {
            case UnicodeCategory.UppercaseLetter:
            case UnicodeCategory.LowercaseLetter:
            case UnicodeCategory.TitlecaseLetter:
            case UnicodeCategory.ModifierLetter:
            case UnicodeCategory.OtherLetter:
                return true;
            default:
                return false;
        }
    }

    /// <summary>Go's unicode.IsDigit: category Nd, not only ASCII digits.</summary>
    public static bool IsDigit(int rune)
    {
        if (rune < 0x80)
        {
            return rune >= '0' && rune <= '9';
        }

        return Category(rune) == UnicodeCategory.DecimalDigitNumber;
    }

    /// <summary>What Go's strconv.IsPrint accepts: letters, marks, numbers, punctuation, symbols and the ASCII space.</summary>
    public static bool IsPrint(int rune)
    {
        if (rune < 0x80)
        {
            return rune >= 0x20 && rune < 0x7F;
        }

        switch (Category(rune))
        {
            case UnicodeCategory.UppercaseLetter:
            case UnicodeCategory.LowercaseLetter:
            case UnicodeCategory.TitlecaseLetter:
            case UnicodeCategory.ModifierLetter:
            case UnicodeCategory.OtherLetter:
            case UnicodeCategory.NonSpacingMark:
            case UnicodeCategory.SpacingCombiningMark:
            case UnicodeCategory.EnclosingMark:
            case UnicodeCategory.DecimalDigitNumber:
            case UnicodeCategory.LetterNumber:
            case UnicodeCategory.OtherNumber:
            case UnicodeCategory.ConnectorPunctuation:
            case UnicodeCategory.DashPunctuation:
            case UnicodeCategory.OpenPunctuation:
            case UnicodeCategory.ClosePunctuation:
            case UnicodeCategory.InitialQuotePunctuation:
            case UnicodeCategory.FinalQuotePunctuation:
            case UnicodeCategory.OtherPunctuation:
            case UnicodeCategory.MathSymbol:
            case UnicodeCategory.CurrencySymbol:
            case UnicodeCategory.ModifierSymbol:
            case UnicodeCategory.OtherSymbol:
                return true;
            default:
                return false;
        }
    }

    private static UnicodeCategory Category(int rune) =>
        rune <= 0xFFFF
            ? CharUnicodeInfo.GetUnicodeCategory((char)rune)
            : CharUnicodeInfo.GetUnicodeCategory(ToText(rune), 0);
}

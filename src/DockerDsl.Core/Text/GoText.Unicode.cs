using System.Globalization;

namespace DockerDsl.Core.Text;

/// <content>The character classes of Go's unicode package, and regexp's <c>\s</c>.</content>
internal static partial class GoText
{
    /// <summary>
    /// Go's unicode.IsSpace: the Latin-1 white space (<c>\t \n \v \f \r</c>, space, U+0085 NEL and U+00A0 NBSP),
    /// then the Unicode White_Space characters. For 0 to 0xFF it is also what Go's unicode.IsSpace says of a
    /// byte taken as a rune.
    /// </summary>
    public static bool IsSpace(int rune)
    {
        if (rune <= 0xFF)
        {
            return rune == ' ' || (rune >= '\t' && rune <= '\r') || rune == 0x85 || rune == 0xA0;
        }

        return rune == 0x1680 || (rune >= 0x2000 && rune <= 0x200A) || rune == 0x2028 || rune == 0x2029
            || rune == 0x202F || rune == 0x205F || rune == 0x3000;
    }

    /// <summary>Go's unicode.IsLetter: categories Lu, Ll, Lt, Lm and Lo (a surrogate code point is none).</summary>
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

    /// <summary>Go's unicode.IsDigit: category Nd, the decimal digits of any script.</summary>
    public static bool IsDigit(int rune) =>
        rune < 0x80 ? rune >= '0' && rune <= '9' : Category(rune) == UnicodeCategory.DecimalDigitNumber;

    /// <summary>
    /// Go's unicode.IsPrint (and strconv.IsPrint, what strconv.Quote leaves unescaped): letters, marks,
    /// numbers, punctuation, symbols and the ASCII space; no other white space, no control, format, private-use,
    /// surrogate or unassigned code point.
    /// </summary>
    public static bool IsPrint(int rune)
    {
        if (rune < 0x80)
        {
            return rune >= 0x20 && rune < 0x7F;
        }

        switch (Category(rune))
        {
            case UnicodeCategory.Control:
            case UnicodeCategory.Format:
            case UnicodeCategory.Surrogate:
            case UnicodeCategory.PrivateUse:
            case UnicodeCategory.OtherNotAssigned:
            case UnicodeCategory.SpaceSeparator:
            case UnicodeCategory.LineSeparator:
            case UnicodeCategory.ParagraphSeparator:
                return false;
            default:
                return true;
        }
    }

    /// <summary>Go's <c>\s</c> in regular expressions: <c>[\t\n\f\r ]</c> (no vertical tab).</summary>
    public static bool IsRegexSpace(char c) => c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';

    private static UnicodeCategory Category(int rune) =>
        rune <= 0xFFFF
            ? CharUnicodeInfo.GetUnicodeCategory((char)rune)
            : CharUnicodeInfo.GetUnicodeCategory(char.ConvertFromUtf32(rune), 0);
}

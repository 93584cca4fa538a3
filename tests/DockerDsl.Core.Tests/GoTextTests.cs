using System.Linq;
using System.Text;
using DockerDsl.Core.Text;

namespace DockerDsl.Core.Tests;

/// <summary>The Go text semantics the parser and the shell lexer share, and the two readings of a lone surrogate.</summary>
public class GoTextTests
{
    // Go's unicode.IsSpace: the Latin-1 spaces and Unicode's White_Space (unicode/graphic.go, tables.go).
    private static readonly int[] GoWhiteSpace =
    {
        '\t', '\n', '\v', '\f', '\r', ' ', 0x85, 0xA0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006,
        0x2007, 0x2008, 0x2009, 0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000,
    };

    [Fact]
    public void IsSpace_is_true_for_Go_white_space_only()
    {
        var wrong = Enumerable.Range(0, 0x110000).Where(rune => GoText.IsSpace(rune) != GoWhiteSpace.Contains(rune)).ToList();

        Assert.Empty(wrong);
    }

    [Theory]
    [InlineData(0x1C)]
    [InlineData(0x200B)]
    [InlineData(0x180E)]
    [InlineData(0xFEFF)]
    public void IsSpace_is_false_for_what_dotnet_or_other_languages_may_count(int rune) => Assert.False(GoText.IsSpace(rune));

    [Fact]
    public void A_surrogate_pair_is_one_rune_both_ways()
    {
        const string text = "a\U0001F600";

        Assert.Equal(0x1F600, GoText.RuneAt(text, 1, out var runeWidth));
        Assert.Equal(2, runeWidth);
        Assert.Equal(0x1F600, GoText.CodePointAt(text, 1, out var codePointWidth));
        Assert.Equal(2, codePointWidth);
    }

    [Fact]
    public void A_lone_surrogate_is_U_FFFD_to_RuneAt_and_itself_to_CodePointAt()
    {
        // Built here, not in InlineData: a lone surrogate does not survive xUnit's serialization of test data.
        var cases = new[] { ("\uD800", 0), ("\uDC00", 0), ("a\uD83D", 1), ("\uDE00\uD83D", 0), ("\uDE00\uD83D", 1) };
        foreach (var (text, index) in cases)
        {
            Assert.Equal(0xFFFD, GoText.RuneAt(text, index, out var runeWidth));
            Assert.Equal(1, runeWidth);
            Assert.Equal(text[index], GoText.CodePointAt(text, index, out var codePointWidth));
            Assert.Equal(1, codePointWidth);
        }
    }

    [Theory]
    [InlineData('a', true, false)]
    [InlineData('Z', true, false)]
    [InlineData('_', false, false)]
    [InlineData('7', false, true)]
    [InlineData(0xE9, true, false)]
    [InlineData(0xD55C, true, false)]
    [InlineData(0x01C5, true, false)]
    [InlineData(0x02B0, true, false)]
    [InlineData(0x0663, false, true)]
    [InlineData(0x00B2, false, false)]
    [InlineData(0x2164, false, false)]
    [InlineData(0x10400, true, false)]
    [InlineData(0x1D7D8, false, true)]
    [InlineData(0xD800, false, false)]
    [InlineData(0xFFFD, false, false)]
    [InlineData(-1, false, false)]
    public void IsLetter_and_IsDigit_follow_the_Unicode_categories(int rune, bool letter, bool digit)
    {
        Assert.Equal(letter, GoText.IsLetter(rune));
        Assert.Equal(digit, GoText.IsDigit(rune));
    }

    [Theory]
    [InlineData(' ', true)]
    [InlineData('~', true)]
    [InlineData(0x7F, false)]
    [InlineData(0x85, false)]
    [InlineData(0xA0, false)]
    [InlineData(0xAD, false)]
    [InlineData(0x0300, true)]
    [InlineData(0x2028, false)]
    [InlineData(0x3000, false)]
    [InlineData(0xE000, false)]
    [InlineData(0xFFFD, true)]
    [InlineData(0xD800, false)]
    [InlineData(0x0378, false)]
    [InlineData(0x1F600, true)]
    [InlineData(0x10FFFD, false)]
    public void IsPrint_is_letters_marks_numbers_punctuation_symbols_and_the_ASCII_space(int rune, bool printable) =>
        Assert.Equal(printable, GoText.IsPrint(rune));

    [Theory]
    [InlineData(' ', true)]
    [InlineData('\t', true)]
    [InlineData('\n', true)]
    [InlineData('\f', true)]
    [InlineData('\r', true)]
    [InlineData('\v', false)]
    [InlineData('\u0085', false)]
    [InlineData('\u00A0', false)]
    public void IsRegexSpace_is_Go_regexp_backslash_s(char c, bool space) => Assert.Equal(space, GoText.IsRegexSpace(c));

    [Fact]
    public void A_lone_surrogate_is_quoted_as_U_FFFD_or_as_its_escape()
    {
        var cases = new[]
        {
            ("\uD800", "\"\uFFFD\"", "\"\\ufffd\""),
            ("a\uDC00b", "\"a\uFFFDb\"", "\"a\\ufffdb\""),
            ("\uDE00\uD83D", "\"\uFFFD\uFFFD\"", "\"\\ufffd\\ufffd\""),
            ("\uD83D\uDE00\uDE00", "\"\U0001F600\uFFFD\"", "\"\U0001F600\\ufffd\""),
        };
        foreach (var (value, quoted, quotedEscaping) in cases)
        {
            Assert.Equal(quoted, GoText.Quote(value));
            Assert.Equal(quotedEscaping, GoText.QuoteEscapingLoneSurrogates(value));
        }
    }

    [Theory]
    [InlineData("\U0001F600\uFFFD", "\"\U0001F600\uFFFD\"")]
    [InlineData("\"\\\n\u0085\U000E0001", "\"\\\"\\\\\\n\\u0085\\U000e0001\"")]
    [InlineData("\u00E9\u0300\u00AD\uE000", "\"\u00E9\u0300\\u00ad\\ue000\"")]
    public void Without_lone_surrogates_the_two_quotings_agree(string value, string quoted)
    {
        Assert.Equal(quoted, GoText.Quote(value));
        Assert.Equal(quoted, GoText.QuoteEscapingLoneSurrogates(value));

        var builder = new StringBuilder("x");
        GoText.AppendQuoted(builder, value);
        Assert.Equal("x" + quoted, builder.ToString());
    }

    [Theory]
    [InlineData('a', "a", "a")]
    [InlineData(0xE9, "\u00E9", "\u00E9")]
    [InlineData(0x1F600, "\U0001F600", "\U0001F600")]
    [InlineData(-1, "\uFFFD", "\uFFFD")]
    [InlineData(0xD800, "\uFFFD", null)]
    [InlineData(0xDFFF, "\uFFFD", null)]
    public void RuneString_is_Go_string_of_a_rune_and_CodePointString_keeps_a_surrogate(int codePoint, string rune, string? text)
    {
        text ??= ((char)codePoint).ToString();

        Assert.Equal(rune, GoText.RuneString(codePoint));
        Assert.Equal(text, GoText.CodePointString(codePoint));
        var builder = new StringBuilder();
        GoText.AppendCodePoint(builder, codePoint);
        Assert.Equal(text, builder.ToString());
    }

    [Fact]
    public void Code_points_keep_lone_surrogates_and_come_back_unchanged()
    {
        const string text = "a\uD800\U0001F600\uDC00\u00E9";

        var codePoints = GoText.ToCodePoints(text);

        Assert.Equal(new[] { 'a', 0xD800, 0x1F600, 0xDC00, 0xE9 }, codePoints);
        Assert.Equal(text, GoText.FromCodePoints(codePoints, 0, codePoints.Length));
        Assert.Equal("\uD800\U0001F600", GoText.FromCodePoints(codePoints, 1, 3));
    }

    [Theory]
    [InlineData(" \t\u0085\u00A0x y\u2028\u3000\r\n", "x y", "x y\u2028\u3000\r\n")]
    [InlineData("\u200Bx\uFEFF", "\u200Bx\uFEFF", "\u200Bx\uFEFF")]
    [InlineData(" \U0001F600 ", "\U0001F600", "\U0001F600 ")]
    [InlineData(" \u0085 ", "", "")]
    [InlineData("", "", "")]
    public void TrimSpace_and_TrimLeftSpace_trim_unicode_white_space(string text, string trimmed, string leftTrimmed)
    {
        Assert.Equal(trimmed, GoText.TrimSpace(text));
        Assert.Equal(leftTrimmed, GoText.TrimLeftSpace(text));
    }

    [Fact]
    public void A_lone_surrogate_is_not_white_space()
    {
        const string text = "\uD800 x \uDC00";

        Assert.Same(text, GoText.TrimSpace(text));
        Assert.Same(text, GoText.TrimLeftSpace(text));
    }

    [Fact]
    public void SkipSpace_and_SkipSpaceBack_work_on_a_range()
    {
        const string text = "a  \u00A0b\u0085 \U0001F600 ";

        Assert.Equal(4, GoText.SkipSpace(text, 1));
        Assert.Equal(text.Length, GoText.SkipSpace(text, text.Length));
        Assert.Equal(5, GoText.SkipSpaceBack(text, 0, 7));
        Assert.Equal(6, GoText.SkipSpaceBack(text, 6, 7));
        Assert.Equal(9, GoText.SkipSpaceBack(text, 0, text.Length));
        Assert.Equal(1, GoText.SkipSpaceBack(text, 0, 4));
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("a", 1)]
    [InlineData("\u00E9", 2)]
    [InlineData("\u20AC", 3)]
    [InlineData("\U0001F600", 4)]
    [InlineData("a\u00E9\u20AC\U0001F600", 10)]
    public void Utf8Length_counts_UTF_8_bytes(string text, int bytes) =>
        Assert.Equal(bytes, GoText.Utf8Length("<" + text + ">", 1, text.Length));

    [Fact]
    public void Utf8Length_counts_a_lone_surrogate_as_the_three_bytes_of_U_FFFD()
    {
        Assert.Equal(3, GoText.Utf8Length("\uD800", 0, 1));
        Assert.Equal(4, GoText.Utf8Length("a\uDC00", 0, 2));
        Assert.Equal(3, GoText.Utf8Length("\uD83D\uDE00", 0, 1));
    }
}

namespace DockerDsl.Core.Text;

/// <content>Go's strings.TrimSpace and its one-sided forms, with unicode.IsSpace.</content>
internal static partial class GoText
{
    /// <summary>
    /// Where Go's strings.TrimLeftFunc(text[start:], unicode.IsSpace) begins: the index of the first rune at or
    /// after <paramref name="start"/> that is not white space, or the length.
    /// </summary>
    public static int SkipSpace(string text, int start)
    {
        var i = start;
        while (i < text.Length)
        {
            var rune = RuneAt(text, i, out var width);
            if (!IsSpace(rune))
            {
                break;
            }

            i += width;
        }

        return i;
    }

    /// <summary>
    /// Where Go's strings.TrimRightFunc(text[start:end], unicode.IsSpace) ends: <paramref name="end"/> less the
    /// white space before it, never before <paramref name="start"/>.
    /// </summary>
    public static int SkipSpaceBack(string text, int start, int end)
    {
        while (end > start)
        {
            var c = text[end - 1];
            if (char.IsLowSurrogate(c) && end - 2 >= start && char.IsHighSurrogate(text[end - 2]))
            {
                if (!IsSpace(char.ConvertToUtf32(text[end - 2], c)))
                {
                    break;
                }

                end -= 2;
                continue;
            }

            if (!IsSpace(c))
            {
                break;
            }

            end--;
        }

        return end;
    }

    /// <summary>Go's strings.TrimLeftFunc(text, unicode.IsSpace).</summary>
    public static string TrimLeftSpace(string text)
    {
        var start = SkipSpace(text, 0);
        return start == 0 ? text : text.Substring(start);
    }

    /// <summary>Go's strings.TrimSpace.</summary>
    public static string TrimSpace(string text)
    {
        var start = SkipSpace(text, 0);
        var end = SkipSpaceBack(text, start, text.Length);
        return start == 0 && end == text.Length ? text : text.Substring(start, end - start);
    }
}

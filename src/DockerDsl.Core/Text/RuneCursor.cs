namespace DockerDsl.Core.Text;

/// <summary>
/// Reads a string one code point at a time with one of look-ahead, as Go's text/scanner Peek and Next do; how
/// it reads a lone surrogate is the caller's choice (see <see cref="GoText"/>).
/// </summary>
internal sealed class RuneCursor
{
    /// <summary>What <see cref="Peek"/> and <see cref="Next"/> return at the end (text/scanner's EOF).</summary>
    public const int End = -1;

    private readonly string _text;
    private readonly bool _loneSurrogateAsReplacement;
    private int _position;

    /// <param name="text">The text to read.</param>
    /// <param name="loneSurrogateAsReplacement">
    /// True to read a lone surrogate as U+FFFD (<see cref="GoText.RuneAt"/>), false to read it as itself
    /// (<see cref="GoText.CodePointAt"/>).
    /// </param>
    public RuneCursor(string text, bool loneSurrogateAsReplacement)
    {
        _text = text;
        _loneSurrogateAsReplacement = loneSurrogateAsReplacement;

        // text/scanner skips a byte order mark that starts its input (Scanner.Peek), so BuildKit never sees it.
        _position = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
    }

    public bool AtEnd => _position >= _text.Length;

    public int Peek() => _position < _text.Length ? Read(out _) : End;

    public int Next()
    {
        if (_position >= _text.Length)
        {
            return End;
        }

        var rune = Read(out var width);
        _position += width;
        return rune;
    }

    private int Read(out int width) =>
        _loneSurrogateAsReplacement ? GoText.RuneAt(_text, _position, out width) : GoText.CodePointAt(_text, _position, out width);
}

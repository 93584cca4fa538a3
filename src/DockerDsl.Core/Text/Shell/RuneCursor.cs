namespace DockerDsl.Core.Text.Shell;

/// <summary>Reads a string one code point at a time with one of look-ahead, as Go's text/scanner Peek and Next do.</summary>
internal sealed class RuneCursor
{
    /// <summary>What <see cref="Peek"/> and <see cref="Next"/> return at the end (text/scanner's EOF).</summary>
    public const int End = -1;

    private readonly string _text;
    private int _position;

    public RuneCursor(string text)
    {
        _text = text;

        // text/scanner skips a byte order mark that starts its input (Scanner.Peek), so BuildKit never sees it.
        _position = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
    }

    public bool AtEnd => _position >= _text.Length;

    public int Peek() => _position < _text.Length ? GoText.CodePointAt(_text, _position, out _) : End;

    public int Next()
    {
        if (_position >= _text.Length)
        {
            return End;
        }

        var rune = GoText.CodePointAt(_text, _position, out var width);
        _position += width;
        return rune;
    }
}

namespace DockerDsl.Core.Text.Syntax;

/// <summary>
/// BuildKit's bufio.Scanner with its scanLines split: one line at a time with its <c>\n</c> kept, and no
/// line longer than bufio.MaxScanTokenSize (64 KiB) in UTF-8, at which point scanning stops as in Go.
/// </summary>
internal sealed class LineScanner
{
    /// <summary>The longest line, in UTF-8 bytes without its newline, that Go's scanner accepts.</summary>
    public const int MaxLineBytes = 65535;

    private readonly string _text;
    private int _pos;

    public LineScanner(string text)
    {
        _text = text;
    }

    /// <summary>True when scanning stopped at a line that is too long.</summary>
    public bool TooLong { get; private set; }

    public bool Next(out string line)
    {
        line = string.Empty;
        if (TooLong || _pos >= _text.Length)
        {
            return false;
        }

        var newline = _text.IndexOf('\n', _pos);
        var end = newline < 0 ? _text.Length : newline + 1;
        var contentLength = (newline < 0 ? _text.Length : newline) - _pos;

        // Only a long line can pass the limit; counting bytes of short ones would cost for nothing.
        if (contentLength * 3 > MaxLineBytes && GoText.Utf8Length(_text, _pos, contentLength) > MaxLineBytes)
        {
            TooLong = true;
            return false;
        }

        line = _text.Substring(_pos, end - _pos);
        _pos = end;
        return true;
    }
}

using System.Text;

namespace DockerDsl.Core.Emit;

/// <summary>Builds Dockerfile text: LF line endings, continuation lines with the file's escape character.</summary>
internal sealed class DockerfileWriter
{
    private const string Indent = "    ";
    private readonly StringBuilder _text = new();

    public DockerfileWriter(char escape) => Escape = escape;

    public char Escape { get; }

    public void Line(string line) => _text.Append(line).Append('\n');

    public void BlankLine()
    {
        if (_text.Length > 0 && !EndsWithBlankLine())
        {
            _text.Append('\n');
        }
    }

    /// <summary>Writes one instruction spread over physical lines; every line but the last ends with a continuation.</summary>
    public void Continued(string first, System.Collections.Generic.IReadOnlyList<string> rest)
    {
        _text.Append(first);
        foreach (var line in rest)
        {
            _text.Append(' ').Append(Escape).Append('\n').Append(Indent).Append(line);
        }

        _text.Append('\n');
    }

    /// <summary>Writes heredoc lines verbatim, then the closing marker.</summary>
    public void HeredocBody(string body, string marker)
    {
        _text.Append(body);
        if (body.Length > 0 && body[body.Length - 1] != '\n')
        {
            _text.Append('\n');
        }

        _text.Append(marker).Append('\n');
    }

    public override string ToString() => _text.ToString();

    private bool EndsWithBlankLine() => _text.Length >= 2 && _text[_text.Length - 1] == '\n' && _text[_text.Length - 2] == '\n';
}

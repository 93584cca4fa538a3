using System.Text;

namespace DockerDsl.Core.Import;

/// <summary>Builds C# source: LF line endings, four spaces per level, at most one blank line in a row.</summary>
internal sealed class CSharpWriter
{
    private readonly StringBuilder _text = new();

    public int Indent { get; set; }

    public string IndentText => new(' ', Indent * 4);

    public void Line(string line) => Raw(line.Length == 0 ? line : IndentText + line);

    /// <summary>Writes a line already indented.</summary>
    public void Raw(string line) => _text.Append(line).Append('\n');

    public void BlankLine()
    {
        var length = _text.Length;
        if (length > 0 && !(length >= 2 && _text[length - 1] == '\n' && _text[length - 2] == '\n') && !EndsWith("{\n"))
        {
            _text.Append('\n');
        }
    }

    public override string ToString() => _text.ToString();

    private bool EndsWith(string end) => _text.Length >= end.Length && _text.ToString(_text.Length - end.Length, end.Length) == end;
}

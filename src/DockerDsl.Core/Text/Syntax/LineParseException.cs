namespace DockerDsl.Core.Text.Syntax;

/// <summary>A line parser's error, placed at the instruction's lines by the caller.</summary>
internal sealed class LineParseException : System.Exception
{
    public LineParseException(string message)
        : base(message)
    {
    }
}

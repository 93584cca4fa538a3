namespace DockerDsl.Core.Text;

/// <summary>
/// Dockerfile text that BuildKit refuses to build: the message is BuildKit's where it has one, and
/// <see cref="Line"/> the instruction's first line (0 when the error is about the whole file).
/// </summary>
public sealed class DockerfileReadException : System.Exception
{
    public DockerfileReadException(string reason, int line)
        : base(line > 0 ? $"line {line}: {reason}" : reason)
    {
        Reason = reason;
        Line = line;
    }

    public string Reason { get; }

    public int Line { get; }
}

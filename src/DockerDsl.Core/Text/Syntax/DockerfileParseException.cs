namespace DockerDsl.Core.Text.Syntax;

/// <summary>
/// The one error the Dockerfile parser throws: BuildKit refuses the text. <see cref="Reason"/> is BuildKit's
/// message; <see cref="System.Exception.Message"/> adds the line, e.g. <c>line 3: ENV must have two arguments</c>.
/// </summary>
public sealed class DockerfileParseException : System.Exception
{
    /// <summary>Creates the error for lines <paramref name="startLine"/> to <paramref name="endLine"/> (0 when no line applies).</summary>
    public DockerfileParseException(string reason, int startLine, int endLine)
        : base(Format(reason, startLine, endLine))
    {
        Reason = reason;
        StartLine = startLine;
        EndLine = endLine < startLine ? startLine : endLine;
    }

    /// <summary>BuildKit's message, without the line.</summary>
    public string Reason { get; }

    /// <summary>The 1-based first line at fault, or 0 when the error is about no line (an empty file).</summary>
    public int StartLine { get; }

    /// <summary>The 1-based last line at fault (the end of a continued instruction or heredoc).</summary>
    public int EndLine { get; }

    private static string Format(string reason, int startLine, int endLine)
    {
        if (startLine <= 0)
        {
            return reason;
        }

        return endLine > startLine ? $"lines {startLine}-{endLine}: {reason}" : $"line {startLine}: {reason}";
    }
}

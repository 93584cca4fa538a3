namespace DockerDsl.Core.Text.Syntax;

/// <summary>A shell lexing error, with BuildKit's message.</summary>
internal sealed class LexException : System.Exception
{
    public LexException(string message)
        : base(message)
    {
    }
}

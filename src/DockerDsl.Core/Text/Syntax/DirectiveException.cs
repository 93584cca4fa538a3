namespace DockerDsl.Core.Text.Syntax;

/// <summary>A directive error, placed at a line by the caller.</summary>
internal sealed class DirectiveException : System.Exception
{
    public DirectiveException(string message)
        : base(message)
    {
    }
}

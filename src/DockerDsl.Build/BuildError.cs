namespace DockerDsl.Build;

/// <summary>An error to log: its code (see <see cref="BuildDiagnostics"/>) and a message that says how to fix it.</summary>
internal sealed class BuildError
{
    public BuildError(string code, string message)
    {
        Code = code;
        Message = message;
    }

    public string Code { get; }

    public string Message { get; }
}

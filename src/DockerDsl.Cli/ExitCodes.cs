namespace DockerDsl.Cli;

/// <summary>What <c>dockerdsl</c> exits with; CI scripts rely on these.</summary>
public static class ExitCodes
{
    /// <summary>No finding reaches the fail level.</summary>
    public const int Success = 0;

    /// <summary>At least one finding reaches the fail level; for <c>lock --check</c>, a tag moved or an image is not locked.</summary>
    public const int FindingsAtFailLevel = 1;

    /// <summary>A usage error, an input that could not be read or linted, or an internal error.</summary>
    public const int Error = 2;
}

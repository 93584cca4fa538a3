namespace DockerDsl.Core.Text.Shell;

/// <summary>
/// How variable names are compared. BuildKit decides by the operating system it runs on
/// (equal_env_unix.go, equal_env_windows.go), not by the platform it builds for.
/// </summary>
public enum EnvironmentKeyComparison
{
    /// <summary>BuildKit on Unix: <c>$pwd</c> and <c>$PWD</c> are different variables.</summary>
    CaseSensitive,

    /// <summary>BuildKit on Windows: names are compared upper-cased, so <c>$pwd</c> reads PWD.</summary>
    CaseInsensitive,
}

namespace DockerDsl.Core.Rules;

/// <summary>Path checks shared by the WORKDIR and COPY rules.</summary>
public static class Paths
{
    /// <summary>True for <c>/x</c>, a Windows drive path, or a value that starts with a variable (its value decides).</summary>
    public static bool IsAbsolute(string path) =>
        path.StartsWith("/", System.StringComparison.Ordinal)
        || path.StartsWith("$", System.StringComparison.Ordinal)
        || (path.Length >= 2 && char.IsLetter(path[0]) && path[1] == ':');
}

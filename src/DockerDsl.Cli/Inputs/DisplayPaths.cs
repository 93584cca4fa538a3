using System;
using System.IO;

namespace DockerDsl.Cli.Inputs;

/// <summary>How reports name files: relative to the current directory, with '/'.</summary>
internal static class DisplayPaths
{
    public static string Relative(string currentDirectory, string fullPath)
    {
        var relative = Path.GetRelativePath(currentDirectory, fullPath);
        return Path.DirectorySeparatorChar == '/' ? relative : relative.Replace(Path.DirectorySeparatorChar, '/');
    }

    /// <summary>True when <paramref name="displayPath"/> leads out of the current directory (or to another drive).</summary>
    public static bool IsOutside(string displayPath) =>
        displayPath == ".." || displayPath.StartsWith("../", StringComparison.Ordinal) || Path.IsPathRooted(displayPath);

    /// <summary>The full path with '/', for comparing and sorting paths the same way on every platform.</summary>
    public static string Normalized(string fullPath) =>
        Path.DirectorySeparatorChar == '/' ? fullPath : fullPath.Replace(Path.DirectorySeparatorChar, '/');
}

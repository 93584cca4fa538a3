namespace DockerDsl.Core.Lock;

/// <summary>How the compiler side finds and reads the lock file among a project's additional files.</summary>
public static class LockFiles
{
    /// <summary>Whether <paramref name="path"/> names a <c>dockerdsl.lock.json</c>.</summary>
    public static bool IsLockFile(string path)
    {
        var slash = System.Math.Max(path.LastIndexOf('/'), path.LastIndexOf('\\'));
        return string.Equals(path.Substring(slash + 1), LockFile.FileName, System.StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The lock file in <paramref name="text"/>, or null when there is none or it cannot be read (the analyzers say why).</summary>
    public static LockFile? Read(string? text)
    {
        if (text is null)
        {
            return null;
        }

        try
        {
            return LockFileReader.Read(text);
        }
        catch (LockFileException)
        {
            return null;
        }
    }
}

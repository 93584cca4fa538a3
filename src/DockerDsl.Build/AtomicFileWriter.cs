using System;
using System.IO;

namespace DockerDsl.Build;

/// <summary>Whether a file had to be written.</summary>
internal enum WriteOutcome
{
    Written,
    Unchanged,
}

/// <summary>
/// Writes a file only when its bytes change, through a temporary file in the same folder that is then
/// renamed over the target, so readers never see a half-written file and a failure leaves the old one.
/// </summary>
internal static class AtomicFileWriter
{
    /// <exception cref="TargetNotWritableException">The target is read-only or is a folder.</exception>
    /// <exception cref="IOException">Any other file system failure.</exception>
    /// <exception cref="UnauthorizedAccessException">The folder or file cannot be written.</exception>
    public static WriteOutcome WriteIfChanged(string path, byte[] content)
    {
        var exists = File.Exists(path);
        if (exists && HasContent(path, content))
        {
            return WriteOutcome.Unchanged;
        }

        // A rename would replace a read-only file silently on Unix (and as root anywhere): refuse explicitly.
        if (exists && (File.GetAttributes(path) & FileAttributes.ReadOnly) != 0)
        {
            throw new TargetNotWritableException(BuildDiagnostics.ReadOnlyReason);
        }

        var directory = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(directory);
        // A fixed-length name, so a target whose name is near the file system's limit still fits.
        var temporaryPath = Path.Combine(directory, ".dockerdsl-" + Guid.NewGuid().ToString("N") + ".tmp");
        try
        {
            using (var stream = new FileStream(temporaryPath, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(content, 0, content.Length);
                stream.Flush(flushToDisk: true);
            }

            if (exists)
            {
                File.Replace(temporaryPath, path, destinationBackupFileName: null, ignoreMetadataErrors: true);
            }
            else
            {
                File.Move(temporaryPath, path);
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException && Directory.Exists(path))
        {
            throw new TargetNotWritableException(BuildDiagnostics.IsFolderReason);
        }
        finally
        {
            DeleteIfPresent(temporaryPath);
        }

        return WriteOutcome.Written;
    }

    private static bool HasContent(string path, byte[] content)
    {
        if (new FileInfo(path).Length != content.Length)
        {
            return false;
        }

        var existing = File.ReadAllBytes(path);
        if (existing.Length != content.Length)
        {
            return false;
        }

        for (var i = 0; i < existing.Length; i++)
        {
            if (existing[i] != content[i])
            {
                return false;
            }
        }

        return true;
    }

    private static void DeleteIfPresent(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Best effort: the original failure is the one worth reporting.
        }
    }
}

/// <summary>The target exists but must not be overwritten; the message says why and how to fix it.</summary>
internal sealed class TargetNotWritableException : IOException
{
    public TargetNotWritableException(string reason)
        : base(reason)
    {
    }
}

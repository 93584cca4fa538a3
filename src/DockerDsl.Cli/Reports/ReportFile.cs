using System;
using System.IO;
using System.Text;

namespace DockerDsl.Cli.Reports;

/// <summary>Writes <c>--output</c>: a temporary file beside the target, then a rename, so the target is never half-written.</summary>
internal static class ReportFile
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <param name="beforeReplace">Runs between writing the temporary file and the rename (tests make it fail).</param>
    public static void Write(string path, string text, Action? beforeReplace = null)
    {
        var folder = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(folder);
        var temporary = Path.Combine(folder, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(Utf8.GetBytes(text));
                stream.Flush(flushToDisk: true);
            }

            beforeReplace?.Invoke();
            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // The temporary file is all that is left; the target is untouched either way.
        }
    }
}

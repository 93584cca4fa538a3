using System;
using System.IO;
using Microsoft.Build.Utilities;

namespace DockerDsl.Build.Images;

/// <summary>What both image tasks do with the bake file.</summary>
internal static class ImageBuild
{
    public static bool TryRead(TaskLoggingHelper log, string bakeFile, out BakeFile.Contents bake)
    {
        bake = null!;
        if (!File.Exists(bakeFile))
        {
            Error(log, BuildDiagnostics.BakeFileMissing, BuildDiagnostics.BakeFileMissingMessage, bakeFile);
            return false;
        }

        try
        {
            bake = Images.BakeFile.Parse(File.ReadAllText(bakeFile));
            return true;
        }
        catch (FormatException exception)
        {
            Error(log, BuildDiagnostics.BakeFileUnreadable, BuildDiagnostics.BakeFileUnreadableMessage, bakeFile, exception.Message);
            return false;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            Error(log, BuildDiagnostics.BakeFileUnreadable, BuildDiagnostics.BakeFileUnreadableMessage, bakeFile, exception.Message);
            return false;
        }
    }

    /// <summary>The full path of a target's Dockerfile: bake resolves it relative to the context.</summary>
    public static string DockerfilePath(string projectDirectory, BakeTarget target) =>
        Path.GetFullPath(Path.Combine(projectDirectory, target.Context, target.Dockerfile));

    public static void Error(TaskLoggingHelper log, string code, string format, params object[] arguments) =>
        log.LogError(null, code, null, null, 0, 0, 0, 0, format, arguments);
}

using System;
using System.Globalization;
using System.IO;
using System.Runtime.InteropServices;

namespace DockerDsl.Build;

/// <summary>
/// Turns a declared Dockerfile path into a full path under a base folder, refusing paths that are
/// empty, absolute, name a folder, or (unless allowed) escape the base folder.
/// </summary>
internal sealed class DockerfilePathResolver
{
    private readonly string _baseDirectory;
    private readonly string _baseDirectoryDescription;
    private readonly bool _allowOutside;

    /// <param name="baseDirectory">Full path of the folder declared paths are relative to.</param>
    /// <param name="baseDirectoryDescription">How messages name that folder, e.g. "the project folder".</param>
    /// <param name="allowOutside">Whether a path may resolve outside <paramref name="baseDirectory"/>.</param>
    public DockerfilePathResolver(string baseDirectory, string baseDirectoryDescription, bool allowOutside)
    {
        _baseDirectory = WithTrailingSeparator(Path.GetFullPath(baseDirectory));
        _baseDirectoryDescription = baseDirectoryDescription;
        _allowOutside = allowOutside;
    }

    /// <summary>File paths compare case-insensitively where the usual file systems do (Windows, macOS).</summary>
    public static StringComparison PathComparison { get; } =
        RuntimeInformation.IsOSPlatform(OSPlatform.Linux) ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;

    /// <summary>The comparer that matches <see cref="PathComparison"/>.</summary>
    public static StringComparer PathComparer { get; } =
        PathComparison == StringComparison.Ordinal ? StringComparer.Ordinal : StringComparer.OrdinalIgnoreCase;

    /// <summary>Resolves <paramref name="declaredPath"/>; on failure <paramref name="error"/> holds the code and message.</summary>
    public bool TryResolve(string? declaredPath, out string fullPath, out BuildError? error)
    {
        fullPath = string.Empty;
        error = null;

        if (declaredPath is null || declaredPath.Trim().Length == 0)
        {
            error = InvalidPath(declaredPath ?? string.Empty, "empty");
            return false;
        }

        // Declared paths use '/', but a '\' typed by a Windows user means the same on every OS.
        var relative = declaredPath.Replace('\\', '/');
        if (relative.StartsWith("/", StringComparison.Ordinal) || Path.IsPathRooted(relative) || HasDriveLetter(relative))
        {
            error = InvalidPath(declaredPath, "absolute");
            return false;
        }

        var fileName = relative.Substring(relative.LastIndexOf('/') + 1);
        if (fileName.Length == 0 || fileName == "." || fileName == "..")
        {
            error = InvalidPath(declaredPath, "a folder, not a file");
            return false;
        }

        try
        {
            fullPath = Path.GetFullPath(Path.Combine(_baseDirectory, relative.Replace('/', Path.DirectorySeparatorChar)));
        }
        catch (Exception exception) when (exception is ArgumentException or NotSupportedException or PathTooLongException)
        {
            error = InvalidPath(declaredPath, "not a valid path (" + exception.Message + ")");
            return false;
        }

        if (!_allowOutside && !fullPath.StartsWith(_baseDirectory, PathComparison))
        {
            error = new BuildError(
                BuildDiagnostics.OutsideProject,
                Format(BuildDiagnostics.OutsideProjectMessage, declaredPath, fullPath, _baseDirectoryDescription, _baseDirectory.TrimEnd(Path.DirectorySeparatorChar)));
            return false;
        }

        return true;
    }

    private static bool HasDriveLetter(string path) =>
        path.Length >= 2 && path[1] == ':' && char.IsLetter(path[0]);

    private static string WithTrailingSeparator(string path) =>
        path.EndsWith(Path.DirectorySeparatorChar.ToString(), StringComparison.Ordinal) ? path : path + Path.DirectorySeparatorChar;

    private static BuildError InvalidPath(string declaredPath, string reason) =>
        new(BuildDiagnostics.InvalidPath, Format(BuildDiagnostics.InvalidPathMessage, declaredPath, reason));

    private static string Format(string format, params object[] arguments) =>
        string.Format(CultureInfo.InvariantCulture, format, arguments);
}

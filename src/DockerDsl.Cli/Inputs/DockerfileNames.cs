using System;
using System.IO;

namespace DockerDsl.Cli.Inputs;

/// <summary>Which file names a folder search takes for Dockerfiles, and which folders it leaves out.</summary>
internal static class DockerfileNames
{
    /// <summary>Folders a search never enters: version control, build output and package caches.</summary>
    public static readonly string[] SkippedFolders = { ".git", ".hg", ".svn", "bin", "obj", "node_modules" };

    /// <summary><c>Dockerfile</c>, <c>*.Dockerfile</c> or <c>Dockerfile.*</c>, in any case; never a <c>*.dockerignore</c>.</summary>
    public static bool IsDockerfile(string fileName) =>
        !IsDockerignore(fileName)
        && (fileName.Equals("Dockerfile", StringComparison.OrdinalIgnoreCase)
            || fileName.EndsWith(".Dockerfile", StringComparison.OrdinalIgnoreCase)
            || fileName.StartsWith("Dockerfile.", StringComparison.OrdinalIgnoreCase));

    public static bool IsDockerignore(string fileName) =>
        fileName.EndsWith(".dockerignore", StringComparison.OrdinalIgnoreCase);

    public static bool IsSkippedFolder(string folderName) =>
        Array.Exists(SkippedFolders, skipped => skipped.Equals(folderName, StringComparison.OrdinalIgnoreCase));

    /// <summary>True for a real folder to descend into: not a skipped one, nor a link (which could loop).</summary>
    public static bool ShouldEnter(DirectoryInfo folder) =>
        !IsSkippedFolder(folder.Name) && (folder.Attributes & FileAttributes.ReparsePoint) == 0;
}

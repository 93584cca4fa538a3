using System;
using System.Collections.Generic;
using System.IO;
using DockerDsl.Core.Lint;

namespace DockerDsl.Cli.Inputs;

/// <summary>What the paths on the command line name: the Dockerfiles to lint, and the arguments that name none.</summary>
/// <param name="Files">Full paths, each once, in ordinal order of their '/'-separated full paths.</param>
/// <param name="Errors">One per argument that names no Dockerfile, in argument order.</param>
internal sealed record ExpandedInputs(IReadOnlyList<string> Files, IReadOnlyList<LintError> Errors);

/// <summary>Turns the <c>lint</c> arguments into Dockerfiles: a file is itself, a folder every Dockerfile under it, a glob its matches.</summary>
internal static class InputExpander
{
    public static ExpandedInputs Expand(IEnumerable<string> arguments, string currentDirectory)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var errors = new List<LintError>();
        foreach (var argument in arguments)
        {
            var fullPath = Path.GetFullPath(argument, currentDirectory);
            if (File.Exists(fullPath))
            {
                if (DockerfileNames.IsDockerignore(Path.GetFileName(fullPath)))
                {
                    errors.Add(new LintError(argument, 0, "is a .dockerignore file, not a Dockerfile"));
                    continue;
                }

                Add(files, fullPath);
            }
            else if (Directory.Exists(fullPath))
            {
                if (!AddAll(files, SearchFolder(fullPath)))
                {
                    errors.Add(new LintError(argument, 0, "holds no Dockerfile (Dockerfile, *.Dockerfile or Dockerfile.*)"));
                }
            }
            else if (PathGlob.HasWildcards(argument))
            {
                var glob = PathGlob.TryCreate(argument, currentDirectory);
                if (glob is null)
                {
                    errors.Add(new LintError(argument, 0, "is not a valid glob (an unclosed '[' or '{')"));
                }
                else if (!AddAll(files, Matches(glob)))
                {
                    errors.Add(new LintError(argument, 0, "matches no file"));
                }
            }
            else
            {
                errors.Add(new LintError(argument, 0, "no such file or folder"));
            }
        }

        return new ExpandedInputs(new List<string>(files.Values), errors);
    }

    /// <summary>Every Dockerfile under <paramref name="folder"/>, recursively, skipping <see cref="DockerfileNames.SkippedFolders"/>.</summary>
    public static IEnumerable<string> SearchFolder(string folder)
    {
        var pending = new Stack<DirectoryInfo>();
        pending.Push(new DirectoryInfo(folder));
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            FileSystemInfo[] entries;
            try
            {
                entries = current.GetFileSystemInfos();
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            foreach (var entry in entries)
            {
                if (entry is DirectoryInfo subfolder)
                {
                    if (DockerfileNames.ShouldEnter(subfolder))
                    {
                        pending.Push(subfolder);
                    }
                }
                else if (DockerfileNames.IsDockerfile(entry.Name))
                {
                    yield return entry.FullName;
                }
            }
        }
    }

    private static IEnumerable<string> Matches(PathGlob glob)
    {
        foreach (var file in glob.Files())
        {
            if (!DockerfileNames.IsDockerignore(Path.GetFileName(file)))
            {
                yield return file;
            }
        }
    }

    private static bool AddAll(SortedDictionary<string, string> files, IEnumerable<string> found)
    {
        var any = false;
        foreach (var file in found)
        {
            Add(files, file);
            any = true;
        }

        return any;
    }

    private static void Add(SortedDictionary<string, string> files, string fullPath) =>
        files.TryAdd(DisplayPaths.Normalized(fullPath), fullPath);
}

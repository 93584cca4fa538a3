using System;
using System.Collections.Generic;
using System.IO;

namespace DockerDsl.Build.Images;

/// <summary>
/// The files of a build context that can change an image, for the build target's Inputs. Leaves out what the
/// generated <c>.dockerignore</c> always excludes (Core's DockerignoreEmitter.DefaultPatterns: bin/, obj/, .git/,
/// IDE folders, TestResults/, node_modules/, *.user), so a build of the project itself does not make the images
/// out of date. A declared <c>Ignore</c> pattern is not applied: a change to such a file runs bake again, which
/// finds every step in its cache.
/// </summary>
internal static class ContextFiles
{
    private static readonly HashSet<string> IgnoredFolders = new(StringComparer.OrdinalIgnoreCase)
    {
        "bin", "obj", ".git", ".vs", ".vscode", ".idea", "TestResults", "node_modules",
    };

    public static IEnumerable<string> Under(string folder)
    {
        var pending = new Stack<string>();
        pending.Push(folder);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            string[] files, folders;
            try
            {
                files = Directory.GetFiles(current);
                folders = Directory.GetDirectories(current);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // Unreadable for us is unreadable for BuildKit too: bake reports it.
                continue;
            }

            Array.Sort(files, StringComparer.Ordinal);
            foreach (var file in files)
            {
                if (!file.EndsWith(".user", StringComparison.OrdinalIgnoreCase))
                {
                    yield return file;
                }
            }

            Array.Sort(folders, StringComparer.Ordinal);
            for (var i = folders.Length - 1; i >= 0; i--)
            {
                if (!IgnoredFolders.Contains(Path.GetFileName(folders[i])))
                {
                    pending.Push(folders[i]);
                }
            }
        }
    }
}

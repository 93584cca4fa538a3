using System;
using System.Collections.Generic;
using System.IO;
using DockerDsl.Core.Rules;

namespace DockerDsl.Build;

/// <summary>
/// The paths of a build context that BuildKit receives: files the <c>.dockerignore</c> keeps, and folders it keeps or
/// that hold something a later <c>!pattern</c> brings back (fsutil sends a left-out folder only for what it brings
/// back). Relative to the context root, with '/'. Symbolic links are entries, never followed.
/// </summary>
internal sealed class ContextSnapshot
{
    private readonly List<string> _entries;
    private readonly HashSet<string> _set;

    private ContextSnapshot()
    {
        _entries = new List<string>();
        _set = new HashSet<string>(StringComparer.Ordinal);
    }

    private void Add(string path)
    {
        if (_set.Add(path))
        {
            _entries.Add(path);
        }
    }

    /// <summary>
    /// Walks <paramref name="root"/>; with <paramref name="ignoreOnDisk"/> every path on disk, else only what the
    /// patterns keep. Null when the context holds more than <see cref="ContextChecker.MaxEntries"/> entries.
    /// </summary>
    public static ContextSnapshot? Read(string root, DockerignorePatterns patterns, bool ignoreOnDisk)
    {
        var snapshot = new ContextSnapshot();
        var pending = new Stack<(string Full, string Relative)>();
        pending.Push((root, string.Empty));
        while (pending.Count > 0)
        {
            var (folder, relative) = pending.Pop();
            FileSystemInfo[] children;
            try
            {
                children = new DirectoryInfo(folder).GetFileSystemInfos();
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            foreach (var child in children)
            {
                if (snapshot._entries.Count > ContextChecker.MaxEntries)
                {
                    return null;
                }

                var path = relative.Length == 0 ? child.Name : relative + "/" + child.Name;
                var isFolder = child is DirectoryInfo && (child.Attributes & FileAttributes.ReparsePoint) == 0;
                if (ignoreOnDisk)
                {
                    snapshot.Add(path);
                }
                else if (!isFolder)
                {
                    if (patterns.ExcludedBy(path) is null)
                    {
                        snapshot.Add(path);
                        snapshot.AddParents(path);
                    }

                    continue;
                }
                else if (patterns.ExcludedWithContentsBy(path) is not null)
                {
                    continue;
                }
                else if (patterns.ExcludedBy(path) is null)
                {
                    snapshot.Add(path);
                }

                if (isFolder)
                {
                    pending.Push((child.FullName, path));
                }
            }
        }

        return snapshot;
    }

    /// <summary>
    /// Whether the source (its fixed directories and the wildcard rest, as split by ContextSources.SplitWildcards)
    /// finds something: the path itself, or a path below the directory that the rest matches. Null when it cannot be told.
    /// </summary>
    public bool? Finds(string directory, string? pattern)
    {
        if (pattern is null)
        {
            return _set.Contains(directory);
        }

        var unknown = false;
        foreach (var entry in Below(directory))
        {
            switch (ContextSources.MatchesWildcards(pattern, entry.Remainder))
            {
                case true:
                    return true;
                case null:
                    unknown = true;
                    break;
            }
        }

        return unknown ? null : false;
    }

    /// <summary>The first path the source finds, or null.</summary>
    public string? FirstMatch(string directory, string? pattern)
    {
        if (pattern is null)
        {
            return _set.Contains(directory) ? directory : null;
        }

        foreach (var entry in Below(directory))
        {
            if (ContextSources.MatchesWildcards(pattern, entry.Remainder) == true)
            {
                return entry.Path;
            }
        }

        return null;
    }

    private IEnumerable<(string Path, string Remainder)> Below(string directory)
    {
        var prefix = directory.Length == 0 ? string.Empty : directory + "/";
        foreach (var entry in _entries)
        {
            if (entry.StartsWith(prefix, StringComparison.Ordinal) && entry.Length > prefix.Length)
            {
                yield return (entry, entry.Substring(prefix.Length));
            }
        }
    }

    // A kept file inside a left-out folder brings the folder (and its parents) with it.
    private void AddParents(string path)
    {
        for (var slash = path.LastIndexOf('/'); slash > 0; slash = path.LastIndexOf('/', slash - 1))
        {
            Add(path.Substring(0, slash));
        }
    }
}

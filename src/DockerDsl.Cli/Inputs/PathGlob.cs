using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.RegularExpressions;

namespace DockerDsl.Cli.Inputs;

/// <summary>
/// A command-line glob, for shells that do not expand one (or quoted ones): <c>*</c> and <c>?</c> within one path
/// segment, <c>**</c> as a whole segment for any number of folders (none included), <c>[abc]</c>, <c>[!a-z]</c> and
/// <c>{a,b}</c>. The segments before the first wildcard name the folder the search starts in.
/// </summary>
internal sealed class PathGlob
{
    private readonly Regex _regex;
    private readonly int _depth;

    private PathGlob(string baseDirectory, Regex regex, int depth)
    {
        BaseDirectory = baseDirectory;
        _regex = regex;
        _depth = depth;
    }

    /// <summary>The full path of the folder the search starts in.</summary>
    public string BaseDirectory { get; }

    public static bool HasWildcards(string text) => text.AsSpan().IndexOfAny("*?[{") >= 0;

    /// <summary>The glob for <paramref name="pattern"/>, or null when it is malformed (an unclosed bracket or brace).</summary>
    public static PathGlob? TryCreate(string pattern, string currentDirectory)
    {
        var segments = pattern.Split(Path.DirectorySeparatorChar == '/' ? new[] { '/' } : new[] { '/', '\\' });
        var literal = 0;
        while (literal < segments.Length - 1 && !HasWildcards(segments[literal]))
        {
            literal++;
        }

        var prefix = string.Join("/", segments, 0, literal);
        var baseDirectory = Path.GetFullPath(prefix.Length == 0 ? (pattern.StartsWith('/') ? "/" : ".") : prefix, currentDirectory);
        var regex = new StringBuilder("^");
        var depth = 0;
        for (var index = literal; index < segments.Length; index++)
        {
            var segment = segments[index];
            var last = index == segments.Length - 1;
            if (segment == "**")
            {
                depth = int.MaxValue;
                regex.Append(last ? ".*" : "(?:[^/]+/)*");
                continue;
            }

            if (segment.Length == 0)
            {
                continue;
            }

            if (!TryCompileSegment(segment, regex))
            {
                return null;
            }

            if (!last)
            {
                regex.Append('/');
            }

            depth = depth == int.MaxValue ? depth : depth + 1;
        }

        regex.Append('$');
        var options = RegexOptions.CultureInvariant | RegexOptions.NonBacktracking | (OperatingSystem.IsWindows() ? RegexOptions.IgnoreCase : RegexOptions.None);
        return new PathGlob(baseDirectory, new Regex(regex.ToString(), options), depth);
    }

    /// <summary>The files under <see cref="BaseDirectory"/> that match, skipping <see cref="DockerfileNames.SkippedFolders"/>.</summary>
    public IEnumerable<string> Files()
    {
        var root = new DirectoryInfo(BaseDirectory);
        if (!root.Exists)
        {
            yield break;
        }

        var pending = new Stack<(DirectoryInfo Folder, string Relative, int Depth)>();
        pending.Push((root, string.Empty, 0));
        while (pending.Count > 0)
        {
            var (folder, relative, depth) = pending.Pop();
            foreach (var entry in SafeEntries(folder))
            {
                var path = relative + entry.Name;
                if (entry is DirectoryInfo subfolder)
                {
                    if (depth + 1 < _depth && DockerfileNames.ShouldEnter(subfolder))
                    {
                        pending.Push((subfolder, path + "/", depth + 1));
                    }
                }
                else if (_regex.IsMatch(path))
                {
                    yield return entry.FullName;
                }
            }
        }
    }

    private static FileSystemInfo[] SafeEntries(DirectoryInfo folder)
    {
        try
        {
            return folder.GetFileSystemInfos();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return Array.Empty<FileSystemInfo>();
        }
    }

    private static bool TryCompileSegment(string segment, StringBuilder regex)
    {
        var index = 0;
        return TryCompile(segment, ref index, regex, inChoice: false) && index == segment.Length;
    }

    private static bool TryCompile(string text, ref int index, StringBuilder regex, bool inChoice)
    {
        while (index < text.Length)
        {
            var character = text[index];
            switch (character)
            {
                case '*':
                    index++;
                    while (index < text.Length && text[index] == '*')
                    {
                        index++;
                    }

                    regex.Append("[^/]*");
                    break;
                case '?':
                    index++;
                    regex.Append("[^/]");
                    break;
                case '[':
                    var close = text.IndexOf(']', index + 2 <= text.Length ? index + 2 : index + 1);
                    if (close < 0)
                    {
                        return false;
                    }

                    var body = text[(index + 1)..close];
                    var negated = body.StartsWith('!') || body.StartsWith('^');
                    regex.Append(negated ? "[^/" : "[");
                    foreach (var member in negated ? body[1..] : body)
                    {
                        regex.Append(member is '\\' or ']' or '[' or '^' ? "\\" + member : member.ToString());
                    }

                    regex.Append(']');
                    index = close + 1;
                    break;
                case '{':
                    index++;
                    regex.Append("(?:");
                    while (true)
                    {
                        if (!TryCompile(text, ref index, regex, inChoice: true) || index >= text.Length)
                        {
                            return false;
                        }

                        if (text[index++] == '}')
                        {
                            break;
                        }

                        regex.Append('|');
                    }

                    regex.Append(')');
                    break;
                case ',' or '}' when inChoice:
                    return true;
                default:
                    regex.Append(Regex.Escape(character.ToString()));
                    index++;
                    break;
            }
        }

        return !inChoice;
    }
}

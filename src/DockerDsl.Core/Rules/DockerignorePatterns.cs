using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace DockerDsl.Core.Rules;

/// <summary>
/// The patterns of a <c>.dockerignore</c> file, matched as BuildKit matches them (moby's
/// <c>ignorefile</c> and <c>patternmatcher</c>, with Linux and macOS path rules): paths relative to
/// the context root; <c>*</c>, <c>?</c>, <c>[...]</c> and <c>\</c> escapes as in Go's
/// <c>filepath.Match</c>, plus <c>**</c> for any number of directories; a path is excluded when it or
/// one of its parent directories matches, and the last pattern that applies decides, so a later
/// <c>!pattern</c> brings a path back.
/// </summary>
public sealed class DockerignorePatterns
{
    // Linux's PATH_MAX; matching a longer path against every parent would only cost time.
    private const int MaxPathLength = 4096;

    // The lines every generated .dockerignore starts with, read once: the analyzers check every Dockerfile on every compilation.
    private static readonly Dictionary<string, DockerignorePattern> DefaultPatterns = ReadDefaults();

    private readonly IReadOnlyList<DockerignorePattern> _patterns;

    // Set when a match ran out of time: the patterns cannot be told cheaply, so nothing more is decided.
    private bool _gaveUp;

    private DockerignorePatterns(IReadOnlyList<DockerignorePattern> patterns) => _patterns = patterns;

    /// <summary>Reads the text of a <c>.dockerignore</c> file: one pattern a line; lines starting with <c>#</c> and blank lines are skipped.</summary>
    public static DockerignorePatterns Parse(string text)
    {
        var patterns = new List<DockerignorePattern>();
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.EndsWith("\r", StringComparison.Ordinal) ? rawLine.Substring(0, rawLine.Length - 1) : rawLine;
            if (line.StartsWith("#", StringComparison.Ordinal))
            {
                continue;
            }

            var pattern = line.Trim();
            if (pattern.Length == 0)
            {
                continue;
            }

            patterns.Add(DefaultPatterns.TryGetValue(line, out var known) ? known : DockerignorePattern.Read(line, pattern));
        }

        return new DockerignorePatterns(patterns);
    }

    private static Dictionary<string, DockerignorePattern> ReadDefaults()
    {
        var defaults = new Dictionary<string, DockerignorePattern>(StringComparer.Ordinal);
        foreach (var line in Emit.DockerignoreEmitter.DefaultPatterns)
        {
            defaults[line] = DockerignorePattern.Read(line, line.Trim());
        }

        return defaults;
    }

    /// <summary>
    /// The pattern (as written) that leaves <paramref name="path"/> out of the build context, or null
    /// when the context has it. The path is relative to the context root; a leading <c>/</c> or
    /// <c>./</c> means the root. Null also when it cannot be told: a path that leaves the context, or
    /// a match that takes too long.
    /// </summary>
    public string? ExcludedBy(string path) => Decide(path) is { } decider ? _patterns[decider].Text : null;

    /// <summary>
    /// Like <see cref="ExcludedBy"/> for a path that may be a directory: the pattern that leaves it out
    /// together with everything under it, or null when a later exception (<c>!pattern</c>) could bring
    /// back something beneath it (BuildKit then sends the directory with what was brought back).
    /// </summary>
    public string? ExcludedWithContentsBy(string path)
    {
        if (Decide(path) is not { } decider)
        {
            return null;
        }

        // The deciding pattern matches the path, so it leaves out all beneath it; only a later exception can bring some back.
        var cleaned = ContextPath(path)!;
        for (var i = decider + 1; i < _patterns.Count; i++)
        {
            if (_patterns[i].Exclusion && _patterns[i].CouldMatchBelow(cleaned))
            {
                return null;
            }
        }

        return _patterns[decider].Text;
    }

    /// <summary>
    /// The pattern that leaves every entry of the context root out (<c>*</c>, <c>**</c> or <c>**/*</c>,
    /// those BuildKit's CopyIgnoredFile looks for when a COPY names the root), or null when there is none
    /// or a later exception (<c>!pattern</c>) brings something back.
    /// </summary>
    public string? ExcludesEverything()
    {
        for (var i = _patterns.Count - 1; i >= 0; i--)
        {
            var pattern = _patterns[i];
            if (pattern.Exclusion)
            {
                return null;
            }

            if (pattern.Cleaned is "*" or "**" or "**/*")
            {
                return pattern.Text;
            }
        }

        return null;
    }

    /// <summary>
    /// <paramref name="path"/> cleaned as Go's <c>filepath.Clean</c> does, relative to the context root
    /// (a leading <c>/</c> or <c>./</c> is the root); null for the root itself, for a path that climbs
    /// out of it with <c>..</c>, and for one longer than any file system allows.
    /// </summary>
    public static string? ContextPath(string path)
    {
        if (path.Length > MaxPathLength)
        {
            return null;
        }

        var cleaned = Clean(path);
        if (cleaned.StartsWith("/", StringComparison.Ordinal))
        {
            cleaned = cleaned.Substring(1);
        }

        return cleaned.Length == 0 || cleaned == "." || cleaned == ".." || cleaned.StartsWith("../", StringComparison.Ordinal) ? null : cleaned;
    }

    /// <summary>Go's <c>filepath.Clean</c> for '/' paths: no repeated or trailing '/', no <c>.</c>, <c>..</c> resolved where it can be.</summary>
    internal static string Clean(string path)
    {
        if (path.Length == 0)
        {
            return ".";
        }

        var rooted = path[0] == '/';
        var parts = new List<string>();
        foreach (var part in path.Split('/'))
        {
            if (part.Length == 0 || part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                if (parts.Count > 0 && parts[parts.Count - 1] != "..")
                {
                    parts.RemoveAt(parts.Count - 1);
                }
                else if (!rooted)
                {
                    parts.Add(part);
                }

                continue;
            }

            parts.Add(part);
        }

        var joined = string.Join("/", parts);
        return rooted ? "/" + joined : joined.Length == 0 ? "." : joined;
    }

    /// <summary>The index of the pattern that leaves <paramref name="path"/> out, or null when it stays in (or that cannot be told).</summary>
    private int? Decide(string path)
    {
        if (_gaveUp || ContextPath(path) is not { } cleaned)
        {
            return null;
        }

        var excluded = false;
        var decider = -1;
        try
        {
            for (var i = 0; i < _patterns.Count; i++)
            {
                var pattern = _patterns[i];

                // As moby does: an exception can only take back what is excluded, a pattern only add to what is not.
                if (pattern.Exclusion != excluded)
                {
                    continue;
                }

                if (pattern.Matches(cleaned) || MatchesParent(pattern, cleaned))
                {
                    excluded = !pattern.Exclusion;
                    decider = i;
                }
            }
        }
        catch (RegexMatchTimeoutException)
        {
            _gaveUp = true;
            return null;
        }

        return excluded ? decider : null;
    }

    private static bool MatchesParent(DockerignorePattern pattern, string path)
    {
        for (var slash = path.IndexOf('/'); slash > 0; slash = path.IndexOf('/', slash + 1))
        {
            if (pattern.Matches(path.Substring(0, slash)))
            {
                return true;
            }
        }

        return false;
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using DockerDsl.Core.Model;

namespace DockerDsl.Core.Rules;

/// <summary>Rules on COPY and ADD: ADD only for what COPY cannot do, remote files verified, local sources present in the build context.</summary>
public static class CopyRules
{
    // The archive extensions hadolint's DL3020 accepts for ADD; ADD extracts local tar archives.
    private static readonly string[] ArchiveExtensions =
    {
        ".tar", ".Z", ".bz2", ".gz", ".lz", ".lzma", ".tZ", ".tb2", ".tbz", ".tbz2", ".tgz", ".tlz", ".tpz", ".txz", ".xz", ".zst",
    };

    // What makes a COPY source a pattern (BuildKit also escapes with '\\'): the path is fixed only before them.
    private static readonly char[] WildcardCharacters = { '*', '?', '[', '\\' };

    /// <summary>
    /// DDSL011: ADD of local files that it does not unpack, which COPY does plainly: files that are not archives,
    /// or any with <c>--unpack=false</c> (BuildKit unpacks local tar archives unless told not to). No arguments.
    /// </summary>
    public static IEnumerable<Finding> AddInsteadOfCopy(DockerfileModel model) =>
        InstructionRules.All(model).OfType<CopyInstruction>()
            .Where(c => c.Kind == CopyKind.Add && c.HeredocContent is null && c.Checksum is null && !c.KeepGitDir && c.Unpack != true
                && c.Sources.Count > 0 && c.Sources.All(s => !IsRemote(s) && !IsGit(s) && (c.Unpack == false || !IsArchive(s))))
            .Select(c => Finding.At(c.Source));

    /// <summary>DDSL012: ADD of an http(s) URL without --checksum. Arguments: URL.</summary>
    public static IEnumerable<Finding> RemoteAddWithoutChecksum(DockerfileModel model)
    {
        foreach (var add in InstructionRules.All(model).OfType<CopyInstruction>())
        {
            if (add.Kind != CopyKind.Add || add.Checksum is not null)
            {
                continue;
            }

            foreach (var source in add.Sources.Where(s => IsRemote(s) && !IsGit(s)))
            {
                yield return Finding.At(add.Source.WithArgument(0), source);
            }
        }
    }

    /// <summary>
    /// DDSL029: a COPY or ADD source from the build context that the Dockerfile's .dockerignore
    /// (<paramref name="dockerignore"/>: the one DockerDsl writes, or the file BuildKit reads) leaves out, so
    /// the build does not find it. A source with wildcards is found only when the directory before its
    /// first wildcard is left out, since then nothing can match; the context root (<c>.</c>) only when a
    /// pattern leaves out all it holds, as BuildKit's CopyIgnoredFile does. With <paramref name="words"/>
    /// (Dockerfile text), sources are the expanded words, and one whose value the linter cannot know is not
    /// found. Found at the source. Arguments: keyword, source, the pattern that excludes it.
    /// </summary>
    public static IEnumerable<Finding> CopyIgnoredFile(DockerfileModel model, string dockerignore, ExpandedWords? words = null)
    {
        DockerignorePatterns? patterns = null;
        foreach (var copy in InstructionRules.All(model).OfType<CopyInstruction>())
        {
            if (copy.From is not null || copy.HeredocContent is not null)
            {
                continue;
            }

            var expanded = words?.Of(copy).Where(w => w.Role == WordRoles.Source).ToList();
            for (var i = 0; i < copy.Sources.Count; i++)
            {
                var source = copy.Sources[i];
                var path = expanded is null ? source : i < expanded.Count && expanded[i].IsDecided ? expanded[i].Result! : null;
                if (path is null || IsRemote(path) || (copy.Kind == CopyKind.Add && IsGit(path)))
                {
                    continue;
                }

                patterns ??= DockerignorePatterns.Parse(dockerignore);
                var pattern = DockerignorePatterns.ContextPath(path) is null && IsContextRoot(path) ? patterns.ExcludesEverything()
                    : LiteralPart(path) is { } literal ? patterns.ExcludedWithContentsBy(literal)
                    : null;
                if (pattern is not null)
                {
                    yield return Finding.At(copy.Source.WithElement(0, i), Keywords.Of(copy), source, pattern);
                }
            }
        }
    }

    private static bool IsContextRoot(string path) => DockerignorePatterns.Clean(path) is "." or "/";

    /// <summary>
    /// The part of a source that names a fixed path: all of it, or the directories before its first
    /// segment with a wildcard (or an escape); null when that is the context root, when a variable
    /// decides the path, or when it climbs out of the context.
    /// </summary>
    private static string? LiteralPart(string source)
    {
        var segments = source.Split('/');
        if (source.IndexOf('$') >= 0 || segments.Contains(".."))
        {
            return null;
        }

        var literal = segments.TakeWhile(s => s.IndexOfAny(WildcardCharacters) < 0);
        return DockerignorePatterns.ContextPath(string.Join("/", literal));
    }

    public static bool IsRemote(string source) =>
        source.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || source.StartsWith("https://", StringComparison.OrdinalIgnoreCase);

    public static bool IsGit(string source) =>
        source.StartsWith("git@", StringComparison.Ordinal) || source.StartsWith("git://", StringComparison.Ordinal)
        || source.Split('#')[0].EndsWith(".git", StringComparison.Ordinal);

    public static bool IsArchive(string source) => ArchiveExtensions.Any(e => source.EndsWith(e, StringComparison.Ordinal));
}

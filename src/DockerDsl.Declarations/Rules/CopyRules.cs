using System;
using System.Collections.Generic;
using System.Linq;
using DockerDsl.Declarations.Model;

namespace DockerDsl.Declarations.Rules;

/// <summary>Rules on ADD: it should be used only for what COPY cannot do, and remote files should be verified.</summary>
public static class CopyRules
{
    // The archive extensions hadolint's DL3020 accepts for ADD; ADD extracts local tar archives.
    private static readonly string[] ArchiveExtensions =
    {
        ".tar", ".Z", ".bz2", ".gz", ".lz", ".lzma", ".tZ", ".tb2", ".tbz", ".tbz2", ".tgz", ".tlz", ".tpz", ".txz", ".xz", ".zst",
    };

    /// <summary>DDSL011: ADD of local files that are not archives, which COPY does plainly. No arguments.</summary>
    public static IEnumerable<Finding> AddInsteadOfCopy(DockerfileModel model) =>
        InstructionRules.All(model).OfType<CopyInstruction>()
            .Where(c => c.Kind == CopyKind.Add && c.HeredocContent is null && c.Checksum is null && !c.KeepGitDir
                && c.Sources.Count > 0 && c.Sources.All(s => !IsRemote(s) && !IsGit(s) && !IsArchive(s)))
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

    public static bool IsRemote(string source) =>
        source.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || source.StartsWith("https://", StringComparison.OrdinalIgnoreCase);

    public static bool IsGit(string source) =>
        source.StartsWith("git@", StringComparison.Ordinal) || source.StartsWith("git://", StringComparison.Ordinal)
        || source.Split('#')[0].EndsWith(".git", StringComparison.Ordinal);

    public static bool IsArchive(string source) => ArchiveExtensions.Any(e => source.EndsWith(e, StringComparison.Ordinal));
}

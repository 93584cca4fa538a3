using System;
using System.Collections.Generic;
using System.Formats.Tar;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using DockerDsl.Core.Lock;

namespace DockerDsl.Cli.Registry;

/// <summary>
/// What an image's file system says about its family, read from its layers bottom to top as the image's root file
/// system is built from them (the OCI image spec's layer.md: "Applying Changesets"): a later layer's entry replaces a
/// lower one's, <c>.wh.NAME</c> deletes NAME of the lower layers and <c>.wh..wh..opq</c> deletes what the lower layers
/// have in its directory. Only the entries that tell the family are kept: the top-level entries, the entries of
/// <c>/etc</c>, <c>/usr</c>, <c>/usr/lib</c>, <c>/bin</c>, <c>/sbin</c>, <c>/usr/bin</c> and <c>/usr/sbin</c>, and the
/// text of the two os-release files (os-release(5): <c>/etc/os-release</c>, else <c>/usr/lib/os-release</c>, the
/// former usually a symbolic link to the latter).
/// </summary>
internal sealed class LayerFileSystem
{
    /// <summary>The tools recorded, by name; <c>sh</c> only as <c>/bin/sh</c>, the others in any of <see cref="ToolDirectories"/>.</summary>
    public static readonly string[] Tools = { "adduser", "apk", "apt-get", "busybox", "dnf", "microdnf", "useradd" };

    private static readonly string[] ToolDirectories = { "bin", "sbin", "usr/bin", "usr/sbin" };

    private static readonly HashSet<string> KeptDirectories = new(StringComparer.Ordinal) { string.Empty, "etc", "usr", "usr/lib", "bin", "sbin", "usr/bin", "usr/sbin" };

    private static readonly HashSet<string> OsReleaseFiles = new(StringComparer.Ordinal) { "etc/os-release", "usr/lib/os-release" };

    private const int MaxOsReleaseBytes = 64 * 1024;

    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    private enum Kind
    {
        File,
        Directory,
        Symlink,
    }

    private sealed record Entry(Kind Kind, string? Target = null, string? Text = null);

    /// <summary>Whether a layer of <paramref name="mediaType"/> can be read: an uncompressed or gzip-compressed tar.</summary>
    public static bool CanRead(string mediaType) => Decompression(mediaType) is not null;

    /// <summary>Applies one layer, the tar stream of <paramref name="mediaType"/>, over the layers applied before it.</summary>
    /// <exception cref="InvalidDataException">The layer is not a tar archive of that compression.</exception>
    public async Task ApplyAsync(Stream layer, string mediaType, CancellationToken cancellationToken)
    {
        var gzip = Decompression(mediaType) ?? throw new InvalidDataException($"a layer of media type {mediaType} cannot be read");
        using var tar = gzip ? new GZipStream(layer, CompressionMode.Decompress, leaveOpen: true) : null;
        var reader = new TarReader(tar ?? layer, leaveOpen: true);
        var removed = new List<(string Path, bool Opaque)>();
        var added = new Dictionary<string, Entry>(StringComparer.Ordinal);
        while (await reader.GetNextEntryAsync(copyData: false, cancellationToken).ConfigureAwait(false) is { } entry)
        {
            var path = Normalize(entry.Name);
            var slash = path.LastIndexOf('/');
            var directory = slash < 0 ? string.Empty : path.Substring(0, slash);
            var name = path.Substring(slash + 1);
            if (name.StartsWith(".wh.", StringComparison.Ordinal))
            {
                removed.Add(name == ".wh..wh..opq" ? (directory, true) : (directory.Length == 0 ? name.Substring(4) : directory + "/" + name.Substring(4), false));
                continue;
            }

            if (path.Length == 0 || !KeptDirectories.Contains(directory))
            {
                continue;
            }

            switch (entry.EntryType)
            {
                case TarEntryType.Directory:
                    added[path] = new Entry(Kind.Directory);
                    break;
                case TarEntryType.SymbolicLink:
                    added[path] = new Entry(Kind.Symlink, entry.LinkName);
                    break;
                case TarEntryType.HardLink:
                    // A hard link names an entry earlier in the same archive; its text, for os-release, is that entry's.
                    added[path] = new Entry(Kind.File, Text: added.TryGetValue(Normalize(entry.LinkName), out var linked) ? linked.Text : null);
                    break;
                case TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile:
                    added[path] = new Entry(Kind.File, Text: OsReleaseFiles.Contains(path) && entry.DataStream is { } data ? await ReadTextAsync(data, cancellationToken).ConfigureAwait(false) : null);
                    break;
                default:
                    added[path] = new Entry(Kind.File);
                    break;
            }
        }

        // A layer's whiteouts delete from the layers below it only, whatever their order in the archive.
        foreach (var (path, opaque) in removed)
        {
            foreach (var key in _entries.Keys.Where(k => (!opaque && k == path) || k.StartsWith(path.Length == 0 ? string.Empty : path + "/", StringComparison.Ordinal)).ToList())
            {
                _entries.Remove(key);
            }
        }

        foreach (var pair in added)
        {
            if (pair.Value.Kind != Kind.Directory)
            {
                // A file or link replaces a lower directory with all it held.
                foreach (var key in _entries.Keys.Where(k => k.StartsWith(pair.Key + "/", StringComparison.Ordinal)).ToList())
                {
                    _entries.Remove(key);
                }
            }

            _entries[pair.Key] = pair.Value;
        }
    }

    /// <summary>What the file system built from the layers applied so far says.</summary>
    public LockedFileSystem Facts()
    {
        var release = OsRelease.Parse(Text("etc/os-release") ?? Text("usr/lib/os-release"));
        var tools = new List<string>();
        if (Exists("bin/sh"))
        {
            tools.Add("/bin/sh");
        }

        foreach (var tool in Tools)
        {
            if (ToolDirectories.Any(d => Exists(d + "/" + tool)))
            {
                tools.Add(tool);
            }
        }

        return LockedFileSystem.Of(release.Id, release.IdLike, tools);
    }

    private static bool? Decompression(string mediaType) => mediaType switch
    {
        "application/vnd.oci.image.layer.v1.tar" or "application/vnd.oci.image.layer.nondistributable.v1.tar" => false,
        "application/vnd.oci.image.layer.v1.tar+gzip" or "application/vnd.oci.image.layer.nondistributable.v1.tar+gzip"
            or "application/vnd.docker.image.rootfs.diff.tar.gzip" or "application/vnd.docker.image.rootfs.foreign.diff.tar.gzip" => true,
        _ => null,
    };

    private static string Normalize(string name)
    {
        var path = name.Replace('\\', '/');
        while (path.StartsWith("./", StringComparison.Ordinal))
        {
            path = path.Substring(2);
        }

        return path.Trim('/');
    }

    private static async Task<string?> ReadTextAsync(Stream data, CancellationToken cancellationToken)
    {
        var buffer = new byte[MaxOsReleaseBytes];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = await data.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false)) > 0)
        {
            length += read;
        }

        return Encoding.UTF8.GetString(buffer, 0, length);
    }

    private string? Text(string path) => Find(path) is { Kind: Kind.File } entry ? entry.Text : null;

    private bool Exists(string path) => Find(path) is { Kind: Kind.File };

    /// <summary>
    /// The entry <paramref name="path"/> names after every symbolic link on the way is followed (relative links from the
    /// link's directory, absolute ones from the root), or null when it does not exist or the links loop. A directory no
    /// layer lists but whose entries one does exists; a link whose target is a file outside the kept directories (<c>/bin/sh</c>
    /// to <c>/usr/local/bin/mksh</c>) is taken to name a file the layers hold.
    /// </summary>
    private Entry? Find(string path)
    {
        var pending = new Stack<string>(path.Split('/').Reverse());
        var current = new List<string>();
        Entry? found = null;
        var finalFromLink = false;
        for (var hops = 0; pending.Count > 0;)
        {
            var part = pending.Pop();
            if (part.Length == 0 || part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                if (current.Count > 0)
                {
                    current.RemoveAt(current.Count - 1);
                }

                continue;
            }

            var directory = string.Join("/", current);
            var candidate = directory.Length == 0 ? part : directory + "/" + part;
            if (!_entries.TryGetValue(candidate, out var entry))
            {
                if (pending.Count == 0)
                {
                    return finalFromLink && !KeptDirectories.Contains(directory) ? new Entry(Kind.File) : null;
                }

                current.Add(part);
                found = new Entry(Kind.Directory);
                continue;
            }

            if (entry.Kind == Kind.Symlink)
            {
                if (++hops > 40)
                {
                    return null;
                }

                finalFromLink = pending.Count == 0;
                var target = entry.Target ?? string.Empty;
                if (target.StartsWith("/", StringComparison.Ordinal))
                {
                    current.Clear();
                }

                foreach (var next in target.Split('/').Reverse())
                {
                    pending.Push(next);
                }

                continue;
            }

            current.Add(part);
            found = entry;
        }

        return found;
    }

    private readonly record struct OsRelease(string? Id, string? IdLike)
    {
        /// <summary>os-release(5): lines of <c>KEY=value</c>, the value maybe quoted with shell quoting; comments start with #.</summary>
        public static OsRelease Parse(string? text)
        {
            string? id = null;
            string? idLike = null;
            foreach (var raw in (text ?? string.Empty).Split('\n'))
            {
                var line = raw.Trim();
                var equals = line.IndexOf('=');
                if (line.StartsWith("#", StringComparison.Ordinal) || equals <= 0)
                {
                    continue;
                }

                var value = Unquote(line.Substring(equals + 1).Trim());
                switch (line.Substring(0, equals))
                {
                    case "ID":
                        id = value;
                        break;
                    case "ID_LIKE":
                        idLike = value;
                        break;
                }
            }

            return new OsRelease(string.IsNullOrEmpty(id) ? null : id, string.IsNullOrEmpty(idLike) ? null : idLike);
        }

        private static string Unquote(string value)
        {
            if (value.Length >= 2 && (value[0] == '"' || value[0] == '\'') && value[value.Length - 1] == value[0])
            {
                value = value.Substring(1, value.Length - 2);
            }

            return value.Replace("\\\"", "\"").Replace("\\\\", "\\");
        }
    }
}

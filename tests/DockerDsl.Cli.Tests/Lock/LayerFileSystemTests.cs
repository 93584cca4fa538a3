using System;
using System.Collections.Generic;
using System.Formats.Tar;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using DockerDsl.Cli.Registry;
using DockerDsl.Core.Helpers;
using DockerDsl.Core.Lock;

namespace DockerDsl.Cli.Tests.Lock;

/// <summary>
/// What <see cref="LayerFileSystem"/> reads from layers, tar streams built here: layers applied bottom first, later
/// entries replacing lower ones, whiteouts deleting, symbolic links followed, and the family the facts tell.
/// </summary>
public sealed class LayerFileSystemTests
{
    private const string Tar = "application/vnd.oci.image.layer.v1.tar";
    private const string Gzip = "application/vnd.docker.image.rootfs.diff.tar.gzip";

    private static Layer L(params (string Path, string? Text)[] entries) => new(entries.Select(e => new Item(e.Path, TarEntryType.RegularFile, e.Text, null)).ToList());

    private sealed record Item(string Path, TarEntryType Type, string? Text, string? Link);

    private sealed record Layer(List<Item> Items)
    {
        public Layer Link(string path, string target)
        {
            Items.Add(new Item(path, TarEntryType.SymbolicLink, null, target));
            return this;
        }

        public Layer HardLink(string path, string target)
        {
            Items.Add(new Item(path, TarEntryType.HardLink, null, target));
            return this;
        }

        public Layer Dir(string path)
        {
            Items.Add(new Item(path, TarEntryType.Directory, null, null));
            return this;
        }

        public byte[] Bytes(bool gzip)
        {
            using var buffer = new MemoryStream();
            using (var target = gzip ? (Stream)new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true) : new NonClosing(buffer))
            using (var writer = new TarWriter(target, TarEntryFormat.Pax, leaveOpen: true))
            {
                foreach (var item in Items)
                {
                    var entry = new PaxTarEntry(item.Type, item.Path);
                    if (item.Link is not null)
                    {
                        entry.LinkName = item.Link;
                    }

                    if (item.Type == TarEntryType.RegularFile)
                    {
                        entry.DataStream = new MemoryStream(Encoding.UTF8.GetBytes(item.Text ?? "\x7fELF"));
                    }

                    writer.WriteEntry(entry);
                }
            }

            return buffer.ToArray();
        }
    }

    private sealed class NonClosing(Stream inner) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => inner.Length;

        public override long Position { get => inner.Position; set => throw new NotSupportedException(); }

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
    }

    private static async Task<LockedFileSystem> ReadAsync(bool gzip, params Layer[] layers)
    {
        var fileSystem = new LayerFileSystem();
        foreach (var layer in layers)
        {
            // A stream that cannot seek, as an HTTP body is.
            using var stream = new ForwardOnly(new MemoryStream(layer.Bytes(gzip)));
            await fileSystem.ApplyAsync(stream, gzip ? Gzip : Tar, default);
        }

        return fileSystem.Facts();
    }

    private sealed class ForwardOnly(Stream inner) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    private const string DebianRelease = "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nNAME=\"Debian GNU/Linux\"\nVERSION_ID=\"12\"\nID=debian\nHOME_URL=\"https://www.debian.org/\"\n";

    /// <summary>Debian 12's merged /usr: /bin and /sbin are links into /usr, /etc/os-release a relative link to /usr/lib/os-release, sh a link to dash.</summary>
    private static Layer DebianBase() =>
        L(("usr/lib/os-release", DebianRelease), ("usr/bin/dash", null), ("usr/bin/apt-get", null), ("usr/sbin/useradd", null))
            .Dir("usr/").Dir("usr/bin/").Dir("etc/")
            .Link("bin", "usr/bin").Link("sbin", "usr/sbin").Link("usr/bin/sh", "dash").Link("etc/os-release", "../usr/lib/os-release");

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_merged_usr_Debian_is_Debian_through_its_links(bool gzip)
    {
        var facts = await ReadAsync(gzip, DebianBase());
        Assert.Equal("debian", facts.OsId);
        Assert.Null(facts.OsIdLike);
        Assert.Equal(new[] { "/bin/sh", "apt-get", "useradd" }, facts.Tools.ToArray());
        Assert.Equal(ImageFamily.Debian, facts.Family);
    }

    [Fact]
    public async Task The_topmost_layer_os_release_wins_and_a_whiteout_removes_a_lower_file()
    {
        // Ubuntu over Debian: /usr/lib/os-release replaced above; useradd whited out, then a layer that brings it back as a link.
        var ubuntu = L(("usr/lib/os-release", "ID=ubuntu\nID_LIKE=\"debian\"\n"), ("usr/sbin/.wh.useradd", string.Empty));
        var facts = await ReadAsync(false, DebianBase(), ubuntu);
        Assert.Equal("ubuntu", facts.OsId);
        Assert.Equal("debian", facts.OsIdLike);
        Assert.Equal(new[] { "/bin/sh", "apt-get" }, facts.Tools.ToArray());

        // apt-get without useradd is no family a helper writes for.
        Assert.Null(facts.Family);

        var restored = await ReadAsync(false, DebianBase(), ubuntu, L(("usr/sbin/useradd", null)));
        Assert.Equal(ImageFamily.Debian, restored.Family);
    }

    [Fact]
    public async Task A_whiteout_applies_to_lower_layers_only_and_an_opaque_directory_hides_what_they_had_there()
    {
        // The same layer whites out /etc/os-release and writes a new one: the new one stands (the order in the archive does not matter).
        var replaced = L(("etc/os-release", "ID=alpine\n"), ("etc/.wh.os-release", string.Empty));
        Assert.Equal("alpine", (await ReadAsync(false, DebianBase(), replaced)).OsId);

        // An opaque /usr/bin: the lower layers' /usr/bin (sh, apt-get) is gone; /usr/lib stays.
        var opaque = L(("usr/bin/.wh..wh..opq", string.Empty), ("usr/bin/busybox", null)).HardLink("usr/bin/sh", "usr/bin/busybox");
        var facts = await ReadAsync(false, DebianBase(), opaque);
        Assert.Equal("debian", facts.OsId);
        Assert.Equal(new[] { "/bin/sh", "busybox", "useradd" }, facts.Tools.ToArray());
        Assert.Equal(ImageFamily.Busybox, facts.Family);
    }

    [Fact]
    public async Task Without_etc_os_release_the_usr_lib_one_is_read_and_a_dangling_link_names_nothing()
    {
        var facts = await ReadAsync(false, L(("usr/lib/os-release", "ID='fedora'\n"), ("usr/bin/bash", null), ("usr/bin/dnf", null), ("usr/sbin/useradd", null)).Link("bin", "usr/bin").Link("usr/bin/sh", "bash"));
        Assert.Equal("fedora", facts.OsId);
        Assert.Equal(ImageFamily.RedHat, facts.Family);

        var dangling = await ReadAsync(false, L(("usr/bin/microdnf", null)).Link("bin", "usr/bin").Link("usr/bin/sh", "bash").Link("etc/os-release", "/nowhere/os-release"));
        Assert.Null(dangling.OsId);
        Assert.Equal(new[] { "microdnf" }, dangling.Tools.ToArray());
        Assert.Equal(ImageFamily.Distroless, dangling.Family);
    }

    [Fact]
    public async Task Busybox_applets_as_links_are_Busybox_and_Alpine_with_apk_is_Alpine()
    {
        // docker-library/busybox: one static binary, every applet a hard link to it in /bin.
        var busybox = L(("bin/busybox", null), ("etc/passwd", "root:x:0:0:root:/root:/bin/sh\n")).HardLink("bin/sh", "bin/busybox").HardLink("bin/adduser", "bin/busybox");
        var facts = await ReadAsync(true, busybox);
        Assert.Null(facts.OsId);
        Assert.Equal(new[] { "/bin/sh", "adduser", "busybox" }, facts.Tools.ToArray());
        Assert.Equal(ImageFamily.Busybox, facts.Family);

        // Alpine: busybox's applets are symbolic links to /bin/busybox, and apk is in /sbin.
        var alpine = L(("bin/busybox", null), ("sbin/apk", null), ("etc/os-release", "NAME=\"Alpine Linux\"\nID=alpine\n")).Link("bin/sh", "/bin/busybox").Link("usr/sbin/adduser", "/bin/busybox");
        var alpineFacts = await ReadAsync(false, alpine);
        Assert.Equal("alpine", alpineFacts.OsId);
        Assert.Equal(new[] { "/bin/sh", "adduser", "apk", "busybox" }, alpineFacts.Tools.ToArray());
        Assert.Equal(ImageFamily.Alpine, alpineFacts.Family);
    }

    [Fact]
    public async Task A_distroless_tree_that_says_debian_but_has_no_shell_is_Distroless()
    {
        // gcr.io/distroless/base: Debian's os-release and libraries, no /bin/sh, no package manager.
        var distroless = L(("etc/os-release", "PRETTY_NAME=\"Distroless\"\nID=debian\nVERSION_ID=\"12\"\n"), ("etc/passwd", "nonroot:x:65532:65532::/home/nonroot:/sbin/nologin\n"), ("usr/lib/x86_64-linux-gnu/libc.so.6", null)).Dir("bin/");
        var facts = await ReadAsync(false, distroless);
        Assert.Equal("debian", facts.OsId);
        Assert.Empty(facts.Tools);
        Assert.Equal(ImageFamily.Distroless, facts.Family);
    }

    [Fact]
    public async Task A_file_in_a_higher_layer_replaces_a_lower_directory_and_links_that_loop_name_nothing()
    {
        // /bin as a directory holding sh, then a layer where /bin is a link into a directory with no sh.
        var lower = L(("bin/sh", null), ("bin/busybox", null));
        var upper = L(("opt/tools/x", null)).Link("bin", "/opt/tools");
        Assert.Empty((await ReadAsync(false, lower, upper)).Tools);

        var loop = await ReadAsync(false, L().Link("bin", "sbin").Link("sbin", "bin"));
        Assert.Empty(loop.Tools);
        Assert.Equal(ImageFamily.Distroless, loop.Family);
    }

    [Theory]
    [InlineData("application/vnd.oci.image.layer.v1.tar", true)]
    [InlineData("application/vnd.oci.image.layer.v1.tar+gzip", true)]
    [InlineData("application/vnd.docker.image.rootfs.diff.tar.gzip", true)]
    [InlineData("application/vnd.oci.image.layer.v1.tar+zstd", false)]
    [InlineData("application/vnd.in-toto+json", false)]
    public void Only_uncompressed_and_gzip_layers_are_read(string mediaType, bool readable) =>
        Assert.Equal(readable, LayerFileSystem.CanRead(mediaType));
}

using System;
using System.Linq;
using DockerDsl.Core.Lock;
using DockerDsl.Core.Model;

namespace DockerDsl.Core.Tests.Lock;

/// <summary>dockerdsl.lock.json: what is written reads back the same, the same lock is the same bytes, and a bad file names its line.</summary>
public sealed class LockFileTests
{
    private static readonly string DigestA = "sha256:" + new string('a', 64);
    private static readonly string DigestB = "sha256:" + new string('b', 64);
    private static readonly string DigestC = "sha256:" + new string('c', 64);

    private static LockedPlatform Platform(string platform, string digest, ImageConfig config)
    {
        var parts = platform.Split('/');
        return new LockedPlatform(platform, digest, parts[0], parts[1], parts.Length > 2 ? parts[2] : null, config);
    }

    private static readonly ImageConfig FullConfig = new(
        User: "1654",
        Healthcheck: new HealthcheckConfig(new[] { "CMD-SHELL", "curl -f http://localhost/ || exit 1" }.ToEquatableArray(), 30_000_000_000, 5_000_000_000, 1_000_000_000, 2_000_000_000, 3),
        Env: new[] { "PATH=/usr/bin:/bin", "APP_UID=1654", "QUOTE=\"a\\b\"\n\u00e9" }.ToEquatableArray(),
        ExposedPorts: new[] { "8080/tcp" }.ToEquatableArray(),
        Entrypoint: new[] { "/app/run" }.ToEquatableArray(),
        Cmd: EquatableArray<string>.Empty,
        WorkingDir: "/app",
        StopSignal: "SIGTERM");

    private static LockFile Sample() => new(new[]
    {
        new LockedImage("mcr.microsoft.com/dotnet/aspnet:10.0", "mcr.microsoft.com/dotnet/aspnet", "10.0", DigestA, "application/vnd.oci.image.index.v1+json", new[]
        {
            Platform("linux/amd64", DigestB, FullConfig),
            Platform("linux/arm/v7", DigestC, ImageConfig.None),
        }.ToEquatableArray(), new[] { "linux/amd64", "linux/arm/v7", "linux/arm64" }.ToEquatableArray()),
        new LockedImage("debian@" + DigestC, "docker.io/library/debian", null, DigestC, "application/vnd.docker.distribution.manifest.v2+json", new[]
        {
            Platform("linux/amd64", DigestC, new ImageConfig(User: string.Empty, Cmd: new[] { "bash" }.ToEquatableArray())),
        }.ToEquatableArray()),
    }.OrderBy(i => i.Reference, StringComparer.Ordinal).ToEquatableArray());

    [Fact]
    public void What_is_written_reads_back_equal()
    {
        var lockFile = Sample();
        var text = LockFileWriter.Write(lockFile);
        Assert.Equal(lockFile, LockFileReader.Read(text));
        Assert.Equal(text, LockFileWriter.Write(LockFileReader.Read(text)));
    }

    [Fact]
    public void The_same_lock_in_any_order_is_the_same_bytes_sorted_LF_and_ending_with_a_line_break()
    {
        var lockFile = Sample();
        var shuffled = new LockFile(lockFile.Images.Reverse().Select(i => i with { Platforms = i.Platforms.Reverse().ToEquatableArray() }).ToEquatableArray());
        var text = LockFileWriter.Write(lockFile);
        Assert.Equal(text, LockFileWriter.Write(shuffled));
        Assert.DoesNotContain('\r', text);
        Assert.EndsWith("}\n", text, StringComparison.Ordinal);
        Assert.True(text.IndexOf("\"debian@", StringComparison.Ordinal) < text.IndexOf("\"mcr.microsoft.com", StringComparison.Ordinal));
        Assert.True(text.IndexOf("\"linux/amd64\"", StringComparison.Ordinal) < text.IndexOf("\"linux/arm/v7\"", StringComparison.Ordinal));
    }

    [Fact]
    public void One_array_item_is_one_line_so_a_changed_digest_is_a_one_line_diff()
    {
        var before = LockFileWriter.Write(Sample()).Split('\n');
        var changed = Sample();
        var image = changed.Images[1];
        var after = LockFileWriter.Write(new LockFile(new[] { changed.Images[0], image with { Digest = DigestB } }.ToEquatableArray())).Split('\n');
        Assert.Equal(before.Length, after.Length);
        Assert.Single(before.Zip(after), pair => pair.First != pair.Second);
        Assert.Contains(before, line => line.Trim() == "\"APP_UID=1654\",");
    }

    [Fact]
    public void An_unset_field_is_left_out_and_an_empty_one_is_kept()
    {
        var text = LockFileWriter.Write(Sample());
        var read = LockFileReader.Read(text);
        var debian = read.Images[0].Platforms[0].Config;
        Assert.Equal(string.Empty, debian.User);
        Assert.Null(debian.Env);
        Assert.Null(debian.Healthcheck);
        var aspnet = read.Find("mcr.microsoft.com/dotnet/aspnet:10.0")!.Find("linux/amd64")!.Config;
        Assert.Empty(aspnet.Cmd!.Value);
    }

    [Theory]
    [InlineData("{\"formatVersion\": 2, \"images\": {}}", "newer dockerdsl", 1)]
    [InlineData("{\"formatVersion\": 1,\n \"images\": {}, \"extra\": 1}", "extra", 2)]
    [InlineData("{\"formatVersion\": 1,\n\"images\": {\"debian\": {\"digest\": \"sha256:12\", \"mediaType\": \"x\", \"platforms\": {}, \"repository\": \"docker.io/library/debian\"}}}", "digest", 2)]
    [InlineData("{\"formatVersion\": 1, \"images\": {\"debian\": {\"digest\": \"DIGEST\", \"mediaType\": \"x\", \"repository\": \"r\",\n\"platforms\": {\"linux/aarch64\": {}}}}}", "normal form", 2)]
    [InlineData("{\"formatVersion\": 1, \"images\": {\"debian\": {\"digest\": \"DIGEST\", \"mediaType\": \"x\", \"repository\": \"r\", \"platforms\": {},\n\"indexPlatforms\": [\"linux/amd64\", \"linux/aarch64\"]}}}", "\"linux/aarch64\" in \"indexPlatforms\"", 2)]
    [InlineData("{\"formatVersion\": 1, \"images\": {\"debian\": {\"digest\": \"DIGEST\", \"mediaType\": \"x\", \"repository\": \"r\", \"platforms\": {},\n\"indexPlatforms\": \"linux/amd64\"}}}", "indexPlatforms", 2)]
    [InlineData("{\"formatVersion\": 1, \"images\": ", "", 1)]
    public void A_bad_lock_file_is_an_error_naming_its_line(string text, string expected, int line)
    {
        var exception = Assert.Throws<LockFileException>(() => LockFileReader.Read(text.Replace("DIGEST", DigestA)));
        Assert.Contains(expected, exception.Reason, StringComparison.Ordinal);
        Assert.Equal(line, exception.Line);
    }

    [Fact]
    public void The_pinned_reference_keeps_the_tag_and_adds_the_digest()
    {
        var image = Sample().Find("mcr.microsoft.com/dotnet/aspnet:10.0")!;
        Assert.Equal("mcr.microsoft.com/dotnet/aspnet:10.0@" + DigestA, image.PinnedReference);
    }
}

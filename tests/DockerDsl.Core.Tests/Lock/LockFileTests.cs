using System;
using System.Linq;
using DockerDsl.Core.Helpers;
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
            Platform("linux/amd64", DigestB, FullConfig) with { FileSystem = LockedFileSystem.Of("debian", null, new[] { "useradd", "/bin/sh", "apt-get" }) },
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

    [InlineData("{\"formatVersion\": 1, \"images\": {\"debian\": {\"digest\": \"DIGEST\", \"mediaType\": \"x\", \"repository\": \"r\", \"platforms\": {\"linux/amd64\": {\"architecture\": \"amd64\", \"config\": {}, \"digest\": \"DIGEST\", \"os\": \"linux\",\n\"fileSystem\": {\"family\": \"debian\"}}}}}}", "\"debian\", which is none of Debian, Alpine", 2)]
    [InlineData("{\"formatVersion\": 1, \"images\": {\"debian\": {\"digest\": \"DIGEST\", \"mediaType\": \"x\", \"repository\": \"r\", \"platforms\": {\"linux/amd64\": {\"architecture\": \"amd64\", \"config\": {}, \"digest\": \"DIGEST\", \"os\": \"linux\",\n\"fileSystem\": {\"family\": \"3\"}}}}}}", "none of", 2)]
    [InlineData("{\"formatVersion\": 1, \"images\": {\"debian\": {\"digest\": \"DIGEST\", \"mediaType\": \"x\", \"repository\": \"r\", \"platforms\": {\"linux/amd64\": {\"architecture\": \"amd64\", \"config\": {}, \"digest\": \"DIGEST\", \"os\": \"linux\", \"fileSystem\": {\n\"shell\": true}}}}}}", "unknown key \"shell\"", 2)]
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
    public void The_file_system_facts_are_written_sorted_and_a_platform_without_them_has_none()
    {
        var text = LockFileWriter.Write(Sample());
        Assert.Contains("\n          \"fileSystem\": {\n            \"family\": \"Debian\",\n            \"osId\": \"debian\",\n            \"tools\": [\n              \"/bin/sh\",\n              \"apt-get\",\n              \"useradd\"\n            ]\n          },\n          \"os\": \"linux\"", text, StringComparison.Ordinal);
        var read = LockFileReader.Read(text);
        Assert.Null(read.Find("mcr.microsoft.com/dotnet/aspnet:10.0")!.Find("linux/arm/v7")!.FileSystem);
        Assert.Equal(ImageFamily.Debian, read.Find("mcr.microsoft.com/dotnet/aspnet:10.0")!.Find("linux/amd64")!.FileSystem!.Family);
    }

    [Fact]
    public void An_image_has_a_locked_family_only_when_every_platform_tells_the_same_one()
    {
        // aspnet's arm/v7 was locked without its layers: no family for the image, whatever amd64 says.
        Assert.Empty(Sample().ImageFamilies());

        var debian = LockedFileSystem.Of("debian", null, new[] { "/bin/sh", "apt-get", "useradd" });
        var alpine = LockedFileSystem.Of("alpine", null, new[] { "/bin/sh", "apk", "busybox" });
        var image = Sample().Images.Single(i => i.Reference.StartsWith("mcr.", StringComparison.Ordinal));
        var agreeing = new LockFile(new[] { image with { Platforms = image.Platforms.Select(p => p with { FileSystem = debian }).ToEquatableArray() } }.ToEquatableArray());
        Assert.Equal(
            new[] { ("mcr.microsoft.com/dotnet/aspnet:10.0", ImageFamily.Debian), ("mcr.microsoft.com/dotnet/aspnet:10.0@" + DigestA, ImageFamily.Debian) },
            agreeing.ImageFamilies().Select(p => (p.Key, p.Value)).OrderBy(p => p.Key, StringComparer.Ordinal));
        var differing = new LockFile(new[] { image with { Platforms = new[] { image.Platforms[0] with { FileSystem = debian }, image.Platforms[1] with { FileSystem = alpine } }.ToEquatableArray() } }.ToEquatableArray());
        Assert.Empty(differing.ImageFamilies());
    }

    [Theory]
    [InlineData("Distroless")]
    [InlineData("Distroless", "apt-get", "useradd")]
    [InlineData("Alpine", "/bin/sh", "apk", "busybox", "adduser")]
    [InlineData("Debian", "/bin/sh", "apt-get", "useradd", "adduser")]
    [InlineData(null, "/bin/sh", "apt-get")]
    [InlineData("RedHat", "/bin/sh", "dnf", "useradd")]
    [InlineData("RedHatMinimal", "/bin/sh", "dnf")]
    [InlineData("RedHatMinimal", "/bin/sh", "microdnf", "useradd")]
    [InlineData("Busybox", "/bin/sh", "busybox")]
    [InlineData(null, "/bin/sh", "useradd")]
    public void The_tools_tell_the_family(string? family, params string[] tools) =>
        Assert.Equal(family, LockedFileSystem.Of(null, null, tools).Family?.ToString());

    [Fact]
    public void The_pinned_reference_keeps_the_tag_and_adds_the_digest()
    {
        var image = Sample().Find("mcr.microsoft.com/dotnet/aspnet:10.0")!;
        Assert.Equal("mcr.microsoft.com/dotnet/aspnet:10.0@" + DigestA, image.PinnedReference);
    }
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using DockerDsl.Cli.Tests.Infrastructure;
using DockerDsl.Core.Helpers;
using DockerDsl.Core.Lock;
using DockerDsl.Tests.Shared;

namespace DockerDsl.Cli.Tests.Lock;

/// <summary>
/// <c>dockerdsl lock</c> against real registries (eng/docker/registry.sh: Debian's docker-registry on 127.0.0.1)
/// holding the engine's local base images, pushed under several tags and, through the registry API, as an index
/// of two platforms. skopeo, which shares no code with dockerdsl, says what each tag names.
/// </summary>
[Collection(nameof(LocalRegistryTests))]
public sealed class LocalRegistryTests : IDisposable
{
    private const string Debian = "debian:bookworm-slim";
    private const string RuntimeDeps = "mcr.microsoft.com/dotnet/runtime-deps:10.0";

    private readonly CliHarness _cli = new();

    // Each test run has repositories of its own, so runs never see each other's tags.
    private readonly string _prefix = "lock-tests/" + Guid.NewGuid().ToString("N")[..10];

    public LocalRegistryTests()
    {
        _cli.Environment["DOCKER_CONFIG"] = _cli.PathOf("docker-config");
        _cli.Environment["PATH"] = "/usr/bin:/bin";
    }

    public void Dispose() => _cli.Dispose();

    private string LockText => File.ReadAllText(_cli.PathOf(LockFile.FileName));

    private LockFile Locked => LockFileReader.Read(LockText);

    private CliResult Lock(LocalRegistry registry, params string[] args) =>
        _cli.Run(new[] { "lock", "--file", "Dockerfile", "--insecure-registry", registry.Anonymous, "--insecure-registry", registry.Authenticated }.Concat(args).ToArray());

    private static void AssertOneLineError(CliResult result, string expected)
    {
        Assert.True(result.ExitCode == 2, result.ToString());
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith("dockerdsl lock: error: ", line, StringComparison.Ordinal);
        Assert.True(line.Contains(expected, StringComparison.Ordinal), line);
    }

    [SkippableFact]
    public async Task The_locked_digests_and_configs_are_what_skopeo_reads_for_each_tag_and_platform()
    {
        var registry = await LocalRegistry.RequireAsync();
        var host = registry.Anonymous;
        var debian = $"{_prefix}/debian";
        await LocalRegistry.PushAsync(Debian, $"{host}/{debian}:bookworm-slim");
        await LocalRegistry.PushAsync(Debian, $"{host}/{debian}:12");
        await LocalRegistry.PushAsync(RuntimeDeps, $"{host}/{_prefix}/runtime-deps:10.0");

        // linux/amd64 is the pushed image; linux/arm64/v8 the same layers with a config that says arm64, a non-root
        // user and a health check (no engine here runs arm64; only the lock reads it).
        var (amd64Manifest, _) = await LocalRegistry.GetManifestAsync(host, debian, "bookworm-slim");
        var amd64 = FakeRegistry.DigestOf(amd64Manifest);
        var arm64 = await LocalRegistry.RebuildAsync(host, debian, "bookworm-slim", config =>
        {
            config["architecture"] = "arm64";
            config["variant"] = "v8";
            config["config"]!["User"] = "1000:1000";
            config["config"]!["Healthcheck"] = new JsonObject { ["Test"] = new JsonArray("CMD-SHELL", "test -e /etc/os-release"), ["Interval"] = 10_000_000_000L };
        });
        const string DockerManifest = "application/vnd.docker.distribution.manifest.v2+json";
        // The registry takes an index only when its manifests are in the same repository.
        await CopyAsync(host, debian, $"{_prefix}/multi", amd64);
        await CopyAsync(host, debian, $"{_prefix}/multi", arm64.Digest);
        await LocalRegistry.PutIndexAsync(host, $"{_prefix}/multi", "1", DockerManifest, (amd64, amd64Manifest.Length, "linux/amd64"), (arm64.Digest, arm64.Size, "linux/arm64/v8"));

        _cli.Write("Dockerfile", $"""
            ARG REGISTRY={host}
            FROM $REGISTRY/{_prefix}/multi:1 AS base
            RUN true
            FROM --platform=linux/amd64 $REGISTRY/{_prefix}/runtime-deps:10.0 AS deps
            FROM base
            COPY --from={host}/{debian}:12 /etc/os-release /debian-os-release
            COPY --from=deps /etc/os-release /deps-os-release
            """);
        var result = Lock(registry, "--platform", "linux/amd64", "--platform", "linux/arm64");
        Assert.True(result.ExitCode == 0, result.ToString());
        // debian:12 is one amd64 image: a build for arm64 would take it as it is, which the lock says.
        Assert.Contains(result.ErrorLines, line => line.Contains($"{host}/{debian}:12 is a single-platform image for linux/amd64", StringComparison.Ordinal));

        var locked = Locked;
        Assert.Equal(new[] { $"{host}/{debian}:12", $"{host}/{_prefix}/multi:1", $"{host}/{_prefix}/runtime-deps:10.0" }, locked.Images.Select(i => i.Reference));
        foreach (var image in locked.Images)
        {
            Assert.Equal(await LocalRegistry.SkopeoDigestAsync(image.Reference), image.Digest);
        }

        var multi = locked.Find($"{host}/{_prefix}/multi:1")!;
        var index = await LocalRegistry.SkopeoRawAsync(multi.Reference);
        foreach (var (platform, architecture) in new[] { ("linux/amd64", "amd64"), ("linux/arm64", "arm64") })
        {
            var entry = index["manifests"]!.AsArray().Single(m => (string)m!["platform"]!["architecture"]! == architecture)!;
            var lockedPlatform = multi.Find(platform)!;
            Assert.Equal((string)entry["digest"]!, lockedPlatform.Digest);
            var config = await LocalRegistry.SkopeoConfigAsync(multi.Reference, architecture);
            Assert.Equal((string)config["architecture"]!, lockedPlatform.Architecture);
            Assert.Equal((string?)config["config"]!["User"] ?? string.Empty, lockedPlatform.Config.User ?? string.Empty);
            Assert.Equal(config["config"]!["Env"]!.AsArray().Select(e => (string)e!), lockedPlatform.Config.Env!.Value);
        }

        Assert.Equal("1000:1000", multi.Find("linux/arm64")!.Config.User);
        Assert.Equal(new[] { "CMD-SHELL", "test -e /etc/os-release" }, multi.Find("linux/arm64")!.Config.Healthcheck!.Test!.Value);
        Assert.Equal("v8", multi.Find("linux/arm64")!.Variant);

        // FROM --platform=linux/amd64 pulls runtime-deps for amd64 only, whatever the target.
        Assert.Equal(new[] { "linux/amd64" }, locked.Find($"{host}/{_prefix}/runtime-deps:10.0")!.Platforms.Select(p => p.Platform));
        var deps = await LocalRegistry.SkopeoConfigAsync($"{host}/{_prefix}/runtime-deps:10.0", "amd64");
        Assert.Equal(deps["config"]!["Env"]!.AsArray().Select(e => (string)e!), locked.Images[2].Platforms[0].Config.Env!.Value);

        // A Dockerfile pinned to the locked digest builds on the engine (BuildKit resolves the digest itself).
        _cli.Write("pinned/Dockerfile", $"FROM {multi.PinnedReference}\nRUN test -e /etc/os-release\n");
        var build = await ProcessRunner.RunAsync(LocalRegistry.Docker, new[] { "build", "--platform", "linux/amd64", "--quiet", _cli.PathOf("pinned") }, TimeSpan.FromMinutes(5), environment: new Dictionary<string, string> { ["DOCKER_BUILDKIT"] = "1" });
        Assert.True(build.Succeeded, build.ToString());
        await ProcessRunner.RunAsync(LocalRegistry.Docker, new[] { "image", "rm", "--force", build.Output.Trim().Split('\n')[^1].Trim() }, TimeSpan.FromMinutes(1));
    }

    private static async Task CopyAsync(string host, string from, string to, string manifestDigest)
    {
        var (bytes, mediaType) = await LocalRegistry.GetManifestAsync(host, from, manifestDigest);
        var manifest = JsonNode.Parse(bytes)!;
        foreach (var blob in manifest["layers"]!.AsArray().Append(manifest["config"]))
        {
            await LocalRegistry.PutBlobAsync(host, to, await LocalRegistry.GetBlobAsync(host, from, (string)blob!["digest"]!));
        }

        await LocalRegistry.PutManifestAsync(host, to, manifestDigest, mediaType, bytes);
    }

    [SkippableFact]
    public async Task Check_catches_a_retagged_image_and_update_takes_what_skopeo_reads()
    {
        var registry = await LocalRegistry.RequireAsync();
        var reference = $"{registry.Anonymous}/{_prefix}/moving:1";
        await LocalRegistry.PushAsync(Debian, reference);
        _cli.Write("Dockerfile", $"FROM {reference}\n");
        Assert.Equal(0, Lock(registry, "--platform", "linux/amd64").ExitCode);
        var first = Locked.Images[0].Digest;
        Assert.Equal(await LocalRegistry.SkopeoDigestAsync(reference), first);
        Assert.Equal(0, Lock(registry, "--check", "--platform", "linux/amd64").ExitCode);

        await LocalRegistry.PushAsync(RuntimeDeps, reference);
        var moved = await LocalRegistry.SkopeoDigestAsync(reference);
        Assert.NotEqual(first, moved);
        var before = LockText;
        var check = Lock(registry, "--check", "--platform", "linux/amd64");
        Assert.True(check.ExitCode == 1, check.ToString());
        Assert.Contains($"{reference}: the tag now names {moved}, the lock has {first}", check.Out, StringComparison.Ordinal);
        Assert.Equal(before, LockText);

        var update = Lock(registry, "--update", "--platform", "linux/amd64");
        Assert.True(update.ExitCode == 0, update.ToString());
        Assert.Equal(moved, Locked.Images[0].Digest);
        Assert.Equal(0, Lock(registry, "--check", "--platform", "linux/amd64").ExitCode);
    }

    [SkippableFact]
    public async Task The_layers_tell_the_family_of_images_pushed_under_names_that_do_not()
    {
        var registry = await LocalRegistry.RequireAsync();
        var host = registry.Anonymous;
        var os = $"{host}/{_prefix}/base-os:1";
        var tiny = $"{host}/{_prefix}/tiny:1";
        await LocalRegistry.PushAsync(Debian, os);
        await LocalRegistry.PushAsync("busybox:1.35", tiny);
        _cli.Write("Dockerfile", $"FROM {os} AS a\nFROM {tiny}\nCOPY --from=a /etc/os-release /\n");

        // Without the layers, only the image configs are locked.
        var plain = Lock(registry, "--platform", "linux/amd64", "--no-inspect-layers");
        Assert.True(plain.ExitCode == 0, plain.ToString());
        Assert.All(Locked.Images, image => Assert.Null(image.Platforms[0].FileSystem));
        Assert.Empty(Locked.ImageFamilies());
        var digests = Locked.Images.Select(i => i.Digest).ToList();

        // A lock that holds the images reads their layers at the locked digests: nothing it pinned moves.
        var result = Lock(registry, "--platform", "linux/amd64");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(digests, Locked.Images.Select(i => i.Digest));
        var debian = Locked.Find(os)!.Platforms[0].FileSystem!;
        Assert.Equal("debian", debian.OsId);
        Assert.Equal(ImageFamily.Debian, debian.Family);
        Assert.Equal(new[] { "/bin/sh", "apt-get", "useradd" }, debian.Tools.Where(t => t is "/bin/sh" or "apt-get" or "useradd").ToArray());
        Assert.DoesNotContain("apk", debian.Tools);

        // busybox:1.35 is FROM scratch with the static busybox and its applets hard links in /bin (eng/docker/base-images.sh:
        // Debian's applet set, without adduser), and no os-release.
        var busybox = Locked.Find(tiny)!.Platforms[0].FileSystem!;
        Assert.Null(busybox.OsId);
        Assert.Equal(new[] { "/bin/sh", "busybox" }, busybox.Tools.ToArray());
        Assert.Equal(ImageFamily.Busybox, busybox.Family);
        Assert.Equal(ImageFamily.Debian, Locked.ImageFamilies()[Locked.Find(os)!.PinnedReference]);
        Assert.Contains("\"family\": \"Busybox\"", LockText, StringComparison.Ordinal);

        // The same layers give the same bytes: a second lock, even re-resolving every tag, changes nothing.
        var before = LockText;
        var again = Lock(registry, "--platform", "linux/amd64", "--update");
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Equal(before, LockText);
    }

    /// <summary>A small image in the authenticated registry: one empty layer and a config; returns its reference.</summary>
    private async Task<string> PushSmallImageAsync(LocalRegistry registry, string tag)
    {
        var repository = $"{_prefix}/private";
        using var gzip = new MemoryStream();
        using (var zip = new System.IO.Compression.GZipStream(gzip, System.IO.Compression.CompressionLevel.Optimal, leaveOpen: true))
        {
            zip.Write(new byte[1024]);
        }

        var layer = gzip.ToArray();
        var layerDigest = await LocalRegistry.PutBlobAsync(registry.Authenticated, repository, layer, registry.Basic);
        var diffId = FakeRegistry.DigestOf(new byte[1024]);
        var config = Encoding.UTF8.GetBytes($$"""{"architecture":"amd64","os":"linux","config":{"User":"65532"},"rootfs":{"type":"layers","diff_ids":["{{diffId}}"]} }""");
        var configDigest = await LocalRegistry.PutBlobAsync(registry.Authenticated, repository, config, registry.Basic);
        var manifest = Encoding.UTF8.GetBytes($$"""{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"{{configDigest}}","size":{{config.Length}}},"layers":[{"mediaType":"application/vnd.oci.image.layer.v1.tar+gzip","digest":"{{layerDigest}}","size":{{layer.Length}} }]}""");
        await LocalRegistry.PutManifestAsync(registry.Authenticated, repository, tag, "application/vnd.oci.image.manifest.v1+json", manifest, registry.Basic);
        return $"{registry.Authenticated}/{repository}:{tag}";
    }

    private void DockerConfig(string json) => _cli.Write("docker-config/config.json", json);

    [SkippableFact]
    public async Task Basic_auth_takes_the_Docker_config_s_login_or_its_credential_helper()
    {
        var registry = await LocalRegistry.RequireAsync();
        var reference = await PushSmallImageAsync(registry, "1");
        _cli.Write("Dockerfile", $"FROM {reference}\n");

        var auth = Convert.ToBase64String(Encoding.UTF8.GetBytes(registry.User + ":" + registry.Password));
        DockerConfig($"{{\"auths\": {{\"{registry.Authenticated}\": {{\"auth\": \"{auth}\"}}}}}}");
        var result = Lock(registry, "--platform", "linux/amd64");
        Assert.True(result.ExitCode == 0, result.ToString());
        var skopeo = await LocalRegistry.SkopeoDigestAsync(reference, "--creds", registry.User + ":" + registry.Password);
        Assert.Equal(skopeo, Locked.Images[0].Digest);
        Assert.Equal("65532", Locked.Images[0].Platforms[0].Config.User);

        // The same login from a credential helper program named by credHelpers.
        File.Delete(_cli.PathOf(LockFile.FileName));
        var helper = _cli.Write("helpers/docker-credential-test", $$"""
            #!/bin/sh
            read -r server
            [ "$server" = "{{registry.Authenticated}}" ] || { echo "credentials not found in native keychain"; exit 1; }
            echo '{"Username":"{{registry.User}}","Secret":"{{registry.Password}}"}'
            """.Replace("\r", string.Empty));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(helper, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        }

        _cli.Environment["PATH"] = _cli.PathOf("helpers") + ":/usr/bin:/bin";
        DockerConfig($"{{\"credHelpers\": {{\"{registry.Authenticated}\": \"test\"}}}}");
        result = Lock(registry, "--platform", "linux/amd64");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(skopeo, Locked.Images[0].Digest);
    }

    [SkippableFact]
    public async Task Wrong_or_missing_credentials_are_one_error_and_the_lock_file_stays()
    {
        var registry = await LocalRegistry.RequireAsync();
        var reference = await PushSmallImageAsync(registry, "2");
        var anonymousImage = $"{registry.Anonymous}/{_prefix}/debian:1";
        await LocalRegistry.PushAsync(Debian, anonymousImage);
        _cli.Write("Dockerfile", $"FROM {anonymousImage}\n");
        Assert.Equal(0, Lock(registry, "--platform", "linux/amd64").ExitCode);
        var before = LockText;

        _cli.Write("Dockerfile", $"FROM {anonymousImage}\nFROM {reference}\n");
        DockerConfig($"{{\"auths\": {{\"{registry.Authenticated}\": {{\"username\": \"{registry.User}\", \"password\": \"not-the-password\"}}}}}}");
        AssertOneLineError(Lock(registry, "--platform", "linux/amd64"), $"{registry.Authenticated} refuses user '{registry.User}' from {_cli.PathOf("docker-config/config.json")} for {registry.Authenticated}/{_prefix}/private (401 Unauthorized: UNAUTHORIZED authentication required)");
        Assert.Equal(before, LockText);

        DockerConfig("{}");
        AssertOneLineError(Lock(registry, "--platform", "linux/amd64"), $"needs credentials for {registry.Authenticated}/{_prefix}/private and the Docker config has none for {registry.Authenticated}; log in with docker login {registry.Authenticated}");
        Assert.Equal(before, LockText);
    }

    [SkippableFact]
    public async Task A_tag_or_repository_the_registry_does_not_have_is_one_error_and_the_lock_file_stays()
    {
        var registry = await LocalRegistry.RequireAsync();
        var present = $"{registry.Anonymous}/{_prefix}/debian:1";
        await LocalRegistry.PushAsync(Debian, present);
        _cli.Write("Dockerfile", $"FROM {present}\n");
        Assert.Equal(0, Lock(registry, "--platform", "linux/amd64").ExitCode);
        var before = LockText;

        _cli.Write("Dockerfile", $"FROM {present}\nFROM {registry.Anonymous}/{_prefix}/debian:2\n");
        AssertOneLineError(Lock(registry, "--platform", "linux/amd64"), $"the tag '2' is not in {registry.Anonymous}/{_prefix}/debian ({registry.Anonymous}: 404 Not Found: MANIFEST_UNKNOWN manifest unknown");
        _cli.Write("Dockerfile", $"FROM {present}\nFROM {registry.Anonymous}/{_prefix}/nothing:1\n");
        AssertOneLineError(Lock(registry, "--platform", "linux/amd64"), $"the tag '1' is not in {registry.Anonymous}/{_prefix}/nothing ({registry.Anonymous}: 404 Not Found: MANIFEST_UNKNOWN manifest unknown)");
        Assert.Equal(before, LockText);
    }
}

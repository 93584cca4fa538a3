using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using DockerDsl.Cli.Tests.Infrastructure;
using DockerDsl.Core.Helpers;
using DockerDsl.Core.Lock;

namespace DockerDsl.Cli.Tests.Lock;

/// <summary>
/// <c>dockerdsl lock</c> against a fake registry: what it locks, the token flow, <c>--check</c> and <c>--update</c>,
/// and each failure as one line, exit code 2 and the lock file as it was.
/// </summary>
public sealed class LockCommandTests : IDisposable
{
    private readonly FakeRegistry _registry = new();
    private readonly CliHarness _cli = new();

    public LockCommandTests()
    {
        _cli.Environment["DOCKER_CONFIG"] = _cli.PathOf("docker-config");
        _cli.Environment["PATH"] = "/usr/bin:/bin";
    }

    public void Dispose()
    {
        _registry.Dispose();
        _cli.Dispose();
    }

    private string Host => _registry.Host;

    private string LockText => File.ReadAllText(_cli.PathOf(LockFile.FileName));

    private LockFile Locked => LockFileReader.Read(LockText);

    private CliResult Lock(params string[] args) =>
        _cli.Run(new[] { "lock", "--file", "Dockerfile", "--insecure-registry", Host, "--timeout", "5" }.Concat(args).ToArray());

    private static void AssertOneLineError(CliResult result, string expected)
    {
        Assert.True(result.ExitCode == 2, result.ToString());
        var line = Assert.Single(result.ErrorLines);
        Assert.True(line.Contains(expected, StringComparison.Ordinal), line);
        Assert.StartsWith("dockerdsl lock: error: ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
    }

    /// <summary>app:1 as an index of amd64 (user 1000, a health check, env, ports) and arm64/v8; returns (index, amd64, arm64) digests.</summary>
    private (string Index, string Amd64, string Arm64) AddApp(string tag = "1", string user = "1000")
    {
        var amd64 = _registry.AddImage("team/app", null, "linux", "amd64", new Dictionary<string, object>
        {
            ["User"] = user,
            ["Env"] = new[] { "PATH=/usr/bin:/bin", "APP_HOME=/app" },
            ["ExposedPorts"] = new Dictionary<string, object> { ["8080/tcp"] = new(), ["443/tcp"] = new() },
            ["Healthcheck"] = new Dictionary<string, object> { ["Test"] = new[] { "CMD", "/app/health" }, ["Interval"] = 30_000_000_000L, ["Retries"] = 3 },
            ["Entrypoint"] = new[] { "/app/run" },
            ["WorkingDir"] = "/app",
            ["StopSignal"] = "SIGINT",
        });
        var arm64 = _registry.AddImage("team/app", null, "linux", "arm64", new Dictionary<string, object> { ["User"] = user }, variant: "v8");
        var index = _registry.AddIndex("team/app", tag, (amd64, "linux/amd64"), (arm64, "linux/arm64/v8"));
        return (index, amd64, arm64);
    }

    [Fact]
    public void Lock_pins_an_index_and_each_platform_with_its_image_config()
    {
        var (index, amd64, arm64) = AddApp();
        _cli.Write("Dockerfile", $"FROM {Host}/team/app:1 AS build\nFROM build\nCOPY --from=build /a /b\n");
        var result = Lock("--platform", "linux/arm64", "--platform", "linux/amd64");
        Assert.True(result.ExitCode == 0, result.ToString());

        var image = Assert.Single(Locked.Images);
        Assert.Equal($"{Host}/team/app:1", image.Reference);
        Assert.Equal(($"{Host}/team/app", "1", index, FakeRegistry.IndexType), (image.Repository, image.Tag, image.Digest, image.MediaType));
        Assert.Equal(new[] { "linux/amd64", "linux/arm64" }, image.Platforms.Select(p => p.Platform));
        Assert.Equal(new[] { "linux/amd64", "linux/arm64" }, image.IndexPlatforms!.Value);
        var x64 = image.Find("linux/amd64")!;
        Assert.Equal((amd64, "linux", "amd64", (string?)null), (x64.Digest, x64.OS, x64.Architecture, x64.Variant));
        Assert.Equal("1000", x64.Config.User);
        Assert.Equal(new[] { "PATH=/usr/bin:/bin", "APP_HOME=/app" }, x64.Config.Env!.Value);
        Assert.Equal(new[] { "443/tcp", "8080/tcp" }, x64.Config.ExposedPorts!.Value);
        Assert.Equal(new[] { "CMD", "/app/health" }, x64.Config.Healthcheck!.Test!.Value);
        Assert.Equal((30_000_000_000L, 3L), (x64.Config.Healthcheck.Interval, x64.Config.Healthcheck.Retries));
        Assert.Equal(("/app", "SIGINT"), (x64.Config.WorkingDir, x64.Config.StopSignal));
        Assert.Equal(new[] { "/app/run" }, x64.Config.Entrypoint!.Value);
        Assert.Null(x64.Config.Cmd);
        var arm = image.Find("linux/arm64")!;
        Assert.Equal((arm64, "arm64", "v8"), (arm.Digest, arm.Architecture, arm.Variant));
        Assert.Equal($"{Host}/team/app:1@{index}", image.PinnedReference);
    }

    [Fact]
    public void The_token_flow_asks_the_realm_with_the_Docker_config_credentials_then_sends_the_token()
    {
        AddApp();
        _registry.Token = "tok-123";
        _registry.TokenUser = ("ci", "s3cret");
        _cli.Write("docker-config/config.json", $"{{\"auths\": {{\"{Host}\": {{\"auth\": \"{Convert.ToBase64String(Encoding.UTF8.GetBytes("ci:s3cret"))}\"}}}}}}");
        _cli.Write("Dockerfile", $"FROM {Host}/team/app:1\n");
        var result = Lock("--platform", "linux/amd64");
        Assert.True(result.ExitCode == 0, result.ToString());

        var requests = _registry.Requests.ToList();
        var token = Assert.Single(requests, r => r.Path.StartsWith("/token", StringComparison.Ordinal));
        Assert.Contains("service=fake-registry", token.Path, StringComparison.Ordinal);
        Assert.Contains("scope=repository%3Ateam%2Fapp%3Apull", token.Path, StringComparison.Ordinal);
        Assert.StartsWith("Basic ", token.Headers["Authorization"], StringComparison.Ordinal);
        Assert.All(requests.Where(r => r.Path.StartsWith("/v2/", StringComparison.Ordinal)).Skip(1), r => Assert.Equal("Bearer tok-123", r.Headers["Authorization"]));
    }

    [Fact]
    public void Wrong_credentials_at_the_token_server_are_one_error_and_the_lock_file_stays()
    {
        AddApp();
        _cli.Write("Dockerfile", $"FROM {Host}/team/app:1\n");
        Assert.Equal(0, Lock("--platform", "linux/amd64").ExitCode);
        var before = LockText;

        _registry.AddImage("team/other", "2", "linux", "amd64");
        _registry.Token = "tok";
        _registry.TokenUser = ("ci", "right");
        _cli.Write("docker-config/config.json", $"{{\"auths\": {{\"{Host}\": {{\"username\": \"ci\", \"password\": \"wrong\"}}}}}}");
        _cli.Write("Dockerfile", $"FROM {Host}/team/app:1\nFROM {Host}/team/other:2\n");
        AssertOneLineError(Lock("--platform", "linux/amd64"), $"{Host}/team/other:2: the token server http://{Host}/token refuses user 'ci'");
        Assert.Equal(before, LockText);
    }

    [Fact]
    public void A_malformed_manifest_is_one_error()
    {
        _registry.Override = request => request.Path.Contains("/manifests/", StringComparison.Ordinal)
            ? FakeResponse.Json(200, "{\"schemaVersion\": 2, \"mediaType\": ", FakeRegistry.ManifestType)
            : null;
        _cli.Write("Dockerfile", $"FROM {Host}/team/app:1\n");
        AssertOneLineError(Lock(), "is not JSON");
        Assert.False(File.Exists(_cli.PathOf(LockFile.FileName)));
    }

    [Fact]
    public void A_manifest_whose_content_is_not_its_digest_is_refused()
    {
        var (_, amd64, _) = AddApp();
        _registry.Override = request => request.Path.EndsWith("/manifests/" + amd64, StringComparison.Ordinal)
            ? FakeResponse.Json(200, "{\"schemaVersion\":2,\"mediaType\":\"" + FakeRegistry.ManifestType + "\",\"config\":{},\"layers\":[]}", FakeRegistry.ManifestType)
            : null;
        _cli.Write("Dockerfile", $"FROM {Host}/team/app:1\n");
        AssertOneLineError(Lock("--platform", "linux/amd64"), $"error: {Host}/team/app@{amd64}: the registry served content whose digest is sha256:");
    }

    [Fact]
    public void A_registry_slower_than_the_timeout_is_one_error_naming_the_timeout()
    {
        AddApp();
        _registry.Delay = TimeSpan.FromSeconds(20);
        _cli.Write("Dockerfile", $"FROM {Host}/team/app:1\n");
        var watch = Stopwatch.StartNew();
        var result = _cli.Run("lock", "--file", "Dockerfile", "--insecure-registry", Host, "--timeout", "0.5");
        AssertOneLineError(result, $"{Host} did not answer within 0.5 s (--timeout)");
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), watch.Elapsed.ToString());
    }

    [Fact]
    public void A_registry_that_is_down_is_one_error()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var closed = $"127.0.0.1:{((System.Net.IPEndPoint)listener.LocalEndpoint).Port}";
        listener.Stop();
        _cli.Write("Dockerfile", $"FROM {closed}/team/app:1\n");
        AssertOneLineError(_cli.Run("lock", "--file", "Dockerfile", "--insecure-registry", closed), $"cannot reach {closed}");
    }

    [Fact]
    public void A_tag_the_registry_does_not_have_is_one_error_with_the_registry_s_code()
    {
        _cli.Write("Dockerfile", $"FROM {Host}/team/app:missing\n");
        AssertOneLineError(Lock(), $"the tag 'missing' is not in {Host}/team/app ({Host}: 404 Not Found: MANIFEST_UNKNOWN manifest unknown)");
    }

    [Fact]
    public void A_platform_the_index_does_not_have_is_one_error_listing_those_it_has()
    {
        AddApp();
        _cli.Write("Dockerfile", $"FROM {Host}/team/app:1\n");
        AssertOneLineError(Lock("--platform", "linux/s390x"), $"error: {Host}/team/app:1 has no image for linux/s390x; it has linux/amd64, linux/arm64");
    }

    [Fact]
    public void A_plain_HTTP_registry_not_marked_insecure_fails_over_TLS_and_says_how_to_mark_it()
    {
        AddApp();
        _cli.Write("Dockerfile", $"FROM {Host}/team/app:1\n");
        AssertOneLineError(_cli.Run("lock", "--file", "Dockerfile", "--timeout", "5"), $"mark it --insecure-registry {Host}");
        Assert.DoesNotContain(_registry.Requests, r => r.Path.StartsWith("/v2/", StringComparison.Ordinal));
    }

    [Fact]
    public void The_insecure_registries_variable_marks_registries_too()
    {
        AddApp();
        _cli.Environment[Commands.LockCommand.InsecureRegistriesVariable] = "other.example, " + Host;
        _cli.Write("Dockerfile", $"FROM {Host}/team/app:1\n");
        var result = _cli.Run("lock", "--file", "Dockerfile", "--platform", "linux/amd64");
        Assert.True(result.ExitCode == 0, result.ToString());
    }

    [Fact]
    public void A_read_only_lock_file_is_one_error_and_is_left_as_it_is()
    {
        AddApp();
        _registry.AddImage("team/other", "2", "linux", "amd64");
        _cli.Write("Dockerfile", $"FROM {Host}/team/app:1\n");
        Assert.Equal(0, Lock("--platform", "linux/amd64").ExitCode);
        var path = _cli.PathOf(LockFile.FileName);
        var before = LockText;
        File.SetAttributes(path, FileAttributes.ReadOnly);
        try
        {
            _cli.Write("Dockerfile", $"FROM {Host}/team/app:1\nFROM {Host}/team/other:2\n");
            AssertOneLineError(Lock("--platform", "linux/amd64"), $"{LockFile.FileName} is read-only; make it writable to update it");
            Assert.Equal(before, LockText);
            Assert.Single(Directory.GetFiles(_cli.Root, "*" + LockFile.FileName + "*"));
        }
        finally
        {
            File.SetAttributes(path, FileAttributes.Normal);
        }
    }

    [Fact]
    public void Check_names_an_image_whose_tag_moved_and_update_takes_the_new_digest()
    {
        var (first, _, _) = AddApp();
        _cli.Write("Dockerfile", $"FROM {Host}/team/app:1\n");
        Assert.Equal(0, Lock("--platform", "linux/amd64").ExitCode);
        var check = Lock("--check", "--platform", "linux/amd64");
        Assert.True(check.ExitCode == 0, check.ToString());

        var (moved, _, _) = AddApp(user: "2000");
        Assert.NotEqual(first, moved);
        var before = LockText;
        check = Lock("--check", "--platform", "linux/amd64");
        Assert.True(check.ExitCode == 1, check.ToString());
        Assert.Equal($"{Host}/team/app:1: the tag now names {moved}, the lock has {first}; run dockerdsl lock --update {Host}/team/app:1", Assert.Single(check.OutLines));
        Assert.Equal(before, LockText);

        // Without --update the lock keeps what it locked.
        Assert.Equal(0, Lock("--platform", "linux/amd64").ExitCode);
        Assert.Equal(before, LockText);

        var update = Lock("--update", $"{Host}/team/app", "--platform", "linux/amd64");
        Assert.True(update.ExitCode == 0, update.ToString());
        Assert.Contains($"updated from {first} to {moved}", update.Out, StringComparison.Ordinal);
        Assert.Equal("2000", Locked.Images[0].Find("linux/amd64")!.Config.User);
        Assert.Equal(0, Lock("--check", "--platform", "linux/amd64").ExitCode);
    }

    [Fact]
    public void An_index_records_every_platform_it_lists_so_a_platform_declared_later_can_be_judged_without_the_registry()
    {
        var (index, amd64, arm64) = AddApp();
        var s390x = _registry.AddImage("team/app", null, "linux", "s390x", new Dictionary<string, object>());
        _registry.AddIndex("team/app", "2", (amd64, "linux/amd64"), (s390x, "linux/s390x"), (arm64, "linux/arm64/v8"));
        _cli.Write("Dockerfile", $"FROM {Host}/team/app:2\n");
        Assert.Equal(0, Lock("--platform", "linux/amd64").ExitCode);
        var image = Assert.Single(Locked.Images);
        Assert.Equal(new[] { "linux/amd64", "linux/arm64", "linux/s390x" }, image.IndexPlatforms!.Value);
        Assert.Equal(new[] { "linux/amd64" }, image.Platforms.Select(p => p.Platform));
        var text = LockText;
        Assert.Contains("\"indexPlatforms\": [\n        \"linux/amd64\",\n        \"linux/arm64\",\n        \"linux/s390x\"\n      ],\n      \"mediaType\"", text, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_single_manifest_records_no_index_platforms()
    {
        var amd64 = _registry.AddImage("team/tool", "1", "linux", "amd64", new Dictionary<string, object>());
        _cli.Write("Dockerfile", $"FROM {Host}/team/tool:1\n");
        Assert.Equal(0, Lock("--platform", "linux/amd64").ExitCode);
        Assert.Null(Assert.Single(Locked.Images).IndexPlatforms);
    }

    [Fact]
    public void A_platform_added_later_is_read_at_the_locked_digest_not_the_moved_tag()
    {
        var (first, _, arm64) = AddApp();
        _cli.Write("Dockerfile", $"FROM {Host}/team/app:1\n");
        Assert.Equal(0, Lock("--platform", "linux/amd64").ExitCode);
        AddApp(user: "2000");
        Assert.Equal(0, Lock("--platform", "linux/amd64", "--platform", "linux/arm64").ExitCode);
        var image = Locked.Images[0];
        Assert.Equal(first, image.Digest);
        Assert.Equal(arm64, image.Find("linux/arm64")!.Digest);
    }

    [Fact]
    public void Check_fails_for_an_image_not_locked_and_lock_drops_what_is_no_longer_used()
    {
        AddApp();
        _registry.AddImage("team/other", "2", "linux", "amd64");
        _cli.Write("Dockerfile", $"FROM {Host}/team/app:1\n");
        Assert.Equal(0, Lock("--platform", "linux/amd64").ExitCode);
        _cli.Write("Dockerfile", $"FROM {Host}/team/other:2\n");
        var check = Lock("--check", "--platform", "linux/amd64");
        Assert.Equal(1, check.ExitCode);
        Assert.Contains($"{Host}/team/other:2: not locked; run dockerdsl lock", check.OutLines);
        Assert.Equal(0, Lock("--platform", "linux/amd64").ExitCode);
        Assert.Equal(new[] { $"{Host}/team/other:2" }, Locked.Images.Select(i => i.Reference));
    }

    [Fact]
    public void An_image_name_that_needs_a_build_argument_without_a_default_is_an_error_at_its_line()
    {
        _cli.Write("Dockerfile", "ARG BASE\nFROM scratch\nFROM $BASE\n");
        AssertOneLineError(Lock(), "Dockerfile:3: FROM $BASE: the image name is empty with the build arguments' defaults; set a default on the ARG");
        Assert.Empty(_registry.Requests);
    }

    [Fact]
    public void A_lock_file_that_cannot_be_read_is_one_error_naming_its_line()
    {
        _cli.Write("Dockerfile", $"FROM {Host}/team/app:1\n");
        _cli.Write(LockFile.FileName, "{\n  \"formatVersion\": 1,\n  \"images\": []\n}\n");
        AssertOneLineError(Lock(), $"{LockFile.FileName}:3:");
    }

    [Theory]
    [InlineData("--check --update", "cannot be used together")]
    [InlineData("--platform amd64", "not a platform")]
    [InlineData("--timeout 0", "--timeout '0'")]
    [InlineData("--project x.csproj", "cannot be used with --project")]
    public void Usage_errors_exit_with_2(string args, string expected)
    {
        _cli.Write("Dockerfile", "FROM scratch\n");
        var result = _cli.Run(new[] { "lock", "--file", "Dockerfile" }.Concat(args.Split(' ')).ToArray());
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Update_of_an_image_the_Dockerfiles_do_not_use_is_an_error()
    {
        _cli.Write("Dockerfile", "FROM scratch\n");
        AssertOneLineError(Lock("--update", "debian"), "--update debian: the Dockerfiles use no such image");
    }

    [Fact]
    public void A_folder_without_a_project_is_an_error_that_says_what_to_do()
    {
        var result = _cli.Run("lock");
        AssertOneLineError(result, "holds no .csproj file; run dockerdsl lock in the project folder, or name the project with --project");
    }

    [Fact]
    public void Help_lists_the_options_and_exits_0()
    {
        var result = _cli.Run("lock", "--help");
        Assert.Equal(0, result.ExitCode);
        foreach (var option in new[] { "--project", "--file", "--check", "--update", "--insecure-registry", "--timeout", "--platform", "--lock-file" })
        {
            Assert.Contains(option, result.Out, StringComparison.Ordinal);
        }
    }

    /// <summary>An image whose config is in the registry, with <paramref name="layers"/> (media type, digest, size) in its manifest.</summary>
    private string AddImageWithLayers(string repository, string tag, params (string MediaType, string Digest, long Size)[] layers)
    {
        var plain = _registry.AddImage(repository, null, "linux", "amd64");
        var (manifest, _) = LocalRegistry.GetManifestAsync(Host, repository, plain).GetAwaiter().GetResult();
        var text = Encoding.UTF8.GetString(manifest).Replace("\"layers\":[]", "\"layers\":[" + string.Join(",", layers.Select(l => $"{{\"mediaType\":\"{l.MediaType}\",\"digest\":\"{l.Digest}\",\"size\":{l.Size}}}")) + "]", StringComparison.Ordinal);
        return _registry.AddManifest(repository, tag, FakeRegistry.ManifestType, text);
    }

    [Fact]
    public void A_zstd_layer_gets_no_file_system_facts_and_is_not_downloaded()
    {
        var zstd = FakeRegistry.DigestOf(new byte[] { 1 });
        AddImageWithLayers("team/zstd", "1", ("application/vnd.oci.image.layer.v1.tar+zstd", zstd, 1));
        _cli.Write("Dockerfile", $"FROM {Host}/team/zstd:1\n");
        var result = Lock("--platform", "linux/amd64");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Null(Locked.Images[0].Platforms[0].FileSystem);
        Assert.DoesNotContain(_registry.Requests, r => r.Path.Contains("/blobs/" + zstd, StringComparison.Ordinal));
    }

    [Fact]
    public void A_layer_that_is_missing_or_not_what_its_digest_says_is_an_error_naming_it()
    {
        var tar = new byte[1024];
        var digest = FakeRegistry.DigestOf(tar);
        AddImageWithLayers("team/layers", "1", ("application/vnd.oci.image.layer.v1.tar", digest, tar.Length));
        _cli.Write("Dockerfile", $"FROM {Host}/team/layers:1\n");
        AssertOneLineError(Lock("--platform", "linux/amd64"), $"the blob {digest} is not in {Host}/team/layers");

        // Served, but more bytes than the descriptor says: the read stops there.
        var served = new byte[2048];
        _registry.Override = request => request.Path.EndsWith("/blobs/" + digest, StringComparison.Ordinal)
            ? new FakeResponse(200, served, new Dictionary<string, string> { ["Content-Type"] = "application/octet-stream" })
            : null;
        AssertOneLineError(Lock("--platform", "linux/amd64"), $"the blob {digest} is more than the {tar.Length} bytes its descriptor says");

        // Served as many bytes, but other ones: not this layer, whether or not they read as a tar.
        served = new byte[1024];
        served[1023] = 1;
        AssertOneLineError(Lock("--platform", "linux/amd64"), $"/team/layers:1: the layer {digest} ");

        // The right bytes: an empty file system, which has no shell.
        _registry.Override = request => request.Path.EndsWith("/blobs/" + digest, StringComparison.Ordinal)
            ? new FakeResponse(200, tar, new Dictionary<string, string> { ["Content-Type"] = "application/octet-stream" })
            : null;
        var result = Lock("--platform", "linux/amd64");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(ImageFamily.Distroless, Locked.Images[0].Platforms[0].FileSystem!.Family);
    }
}

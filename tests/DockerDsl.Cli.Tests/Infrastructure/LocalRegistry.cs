using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using DockerDsl.Tests.Shared;

namespace DockerDsl.Cli.Tests.Infrastructure;

/// <summary>
/// The local registries eng/docker/registry.sh starts (Debian's docker-registry on 127.0.0.1: one anonymous, one
/// with htpasswd basic auth), the Docker engine that pushes the local base images into them, and skopeo, the
/// independent oracle of what a tag names. Found from the DOCKERDSL_REGISTRY* variables, else from registry.sh's
/// registry.env; missing ones skip the tests, or fail them when DOCKERDSL_E2E_REQUIRED=1 (as in .ci/run).
/// </summary>
internal sealed class LocalRegistry
{
    public const string Docker = "/usr/bin/docker";
    public const string RequiredVariable = "DOCKERDSL_E2E_REQUIRED";

    private static readonly Lazy<Task<(LocalRegistry? Registry, string? Missing)>> Found = new(FindAsync);
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(60) };

    private LocalRegistry(string anonymous, string authenticated, string user, string password)
    {
        Anonymous = anonymous;
        Authenticated = authenticated;
        User = user;
        Password = password;
    }

    /// <summary>host:port of the registry anyone may push to and pull from.</summary>
    public string Anonymous { get; }

    /// <summary>host:port of the registry that wants <see cref="User"/> and <see cref="Password"/> (HTTP basic).</summary>
    public string Authenticated { get; }

    public string User { get; }

    public string Password { get; }

    /// <summary>The registries, or a skip (a failure when <see cref="RequiredVariable"/> is 1) saying what is missing.</summary>
    public static async Task<LocalRegistry> RequireAsync()
    {
        var (registry, missing) = await Found.Value;
        if (registry is not null)
        {
            return registry;
        }

        var message = $"{missing} Start them with eng/docker/setup-engine.sh and eng/docker/registry.sh start (see docs/lock.md).";
        if (Environment.GetEnvironmentVariable(RequiredVariable) == "1")
        {
            Assert.Fail($"{RequiredVariable}=1 but the registry tests cannot run: {message}");
        }

        Skip.If(true, "No local registry: " + message);
        throw new InvalidOperationException("unreachable");
    }

    private static async Task<(LocalRegistry?, string?)> FindAsync()
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        var envFile = Path.Combine(Environment.GetEnvironmentVariable("DOCKERDSL_REGISTRY_DIR") is { Length: > 0 } dir ? dir : "/var/tmp/dockerdsl-registry", "registry.env");
        if (File.Exists(envFile))
        {
            foreach (var line in File.ReadAllLines(envFile))
            {
                var text = line.StartsWith("export ", StringComparison.Ordinal) ? line[7..] : line;
                var equals = text.IndexOf('=');
                if (equals > 0)
                {
                    variables[text[..equals]] = text[(equals + 1)..];
                }
            }
        }

        string? Get(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : variables.GetValueOrDefault(name);

        if (Get("DOCKERDSL_REGISTRY") is not { } anonymous || Get("DOCKERDSL_REGISTRY_AUTH") is not { } authenticated
            || Get("DOCKERDSL_REGISTRY_USER") is not { } user || Get("DOCKERDSL_REGISTRY_PASSWORD") is not { } password)
        {
            return (null, $"DOCKERDSL_REGISTRY, DOCKERDSL_REGISTRY_AUTH, DOCKERDSL_REGISTRY_USER and DOCKERDSL_REGISTRY_PASSWORD are not set and {envFile} does not exist.");
        }

        foreach (var (host, expected) in new[] { (anonymous, HttpStatusCode.OK), (authenticated, HttpStatusCode.Unauthorized) })
        {
            try
            {
                using var response = await Http.GetAsync($"http://{host}/v2/");
                if (response.StatusCode != expected)
                {
                    return (null, $"http://{host}/v2/ answers {(int)response.StatusCode}, not {(int)expected}.");
                }
            }
            catch (HttpRequestException exception)
            {
                return (null, $"no registry answers at {host}: {exception.Message}.");
            }
        }

        if (!File.Exists("/usr/bin/skopeo"))
        {
            return (null, "/usr/bin/skopeo does not exist.");
        }

        var version = File.Exists(Docker) ? await ProcessRunner.RunAsync(Docker, new[] { "version", "--format", "{{.Server.Version}}" }, TimeSpan.FromSeconds(30)) : null;
        if (version is not { Succeeded: true } || version.Output.Trim().Length == 0)
        {
            return (null, $"no Docker engine answers {Docker}.");
        }

        return (new LocalRegistry(anonymous, authenticated, user, password), null);
    }

    /// <summary>Pushes the engine's <paramref name="localImage"/> as <paramref name="target"/> (docker tag, docker push, then the tag removed again).</summary>
    public static async Task PushAsync(string localImage, string target)
    {
        await CheckedAsync(Docker, "tag", localImage, target);
        try
        {
            await CheckedAsync(Docker, "push", "--quiet", target);
        }
        finally
        {
            await ProcessRunner.RunAsync(Docker, new[] { "image", "rm", target }, TimeSpan.FromSeconds(60));
        }
    }

    /// <summary>skopeo against a plain-HTTP local registry; its output (stdout and stderr).</summary>
    public static Task<string> SkopeoAsync(params string[] arguments) => CheckedAsync("/usr/bin/skopeo", arguments);

    /// <summary>The digest skopeo says <paramref name="reference"/> names now (of the index, for a multi-platform image).</summary>
    public static async Task<string> SkopeoDigestAsync(string reference, params string[] options) =>
        LastLine(await SkopeoAsync(new[] { "inspect", "--tls-verify=false", "--format", "{{.Digest}}" }.Concat(options).Append("docker://" + reference).ToArray()));

    /// <summary>skopeo inspect --raw: the manifest or index as JSON.</summary>
    public static async Task<JsonNode> SkopeoRawAsync(string reference, params string[] options) =>
        JsonNode.Parse(FromBrace(await SkopeoAsync(new[] { "inspect", "--tls-verify=false", "--raw" }.Concat(options).Append("docker://" + reference).ToArray())))!;

    /// <summary>skopeo inspect --config for one platform: the image config as JSON.</summary>
    public static async Task<JsonNode> SkopeoConfigAsync(string reference, string architecture, params string[] options) =>
        JsonNode.Parse(FromBrace(await SkopeoAsync(new[] { "inspect", "--tls-verify=false", "--config", "--override-os", "linux", "--override-arch", architecture }.Concat(options).Append("docker://" + reference).ToArray())))!;

    private static string FromBrace(string output) => output[output.IndexOf('{')..];

    private static string LastLine(string output) => output.Trim().Split('\n')[^1].Trim();

    private static async Task<string> CheckedAsync(string program, params string[] arguments)
    {
        var result = await ProcessRunner.RunAsync(program, arguments, TimeSpan.FromMinutes(5));
        Assert.True(result.Succeeded, result.ToString());
        return result.Output;
    }

    // The registry API, for what docker push cannot make: image indexes and images for other platforms.

    public AuthenticationHeaderValue Basic => new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(User + ":" + Password)));

    public static async Task<(byte[] Body, string MediaType)> GetManifestAsync(string host, string repository, string reference, AuthenticationHeaderValue? auth = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"http://{host}/v2/{repository}/manifests/{reference}");
        foreach (var type in new[] { "application/vnd.oci.image.index.v1+json", "application/vnd.docker.distribution.manifest.list.v2+json", "application/vnd.oci.image.manifest.v1+json", "application/vnd.docker.distribution.manifest.v2+json" })
        {
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(type));
        }

        request.Headers.Authorization = auth;
        using var response = await Http.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"GET manifest {host}/{repository}:{reference}: {(int)response.StatusCode}");
        return (await response.Content.ReadAsByteArrayAsync(), response.Content.Headers.ContentType!.MediaType!);
    }

    public static async Task<byte[]> GetBlobAsync(string host, string repository, string digest, AuthenticationHeaderValue? auth = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"http://{host}/v2/{repository}/blobs/{digest}");
        request.Headers.Authorization = auth;
        using var response = await Http.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"GET blob {digest}: {(int)response.StatusCode}");
        return await response.Content.ReadAsByteArrayAsync();
    }

    /// <summary>A monolithic blob upload (POST, then PUT with the digest); returns the digest.</summary>
    public static async Task<string> PutBlobAsync(string host, string repository, byte[] bytes, AuthenticationHeaderValue? auth = null)
    {
        var digest = FakeRegistry.DigestOf(bytes);
        using var start = new HttpRequestMessage(HttpMethod.Post, $"http://{host}/v2/{repository}/blobs/uploads/");
        start.Headers.Authorization = auth;
        using var started = await Http.SendAsync(start);
        Assert.True(started.StatusCode == HttpStatusCode.Accepted, $"POST upload: {(int)started.StatusCode}");
        var location = started.Headers.Location!;
        var uri = location.IsAbsoluteUri ? location : new Uri(new Uri($"http://{host}"), location);
        var separator = uri.Query.Length > 0 ? "&" : "?";
        using var put = new HttpRequestMessage(HttpMethod.Put, uri + separator + "digest=" + Uri.EscapeDataString(digest)) { Content = new ByteArrayContent(bytes) };
        put.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        put.Headers.Authorization = auth;
        using var done = await Http.SendAsync(put);
        Assert.True(done.StatusCode == HttpStatusCode.Created, $"PUT blob: {(int)done.StatusCode} {await done.Content.ReadAsStringAsync()}");
        return digest;
    }

    /// <summary>PUTs a manifest or index under <paramref name="reference"/> (a tag, or its digest); returns its digest.</summary>
    public static async Task<string> PutManifestAsync(string host, string repository, string reference, string mediaType, byte[] bytes, AuthenticationHeaderValue? auth = null)
    {
        using var put = new HttpRequestMessage(HttpMethod.Put, $"http://{host}/v2/{repository}/manifests/{reference}") { Content = new ByteArrayContent(bytes) };
        put.Content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        put.Headers.Authorization = auth;
        using var done = await Http.SendAsync(put);
        Assert.True(done.StatusCode == HttpStatusCode.Created, $"PUT manifest {repository}:{reference}: {(int)done.StatusCode} {await done.Content.ReadAsStringAsync()}");
        return FakeRegistry.DigestOf(bytes);
    }

    /// <summary>
    /// The image <paramref name="repository"/>:<paramref name="tag"/> again for another platform, with
    /// <paramref name="edit"/> applied to its config: the same layers, a new config, a new manifest (by digest).
    /// </summary>
    public static async Task<(string Digest, int Size)> RebuildAsync(string host, string repository, string tag, Action<JsonNode> edit)
    {
        var (manifestBytes, mediaType) = await GetManifestAsync(host, repository, tag);
        var manifest = JsonNode.Parse(manifestBytes)!;
        var config = JsonNode.Parse(await GetBlobAsync(host, repository, (string)manifest["config"]!["digest"]!))!;
        edit(config);
        var configBytes = Encoding.UTF8.GetBytes(config.ToJsonString());
        manifest["config"]!["digest"] = await PutBlobAsync(host, repository, configBytes);
        manifest["config"]!["size"] = configBytes.Length;
        var bytes = Encoding.UTF8.GetBytes(manifest.ToJsonString());
        return (await PutManifestAsync(host, repository, FakeRegistry.DigestOf(bytes), mediaType, bytes), bytes.Length);
    }

    /// <summary>An OCI index of the manifests (digest, size, os/arch[/variant]) under <paramref name="tag"/>; returns its digest.</summary>
    public static Task<string> PutIndexAsync(string host, string repository, string tag, string manifestMediaType, params (string Digest, int Size, string Platform)[] manifests)
    {
        var index = new JsonObject
        {
            ["schemaVersion"] = 2,
            ["mediaType"] = "application/vnd.oci.image.index.v1+json",
            ["manifests"] = new JsonArray(manifests.Select(m =>
            {
                var parts = m.Platform.Split('/');
                var platform = new JsonObject { ["architecture"] = parts[1], ["os"] = parts[0] };
                if (parts.Length > 2)
                {
                    platform["variant"] = parts[2];
                }

                return (JsonNode)new JsonObject { ["mediaType"] = manifestMediaType, ["digest"] = m.Digest, ["size"] = m.Size, ["platform"] = platform };
            }).ToArray()),
        };
        return PutManifestAsync(host, repository, tag, "application/vnd.oci.image.index.v1+json", Encoding.UTF8.GetBytes(index.ToJsonString()));
    }
}

using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace DockerDsl.Cli.Tests.Infrastructure;

/// <summary>One request the fake registry received.</summary>
internal sealed record FakeRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers);

/// <summary>What the fake registry answers.</summary>
internal sealed record FakeResponse(int Status, byte[] Body, IReadOnlyDictionary<string, string> Headers)
{
    public static FakeResponse Json(int status, string body, string contentType = "application/json") =>
        new(status, Encoding.UTF8.GetBytes(body), new Dictionary<string, string> { ["Content-Type"] = contentType });
}

/// <summary>
/// A tiny HTTP/1.1 registry on 127.0.0.1 for what a real one will not do: malformed manifests, answers that never
/// come, and the Bearer token flow (a token realm on the same port). It serves manifests and blobs from memory, each
/// with its Docker-Content-Digest, as the distribution API does.
/// </summary>
internal sealed class FakeRegistry : IDisposable
{
    public const string IndexType = "application/vnd.oci.image.index.v1+json";
    public const string ManifestType = "application/vnd.oci.image.manifest.v1+json";

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<string, (string MediaType, byte[] Body)> _content = new(StringComparer.Ordinal);

    public FakeRegistry()
    {
        _listener.Start();
        _ = Task.Run(AcceptAsync);
    }

    public string Host => $"127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";

    public ConcurrentQueue<FakeRequest> Requests { get; } = new();

    /// <summary>Answers a request before the store does; null lets the store answer.</summary>
    public Func<FakeRequest, FakeResponse?>? Override { get; set; }

    /// <summary>How long every answer waits.</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>When set, /v2/ asks for a Bearer token that /token hands out to <see cref="TokenUser"/>.</summary>
    public string? Token { get; set; }

    public (string User, string Password)? TokenUser { get; set; }

    public static string DigestOf(byte[] bytes) => "sha256:" + Convert.ToHexString(SHA256.HashData(bytes)).ToLowerInvariant();

    /// <summary>Stores an image (a config and a manifest without layers) and returns its manifest digest.</summary>
    public string AddImage(string repository, string? tag, string os, string architecture, object? config = null, string? variant = null)
    {
        var configBytes = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object?>
        {
            ["architecture"] = architecture,
            ["os"] = os,
            ["variant"] = variant,
            ["config"] = config ?? new Dictionary<string, object>(),
            ["rootfs"] = new Dictionary<string, object> { ["type"] = "layers", ["diff_ids"] = Array.Empty<string>() },
        });
        var configDigest = DigestOf(configBytes);
        _content[$"{repository}/blobs/{configDigest}"] = ("application/octet-stream", configBytes);
        var manifest = $$"""
            {"schemaVersion":2,"mediaType":"{{ManifestType}}","config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"{{configDigest}}","size":{{configBytes.Length}}},"layers":[]}
            """;
        return AddManifest(repository, tag, ManifestType, manifest.Trim());
    }

    /// <summary>Stores an index of <paramref name="entries"/> (digest, os/arch[/variant]) and returns its digest.</summary>
    public string AddIndex(string repository, string? tag, params (string Digest, string Platform)[] entries)
    {
        var manifests = entries.Select(entry =>
        {
            var size = _content[$"{repository}/manifests/{entry.Digest}"].Body.Length;
            var parts = entry.Platform.Split('/');
            var variant = parts.Length > 2 ? $",\"variant\":\"{parts[2]}\"" : string.Empty;
            return $"{{\"mediaType\":\"{ManifestType}\",\"digest\":\"{entry.Digest}\",\"size\":{size},\"platform\":{{\"os\":\"{parts[0]}\",\"architecture\":\"{parts[1]}\"{variant}}}}}";
        });
        return AddManifest(repository, tag, IndexType, $"{{\"schemaVersion\":2,\"mediaType\":\"{IndexType}\",\"manifests\":[{string.Join(",", manifests)}]}}");
    }

    public string AddManifest(string repository, string? tag, string mediaType, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var digest = DigestOf(bytes);
        _content[$"{repository}/manifests/{digest}"] = (mediaType, bytes);
        if (tag is not null)
        {
            _content[$"{repository}/manifests/{tag}"] = (mediaType, bytes);
        }

        return digest;
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var request = await ReadRequestAsync(stream);
                if (request is null)
                {
                    return;
                }

                Requests.Enqueue(request);
                if (Delay > TimeSpan.Zero)
                {
                    await Task.Delay(Delay, _stop.Token);
                }

                var response = Override?.Invoke(request) ?? Answer(request);
                var head = new StringBuilder($"HTTP/1.1 {response.Status} {(HttpStatusCode)response.Status}\r\n");
                foreach (var (name, value) in response.Headers)
                {
                    head.Append(name).Append(": ").Append(value).Append("\r\n");
                }

                head.Append("Content-Length: ").Append(response.Body.Length).Append("\r\nConnection: close\r\n\r\n");
                await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()), _stop.Token);
                if (request.Method != "HEAD")
                {
                    await stream.WriteAsync(response.Body, _stop.Token);
                }
            }
            catch (Exception exception) when (exception is IOException or OperationCanceledException or ObjectDisposedException or SocketException)
            {
                // The client went away, or the registry stopped.
            }
        }
    }

    private static async Task<FakeRequest?> ReadRequestAsync(NetworkStream stream)
    {
        var buffer = new List<byte>();
        var one = new byte[1];
        while (!(buffer.Count >= 4 && buffer[^4] == '\r' && buffer[^3] == '\n' && buffer[^2] == '\r' && buffer[^1] == '\n'))
        {
            if (await stream.ReadAsync(one) == 0)
            {
                return null;
            }

            // Not HTTP (a TLS handshake): answer as Go's net/http does, 400, so the client fails at once.
            if (buffer.Count == 0 && !char.IsAsciiLetterUpper((char)one[0]))
            {
                await stream.WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.0 400 Bad Request\r\n\r\nClient sent an HTTP request to an HTTPS server.\n"));
                return null;
            }

            buffer.Add(one[0]);
        }

        var lines = Encoding.ASCII.GetString(buffer.ToArray()).Split("\r\n");
        var requestLine = lines[0].Split(' ');
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1).Where(l => l.Contains(':')))
        {
            var colon = line.IndexOf(':');
            headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }

        return new FakeRequest(requestLine[0], requestLine[1], headers);
    }

    private FakeResponse Answer(FakeRequest request)
    {
        var path = request.Path.Split('?')[0];
        if (path == "/token")
        {
            var expected = TokenUser is { } user ? "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(user.User + ":" + user.Password)) : null;
            return expected is null || (request.Headers.TryGetValue("Authorization", out var basic) && basic == expected)
                ? FakeResponse.Json(200, $"{{\"token\":\"{Token}\",\"expires_in\":300}}")
                : FakeResponse.Json(401, "{\"details\":\"wrong user or password\"}");
        }

        if (Token is not null && !(request.Headers.TryGetValue("Authorization", out var bearer) && bearer == "Bearer " + Token))
        {
            var repository = path.StartsWith("/v2/", StringComparison.Ordinal) && path.LastIndexOf("/manifests/", StringComparison.Ordinal) is var at and > 4 ? path[4..at] : "unknown";
            return new FakeResponse(401, Encoding.UTF8.GetBytes("{\"errors\":[{\"code\":\"UNAUTHORIZED\",\"message\":\"authentication required\"}]}"), new Dictionary<string, string>
            {
                ["Content-Type"] = "application/json",
                ["WWW-Authenticate"] = $"Bearer realm=\"http://{Host}/token\",service=\"fake-registry\",scope=\"repository:{repository}:pull\"",
            });
        }

        if (path.StartsWith("/v2/", StringComparison.Ordinal) && _content.TryGetValue(path[4..], out var content))
        {
            return new FakeResponse(200, content.Body, new Dictionary<string, string>
            {
                ["Content-Type"] = content.MediaType,
                ["Docker-Content-Digest"] = DigestOf(content.Body),
            });
        }

        return FakeResponse.Json(404, "{\"errors\":[{\"code\":\"MANIFEST_UNKNOWN\",\"message\":\"manifest unknown\"}]}");
    }
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using DockerDsl.Core.Lock;

namespace DockerDsl.Cli.Registry;

/// <summary>A registry's answer: status, headers that matter, and the body read whole (within a size limit).</summary>
internal sealed record RegistryResponse(HttpStatusCode Status, string? ContentType, string? ContentDigest, byte[] Body);

/// <summary>
/// Requests to the OCI distribution API of the registries images name, with their authentication: on a 401 the
/// <c>WWW-Authenticate</c> challenge says how. <c>Bearer</c>: a token from the challenge's realm for its service and
/// scope, asked with the Docker config's user and password (HTTP basic), or with its identity token as an OAuth2
/// refresh token, or anonymously; <c>Basic</c>: the user and password themselves. Tokens are kept per registry and
/// scope for the run. HTTPS with the system's trusted certificates, plain HTTP only for insecure registries; each
/// request is bounded by the timeout.
/// </summary>
internal sealed class RegistryHttp : IDisposable
{
    private const string ClientId = "dockerdsl";

    private readonly HttpClient _client;
    private readonly RegistrySettings _settings;
    private readonly DockerCredentials _credentials;
    private readonly Dictionary<string, AuthenticationHeaderValue> _authorizations = new(StringComparer.Ordinal);

    public RegistryHttp(RegistrySettings settings)
    {
        _settings = settings;
        _credentials = new DockerCredentials(settings.Environment, settings.Timeout);
        _client = new HttpClient(new SocketsHttpHandler
        {
            ConnectTimeout = settings.Timeout,
            AllowAutoRedirect = true,
            MaxAutomaticRedirections = 10,
            AutomaticDecompression = DecompressionMethods.All,
            UseCookies = false,
        })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
        _client.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("dockerdsl", ToolInfo.Version));
    }

    public void Dispose() => _client.Dispose();

    /// <summary>The base URL of the registry API for <paramref name="name"/>.</summary>
    public Uri BaseUri(ImageName name) => new((_settings.IsInsecure(name.Domain) ? "http://" : "https://") + name.RegistryHost + "/v2/");

    /// <summary>Sends a request for a repository's content, authenticating as the registry asks.</summary>
    /// <param name="path">Below <c>/v2/</c>: <c>library/debian/manifests/bookworm</c>.</param>
    /// <param name="maxBytes">The largest body read; a larger one is an error.</param>
    /// <param name="consume">When set, reads a 200 OK answer's body as it streams in; the response's body is then empty.</param>
    public async Task<RegistryResponse> SendAsync(ImageName name, HttpMethod method, string path, IReadOnlyList<string> accept, long maxBytes, CancellationToken cancellationToken, Func<Stream, CancellationToken, Task>? consume = null)
    {
        var uri = new Uri(BaseUri(name), path);
        var scope = $"repository:{name.Path}:pull";
        var key = name.RegistryHost + " " + scope;
        _authorizations.TryGetValue(key, out var authorization);
        for (var attempt = 0; ; attempt++)
        {
            var response = await SendOnceAsync(name.RegistryHost, method, uri, accept, authorization, maxBytes, cancellationToken, consume).ConfigureAwait(false);
            if (response.Response.Status != HttpStatusCode.Unauthorized)
            {
                return response.Response;
            }

            if (attempt > 0)
            {
                throw await RefusedAsync(name, response.Response, cancellationToken).ConfigureAwait(false);
            }

            authorization = await AuthorizeAsync(name, response.Challenges, scope, cancellationToken).ConfigureAwait(false);
            _authorizations[key] = authorization;
        }
    }

    private async Task<(RegistryResponse Response, IReadOnlyList<AuthChallenge> Challenges)> SendOnceAsync(
        string host, HttpMethod method, Uri uri, IReadOnlyList<string> accept, AuthenticationHeaderValue? authorization, long maxBytes, CancellationToken cancellationToken, Func<Stream, CancellationToken, Task>? consume)
    {
        using var request = new HttpRequestMessage(method, uri);
        foreach (var type in accept)
        {
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(type));
        }

        request.Headers.Authorization = authorization;
        return await WithTimeoutAsync(host, uri, cancellationToken, async token =>
        {
            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, token).ConfigureAwait(false);
            var body = Array.Empty<byte>();
            if (consume is not null && response.StatusCode == HttpStatusCode.OK)
            {
                await using var stream = await response.Content.ReadAsStreamAsync(token).ConfigureAwait(false);
                await consume(stream, token).ConfigureAwait(false);
            }
            else if (method != HttpMethod.Head)
            {
                body = await ReadAsync(response, uri, maxBytes, token).ConfigureAwait(false);
            }

            var challenges = response.Headers.WwwAuthenticate.Select(c => AuthChallenge.Parse(c.Scheme, c.Parameter)).ToList();
            var digest = response.Headers.TryGetValues("Docker-Content-Digest", out var digests) ? digests.FirstOrDefault() : null;
            return (new RegistryResponse(response.StatusCode, response.Content.Headers.ContentType?.ToString(), digest, body), (IReadOnlyList<AuthChallenge>)challenges);
        }).ConfigureAwait(false);
    }

    /// <summary>The Authorization a challenge asks for; an error when it needs credentials there are none of.</summary>
    private async Task<AuthenticationHeaderValue> AuthorizeAsync(ImageName name, IReadOnlyList<AuthChallenge> challenges, string scope, CancellationToken cancellationToken)
    {
        var credential = await _credentials.GetAsync(name.Domain, cancellationToken).ConfigureAwait(false);
        if (credential?.RegistryToken is { } registryToken)
        {
            return new AuthenticationHeaderValue("Bearer", registryToken);
        }

        var bearer = challenges.FirstOrDefault(c => c.Scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase));
        if (bearer is not null)
        {
            return new AuthenticationHeaderValue("Bearer", await TokenAsync(name, bearer, scope, credential, cancellationToken).ConfigureAwait(false));
        }

        if (challenges.Any(c => c.Scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase)))
        {
            if (credential is not { HasPassword: true })
            {
                throw NoCredentials(name);
            }

            return Basic(credential);
        }

        throw new RegistryException(challenges.Count == 0
            ? $"{name.RegistryHost} answered 401 Unauthorized without saying how to authenticate (no WWW-Authenticate header)"
            : $"{name.RegistryHost} asks for authentication by {string.Join(", ", challenges.Select(c => c.Scheme))}, which dockerdsl does not speak (Bearer and Basic)");
    }

    /// <summary>A token from the challenge's realm (the distribution token spec; OAuth2 with an identity token).</summary>
    private async Task<string> TokenAsync(ImageName name, AuthChallenge challenge, string scope, RegistryCredential? credential, CancellationToken cancellationToken)
    {
        if (challenge["realm"] is not { Length: > 0 } realmText || !Uri.TryCreate(realmText, UriKind.Absolute, out var realm) || realm.Scheme is not ("https" or "http"))
        {
            throw new RegistryException($"{name.RegistryHost} asks for a Bearer token without a valid realm URL: {challenge["realm"] ?? "(none)"}");
        }

        if (realm.Scheme == "http" && !_settings.IsInsecure(name.Domain) && !_settings.IsInsecure(realm.Authority))
        {
            throw new RegistryException($"{name.RegistryHost} sends for tokens to {realm.GetLeftPart(UriPartial.Path)}, which is plain HTTP; only insecure registries (--insecure-registry) may do that");
        }

        var service = challenge["service"];
        var tokenScope = challenge["scope"] is { Length: > 0 } asked ? asked : scope;
        using var request = new HttpRequestMessage();
        request.RequestUri = realm;
        if (credential?.IdentityToken is { } refreshToken)
        {
            request.Method = HttpMethod.Post;
            var form = new List<KeyValuePair<string, string>>
            {
                new("grant_type", "refresh_token"),
                new("refresh_token", refreshToken),
                new("client_id", ClientId),
                new("scope", tokenScope),
            };
            if (service is not null)
            {
                form.Add(new("service", service));
            }

            request.Content = new FormUrlEncodedContent(form);
        }
        else
        {
            request.Method = HttpMethod.Get;
            var query = new StringBuilder(realm.Query.Length > 1 ? realm.Query[1..] + "&" : string.Empty);
            if (service is not null)
            {
                query.Append("service=").Append(Uri.EscapeDataString(service)).Append('&');
            }

            query.Append("scope=").Append(Uri.EscapeDataString(tokenScope));
            request.RequestUri = new UriBuilder(realm) { Query = query.ToString() }.Uri;
            if (credential is { HasPassword: true })
            {
                request.Headers.Authorization = Basic(credential);
            }
        }

        var realmName = realm.GetLeftPart(UriPartial.Path);
        var (status, body) = await WithTimeoutAsync(realm.Authority, realm, cancellationToken, async token =>
        {
            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, token).ConfigureAwait(false);
            return (response.StatusCode, await ReadAsync(response, realm, 1024 * 1024, token).ConfigureAwait(false));
        }).ConfigureAwait(false);
        if (status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            throw new RegistryException(credential is null
                ? $"the token server {realmName} refuses anonymous access to {name.Repository} ({(int)status}); log in with docker login {name.Domain}"
                : $"the token server {realmName} refuses {credential.Describe()} ({(int)status} {status})");
        }

        if (status != HttpStatusCode.OK)
        {
            throw new RegistryException($"the token server {realmName} answered {(int)status} {status}{ErrorDetail(body)}");
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            foreach (var property in new[] { "token", "access_token" })
            {
                if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty(property, out var value)
                    && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text)
                {
                    return text;
                }
            }
        }
        catch (JsonException)
        {
            // Reported below, as any answer without a token.
        }

        throw new RegistryException($"the token server {realmName} answered without a token");
    }

    /// <summary>What a second 401 means: the credentials were refused, or there are none.</summary>
    private async Task<RegistryException> RefusedAsync(ImageName name, RegistryResponse response, CancellationToken cancellationToken)
    {
        var credential = await _credentials.GetAsync(name.Domain, cancellationToken).ConfigureAwait(false);
        return credential is null
            ? NoCredentials(name)
            : new RegistryException($"{name.RegistryHost} refuses {credential.Describe()} for {name.Repository} (401 Unauthorized{ErrorDetail(response.Body)})");
    }

    private static RegistryException NoCredentials(ImageName name) =>
        new($"{name.RegistryHost} needs credentials for {name.Repository} and the Docker config has none for {name.Domain}; log in with docker login {name.Domain}");

    private static AuthenticationHeaderValue Basic(RegistryCredential credential) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credential.Username + ":" + credential.Password)));

    /// <summary>The registry's error text (<c>{"errors":[{"code","message"}]}</c>) as ": CODE message", or nothing.</summary>
    public static string ErrorDetail(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array)
            {
                var parts = errors.EnumerateArray()
                    .Where(e => e.ValueKind == JsonValueKind.Object)
                    .Select(e => string.Join(" ", new[] { Text(e, "code"), Text(e, "message") }.Where(t => t.Length > 0)))
                    .Where(t => t.Length > 0)
                    .ToList();
                return parts.Count > 0 ? ": " + string.Join("; ", parts) : string.Empty;
            }
        }
        catch (JsonException)
        {
            // Not the registry's error format: nothing to add.
        }

        return string.Empty;

        static string Text(JsonElement element, string name) =>
            element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : string.Empty;
    }

    private static async Task<byte[]> ReadAsync(HttpResponseMessage response, Uri uri, long maxBytes, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentLength is { } length && length > maxBytes)
        {
            throw new RegistryException($"{uri.GetLeftPart(UriPartial.Path)} is {length} bytes, more than the {maxBytes / (1024 * 1024)} MiB allowed");
        }

        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > maxBytes)
            {
                throw new RegistryException($"{uri.GetLeftPart(UriPartial.Path)} is more than the {maxBytes / (1024 * 1024)} MiB allowed");
            }
        }

        return buffer.ToArray();
    }

    /// <summary>Runs one exchange bounded by the timeout, turning network failures into one-line errors.</summary>
    private async Task<T> WithTimeoutAsync<T>(string host, Uri uri, CancellationToken cancellationToken, Func<CancellationToken, Task<T>> exchange)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_settings.Timeout);
        try
        {
            return await exchange(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new RegistryException($"{host} did not answer within {_settings.TimeoutText} (--timeout)");
        }
        catch (HttpRequestException exception)
        {
            throw new RegistryException(Describe(host, uri, exception));
        }
        catch (IOException exception)
        {
            throw new RegistryException($"the connection to {host} broke: {exception.Message}");
        }
    }

    private string Describe(string host, Uri uri, HttpRequestException exception)
    {
        var plainHint = uri.Scheme == "https" ? $"; if it serves plain HTTP, mark it --insecure-registry {host}" : string.Empty;
        if (exception.InnerException is AuthenticationException tls)
        {
            return $"the TLS connection to {host} failed: {tls.Message}{(tls.InnerException is { } inner ? " " + inner.Message : string.Empty)}{plainHint}";
        }

        if (exception.HttpRequestError == HttpRequestError.SecureConnectionError)
        {
            return $"the TLS connection to {host} failed: {exception.Message}{plainHint}";
        }

        if (exception.InnerException is SocketException socket)
        {
            return $"cannot reach {host}: {socket.Message}";
        }

        return $"the request to {uri.GetLeftPart(UriPartial.Path)} failed: {exception.Message}";
    }
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace DockerDsl.Cli.Registry;

/// <summary>
/// The credentials <c>docker login</c> stored, read as the Docker CLI reads them: <c>$DOCKER_CONFIG/config.json</c>
/// (default <c>~/.docker/config.json</c>); a <c>credHelpers</c> entry for the registry, else <c>credsStore</c>,
/// names a program <c>docker-credential-&lt;name&gt;</c> that is asked; else the <c>auths</c> entry, matched by
/// host name as the CLI matches it. Docker Hub's entry is <c>https://index.docker.io/v1/</c>.
/// </summary>
internal sealed class DockerCredentials
{
    private const string DockerHubServer = "https://index.docker.io/v1/";

    private readonly IReadOnlyDictionary<string, string> _environment;
    private readonly TimeSpan _timeout;
    private readonly Dictionary<string, RegistryCredential?> _cache = new(StringComparer.OrdinalIgnoreCase);
    private ConfigFile? _config;

    public DockerCredentials(IReadOnlyDictionary<string, string> environment, TimeSpan timeout)
    {
        _environment = environment;
        _timeout = timeout;
    }

    /// <summary>The credential for the registry that image references name <paramref name="domain"/>, or null for none.</summary>
    /// <exception cref="RegistryException">The config or a credential helper fails.</exception>
    public async Task<RegistryCredential?> GetAsync(string domain, CancellationToken cancellationToken)
    {
        if (_cache.TryGetValue(domain, out var cached))
        {
            return cached;
        }

        var config = _config ??= ConfigFile.Load(_environment);
        var keys = domain == Core.Lock.ImageName.DockerHubDomain
            ? new[] { DockerHubServer, "index.docker.io", "docker.io", "registry-1.docker.io" }
            : new[] { domain };
        var serverAddress = keys[0];
        RegistryCredential? credential = null;
        var helper = FindHelper(config, keys) ?? config.CredentialsStore;
        if (!string.IsNullOrEmpty(helper))
        {
            credential = await CredentialHelper.GetAsync(helper!, serverAddress, _environment, _timeout, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            foreach (var key in keys)
            {
                if (config.Find(key) is { } entry)
                {
                    credential = entry;
                    break;
                }
            }
        }

        _cache[domain] = credential;
        return credential;
    }

    private static string? FindHelper(ConfigFile config, string[] keys)
    {
        foreach (var key in keys)
        {
            if (config.Helpers.TryGetValue(key, out var helper) && helper.Length > 0)
            {
                return helper;
            }
        }

        return null;
    }

    /// <summary>The parts of config.json that hold credentials.</summary>
    private sealed class ConfigFile
    {
        private readonly List<(string Host, RegistryCredential Credential)> _auths = new();

        public string? CredentialsStore { get; private set; }

        public Dictionary<string, string> Helpers { get; } = new(StringComparer.OrdinalIgnoreCase);

        public static ConfigFile Load(IReadOnlyDictionary<string, string> environment)
        {
            var folder = environment.TryGetValue("DOCKER_CONFIG", out var configured) && configured.Length > 0
                ? configured
                : Path.Combine(environment.TryGetValue("HOME", out var home) && home.Length > 0 ? home : Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".docker");
            var path = Path.Combine(folder, "config.json");
            var config = new ConfigFile();
            if (!File.Exists(path))
            {
                return config;
            }

            try
            {
                using var document = JsonDocument.Parse(File.ReadAllBytes(path), new JsonDocumentOptions { AllowTrailingCommas = false });
                config.Read(document.RootElement, path);
            }
            catch (Exception exception) when (exception is JsonException or IOException or UnauthorizedAccessException or FormatException or InvalidOperationException)
            {
                throw new RegistryException($"the Docker config {path} cannot be read: {exception.Message}");
            }

            return config;
        }

        /// <summary>The <c>auths</c> entry whose host name is <paramref name="host"/>: keys may be URLs, as older logins wrote them.</summary>
        public RegistryCredential? Find(string host)
        {
            foreach (var (entryHost, credential) in _auths)
            {
                if (string.Equals(entryHost, host, StringComparison.OrdinalIgnoreCase))
                {
                    return credential;
                }
            }

            foreach (var (entryHost, credential) in _auths)
            {
                if (string.Equals(HostName(entryHost), HostName(host), StringComparison.OrdinalIgnoreCase))
                {
                    return credential;
                }
            }

            return null;
        }

        private void Read(JsonElement root, string path)
        {
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException("it is not a JSON object");
            }

            if (root.TryGetProperty("credsStore", out var store) && store.ValueKind == JsonValueKind.String)
            {
                CredentialsStore = store.GetString();
            }

            if (root.TryGetProperty("credHelpers", out var helpers) && helpers.ValueKind == JsonValueKind.Object)
            {
                foreach (var helper in helpers.EnumerateObject())
                {
                    if (helper.Value.ValueKind == JsonValueKind.String)
                    {
                        Helpers[helper.Name] = helper.Value.GetString()!;
                    }
                }
            }

            if (root.TryGetProperty("auths", out var auths) && auths.ValueKind == JsonValueKind.Object)
            {
                var source = DisplayPath(path);
                foreach (var entry in auths.EnumerateObject())
                {
                    if (entry.Value.ValueKind == JsonValueKind.Object && ReadEntry(entry.Name, entry.Value, source) is { } credential)
                    {
                        _auths.Add((entry.Name, credential));
                    }
                }
            }
        }

        private static RegistryCredential? ReadEntry(string server, JsonElement entry, string source)
        {
            string? Get(string name) => entry.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

            var username = Get("username");
            var password = Get("password");
            if (Get("auth") is { Length: > 0 } auth)
            {
                // "auth" is base64 of "user:password", as docker login writes it.
                var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(auth));
                var colon = decoded.IndexOf(':');
                if (colon < 0)
                {
                    throw new FormatException($"the \"auth\" of \"{server}\" is not base64 of user:password");
                }

                username = decoded[..colon];
                password = decoded[(colon + 1)..];
            }

            var identityToken = Get("identitytoken") is { Length: > 0 } identity ? identity : null;
            var registryToken = Get("registrytoken") is { Length: > 0 } token ? token : null;
            if (string.IsNullOrEmpty(username) && identityToken is null && registryToken is null)
            {
                return null;
            }

            return new RegistryCredential(username, password, identityToken, registryToken, source);
        }

        private static string DisplayPath(string path)
        {
            var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            return home.Length > 0 && path.StartsWith(home + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? "~" + path[home.Length..] : path;
        }

        /// <summary>The Docker CLI's ConvertToHostname: the scheme and any path dropped.</summary>
        private static string HostName(string server)
        {
            var host = server;
            if (host.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
            {
                host = host[7..];
            }
            else if (host.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            {
                host = host[8..];
            }

            var slash = host.IndexOf('/');
            return slash < 0 ? host : host[..slash];
        }
    }
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using DockerDsl.Core.Lock;
using DockerDsl.Core.Model;

namespace DockerDsl.Cli.Registry;

/// <summary>
/// Resolves image references against their registries: the tag (or digest) to the manifest or index it names,
/// then, per platform, the platform's image manifest and its image config. Every piece of content is checked
/// against its digest, so what is recorded is what that digest pulls.
/// </summary>
internal sealed class RegistryClient : IDisposable
{
    private const long MaxManifestBytes = 4 * 1024 * 1024;
    private const long MaxConfigBytes = 16 * 1024 * 1024;

    private readonly RegistryHttp _http;
    private readonly Dictionary<string, LockedFileSystem?> _fileSystems = new(StringComparer.Ordinal);

    public RegistryClient(RegistrySettings settings)
    {
        _http = new RegistryHttp(settings);
    }

    public void Dispose() => _http.Dispose();

    /// <summary>The digest <paramref name="name"/> names now: a HEAD request when the registry says the digest, else the manifest read.</summary>
    public async Task<string> DigestAsync(ImageName name, CancellationToken cancellationToken)
    {
        if (name.Digest is { } pinned)
        {
            return pinned;
        }

        var head = await RequestAsync(name, HttpMethod.Head, "manifests/" + name.ManifestReference, ImageManifests.Accepted, 0, cancellationToken).ConfigureAwait(false);
        if (head.ContentDigest is { } digest && Digests.IsValid(digest))
        {
            return digest;
        }

        return (await ManifestAsync(name, name.ManifestReference, cancellationToken).ConfigureAwait(false)).Digest;
    }

    /// <summary>Locks <paramref name="reference"/> for <paramref name="platforms"/>; <paramref name="warn"/> hears of a single-platform image used for another platform.</summary>
    /// <param name="name">What to resolve: the reference itself, or its repository at an already locked digest.</param>
    /// <param name="inspectLayers">Whether to read each platform's layers for what its file system says (<see cref="LayerFileSystem"/>).</param>
    public async Task<LockedImage> LockAsync(string reference, ImageName name, IReadOnlyList<string> platforms, Action<string> warn, CancellationToken cancellationToken, bool inspectLayers = false)
    {
        var top = await ManifestAsync(name, name.ManifestReference, cancellationToken).ConfigureAwait(false);
        var locked = new List<LockedPlatform>();
        foreach (var platform in platforms.Distinct().OrderBy(p => p, StringComparer.Ordinal))
        {
            var manifest = top;
            if (top.IsIndex)
            {
                var descriptor = Select(top.Manifests, platform)
                    ?? throw new RegistryException($"{name} has no image for {platform}; it has {Available(top)}");
                manifest = await ManifestAsync(name, descriptor.Digest, cancellationToken).ConfigureAwait(false);
                if (manifest.IsIndex)
                {
                    throw new RegistryException($"{name}: the entry for {platform} ({descriptor.Digest}) is itself an index, which BuildKit does not pull");
                }
            }

            var config = await ConfigAsync(name, manifest.Config!, cancellationToken).ConfigureAwait(false);
            var os = config.OS ?? throw new RegistryException($"the image config {manifest.Config!.Digest} of {name} says no os");
            var architecture = config.Architecture ?? throw new RegistryException($"the image config {manifest.Config!.Digest} of {name} says no architecture");
            if (!top.IsIndex && LockPlatform.Normalize(os + "/" + architecture + (string.IsNullOrEmpty(config.Variant) ? string.Empty : "/" + config.Variant)) != platform)
            {
                warn($"{reference} is a single-platform image for {os}/{architecture}; a build for {platform} uses it as it is");
            }

            var fileSystem = inspectLayers ? await FileSystemAsync(name, manifest, cancellationToken).ConfigureAwait(false) : null;
            locked.Add(new LockedPlatform(platform, manifest.Digest, os, architecture, string.IsNullOrEmpty(config.Variant) ? null : config.Variant, config.Config, fileSystem));
        }

        var indexPlatforms = top.IsIndex
            ? top.Manifests.Where(m => m.Platform is { } p && LockPlatform.Normalize(p) == p && m.MediaType is ImageManifests.OciManifest or ImageManifests.DockerManifest)
                .Select(m => m.Platform!).Distinct().OrderBy(p => p, StringComparer.Ordinal).ToEquatableArray()
            : (EquatableArray<string>?)null;
        return new LockedImage(reference, name.Repository, name.Tag, top.Digest, top.MediaType, locked.ToEquatableArray(), indexPlatforms);
    }

    /// <summary>The index entry for <paramref name="platform"/>: an exact match, else the closest older variant a machine of that platform runs.</summary>
    internal static Descriptor? Select(IReadOnlyList<Descriptor> manifests, string platform)
    {
        foreach (var candidate in Compatible(platform))
        {
            if (manifests.FirstOrDefault(m => m.Platform == candidate && m.MediaType is ImageManifests.OciManifest or ImageManifests.DockerManifest) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    /// <summary><paramref name="platform"/>, then the variants containerd's matcher accepts for it, best first.</summary>
    private static IEnumerable<string> Compatible(string platform)
    {
        yield return platform;
        var parts = platform.Split('/');
        if (parts.Length != 3)
        {
            yield break;
        }

        string[] ladder = parts[1] switch
        {
            "arm" => new[] { "v8", "v7", "v6", "v5" },
            "amd64" => new[] { "v4", "v3", "v2", string.Empty },
            _ => Array.Empty<string>(),
        };
        var index = Array.IndexOf(ladder, parts[2]);
        for (var i = index + 1; index >= 0 && i < ladder.Length; i++)
        {
            yield return LockPlatform.Format(parts[0], parts[1], ladder[i]);
        }
    }

    private static string Available(Manifest index)
    {
        var platforms = index.Manifests.Select(m => m.Platform).Where(p => p is not null).Distinct().OrderBy(p => p, StringComparer.Ordinal).ToList();
        return platforms.Count == 0 ? "no platform at all" : string.Join(", ", platforms);
    }

    private async Task<Manifest> ManifestAsync(ImageName name, string reference, CancellationToken cancellationToken)
    {
        var response = await RequestAsync(name, HttpMethod.Get, "manifests/" + reference, ImageManifests.Accepted, MaxManifestBytes, cancellationToken).ConfigureAwait(false);
        var byDigest = Digests.IsValid(reference);
        var digest = Digests.Of(response.Body, byDigest ? reference : null);
        if (byDigest && digest != reference)
        {
            throw new RegistryException($"{name.Repository}@{reference}: the registry served content whose digest is {digest}");
        }

        if (!byDigest && response.ContentDigest is { } served && Digests.IsValid(served) && Digests.Of(response.Body, served) != served)
        {
            throw new RegistryException($"{name}: the registry says the manifest is {served}, but its content is {Digests.Of(response.Body, served)}");
        }

        return ImageManifests.Parse(response.Body, response.ContentType, digest);
    }

    /// <summary>
    /// What the image's file system says about its family: every layer read once, bottom first, as it streams in (no
    /// layer is stored), each checked against its descriptor's digest and size. Null when a layer is compressed in a way
    /// dockerdsl does not read (zstd) or of a media type that is not a layer: then nothing is recorded rather than a guess.
    /// </summary>
    private async Task<LockedFileSystem?> FileSystemAsync(ImageName name, Manifest manifest, CancellationToken cancellationToken)
    {
        var layers = manifest.Layers ?? Array.Empty<Descriptor>();
        if (_fileSystems.TryGetValue(manifest.Digest, out var known))
        {
            return known;
        }

        if (layers.Any(l => !LayerFileSystem.CanRead(l.MediaType)))
        {
            return null;
        }

        // Each layer is one request, bounded by the timeout like any other; an answer that is not 200 OK is read as
        // an error (at most MaxManifestBytes), a 200 OK body streams into the reader.
        var fileSystem = new LayerFileSystem();
        foreach (var layer in layers)
        {
            await RequestAsync(name, HttpMethod.Get, "blobs/" + layer.Digest, Array.Empty<string>(), MaxManifestBytes, cancellationToken, async (stream, token) =>
            {
                using var digesting = new DigestingStream(stream, layer.Digest, layer.Size);
                try
                {
                    await fileSystem.ApplyAsync(digesting, layer.MediaType, token).ConfigureAwait(false);
                }
                catch (Exception exception) when (exception is InvalidDataException or FormatException)
                {
                    throw new RegistryException($"{name}: the layer {layer.Digest} is not a {layer.MediaType}: {exception.Message}");
                }

                var digest = await digesting.FinishAsync(token).ConfigureAwait(false);
                if (digest != layer.Digest || digesting.Count != layer.Size)
                {
                    throw new RegistryException($"{name}: the layer {layer.Digest} ({layer.Size} bytes) came as {digesting.Count} bytes with digest {digest}");
                }
            }).ConfigureAwait(false);
        }

        var facts = fileSystem.Facts();
        _fileSystems[manifest.Digest] = facts;
        return facts;
    }

    private async Task<ImageConfigBlob> ConfigAsync(ImageName name, Descriptor config, CancellationToken cancellationToken)
    {
        var response = await RequestAsync(name, HttpMethod.Get, "blobs/" + config.Digest, Array.Empty<string>(), MaxConfigBytes, cancellationToken).ConfigureAwait(false);
        var digest = Digests.Of(response.Body, config.Digest);
        if (digest != config.Digest || response.Body.Length != config.Size)
        {
            throw new RegistryException($"{name}: the image config {config.Digest} ({config.Size} bytes) came as {response.Body.Length} bytes with digest {digest}");
        }

        return ImageManifests.ParseConfig(response.Body, config.Digest);
    }

    private async Task<RegistryResponse> RequestAsync(ImageName name, HttpMethod method, string path, IReadOnlyList<string> accept, long maxBytes, CancellationToken cancellationToken, Func<System.IO.Stream, CancellationToken, Task>? consume = null)
    {
        var response = await _http.SendAsync(name, method, name.Path + "/" + path, accept, maxBytes, cancellationToken, consume).ConfigureAwait(false);
        switch (response.Status)
        {
            case HttpStatusCode.OK:
                return response;
            case HttpStatusCode.NotFound:
                var what = path.StartsWith("blobs/", StringComparison.Ordinal) ? "the blob " + path[6..]
                    : Digests.IsValid(path[10..]) ? "the manifest " + path[10..] : $"the tag '{path[10..]}'";
                throw new RegistryException($"{what} is not in {name.Repository} ({name.RegistryHost}: 404 Not Found{RegistryHttp.ErrorDetail(response.Body)})");
            case HttpStatusCode.Forbidden:
                throw new RegistryException($"{name.RegistryHost} denies access to {name.Repository} (403 Forbidden{RegistryHttp.ErrorDetail(response.Body)})");
            case HttpStatusCode.TooManyRequests:
                throw new RegistryException($"{name.RegistryHost} limits requests (429 Too Many Requests); wait, or log in for a higher limit");
            default:
                throw new RegistryException($"{name.RegistryHost} answered {(int)response.Status} {response.Status} for {name.Repository}{RegistryHttp.ErrorDetail(response.Body)}");
        }
    }
}

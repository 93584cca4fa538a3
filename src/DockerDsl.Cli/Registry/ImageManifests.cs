using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using DockerDsl.Core.Lock;
using DockerDsl.Core.Model;

namespace DockerDsl.Cli.Registry;

/// <summary>A content descriptor: what an index or manifest points at.</summary>
internal sealed record Descriptor(string MediaType, string Digest, long Size, string? Platform);

/// <summary>A manifest the registry served: an index (manifest list) of per-platform manifests, or one image manifest.</summary>
/// <param name="Layers">An image manifest's layers, bottom first.</param>
internal sealed record Manifest(string MediaType, string Digest, IReadOnlyList<Descriptor> Manifests, Descriptor? Config, IReadOnlyList<Descriptor>? Layers = null)
{
    public bool IsIndex => Config is null;
}

/// <summary>What an image config says: its platform and the run configuration a build inherits.</summary>
internal sealed record ImageConfigBlob(string? OS, string? Architecture, string? Variant, ImageConfig Config);

/// <summary>
/// Reads manifests and image configs as the OCI image spec and Docker's image manifest v2 schema 2 define them,
/// checking what the lock relies on: the media types, schema version 2, and well-formed descriptors.
/// </summary>
internal static class ImageManifests
{
    public const string OciIndex = "application/vnd.oci.image.index.v1+json";
    public const string OciManifest = "application/vnd.oci.image.manifest.v1+json";
    public const string DockerManifestList = "application/vnd.docker.distribution.manifest.list.v2+json";
    public const string DockerManifest = "application/vnd.docker.distribution.manifest.v2+json";
    public const string OciConfig = "application/vnd.oci.image.config.v1+json";
    public const string DockerConfig = "application/vnd.docker.container.image.v1+json";

    /// <summary>What manifest requests accept, most wanted first.</summary>
    public static readonly string[] Accepted = { OciIndex, DockerManifestList, OciManifest, DockerManifest };

    private static readonly string[] SchemaOne = { "application/vnd.docker.distribution.manifest.v1+json", "application/vnd.docker.distribution.manifest.v1+prettyjws" };

    /// <exception cref="RegistryException">Not a manifest of an image.</exception>
    public static Manifest Parse(byte[] body, string? contentType, string digest)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException exception)
        {
            throw new RegistryException($"the manifest {digest} is not JSON: {exception.Message}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw Malformed(digest, "it is not a JSON object");
            }

            var declared = OptionalString(root, "mediaType", digest);
            var mediaType = MediaTypeOf(contentType) is { } served && served != "application/json" && served != "text/plain" ? served : declared;
            if (mediaType is null)
            {
                throw Malformed(digest, "it says no media type");
            }

            if (declared is not null && declared != mediaType)
            {
                throw Malformed(digest, $"the registry serves it as {mediaType} but it says {declared}");
            }

            if (SchemaOne.Contains(mediaType) || (root.TryGetProperty("schemaVersion", out var one) && one.ValueKind == JsonValueKind.Number && one.TryGetInt32(out var v) && v == 1))
            {
                throw new RegistryException($"the manifest {digest} is Docker's schema 1, which Docker no longer pulls; push the image again with a current client");
            }

            if (!root.TryGetProperty("schemaVersion", out var schema) || schema.ValueKind != JsonValueKind.Number || !schema.TryGetInt32(out var version) || version != 2)
            {
                throw Malformed(digest, "its schemaVersion is not 2");
            }

            switch (mediaType)
            {
                case OciIndex or DockerManifestList:
                    if (!root.TryGetProperty("manifests", out var manifests) || manifests.ValueKind != JsonValueKind.Array)
                    {
                        throw Malformed(digest, "the index has no manifests array");
                    }

                    return new Manifest(mediaType, digest, manifests.EnumerateArray().Select(m => ReadDescriptor(m, digest)).ToList(), null);
                case OciManifest or DockerManifest:
                    if (!root.TryGetProperty("config", out var config))
                    {
                        throw Malformed(digest, "the manifest has no config");
                    }

                    var descriptor = ReadDescriptor(config, digest);
                    if (descriptor.MediaType is not (OciConfig or DockerConfig))
                    {
                        throw new RegistryException($"the manifest {digest} is not a container image: its config is {descriptor.MediaType}");
                    }

                    var layers = root.TryGetProperty("layers", out var list) && list.ValueKind == JsonValueKind.Array
                        ? list.EnumerateArray().Select(l => ReadDescriptor(l, digest)).ToList()
                        : new List<Descriptor>();
                    return new Manifest(mediaType, digest, Array.Empty<Descriptor>(), descriptor, layers);
                default:
                    throw new RegistryException($"the manifest {digest} is of media type {mediaType}, which is not an image index or image manifest");
            }
        }
    }

    /// <exception cref="RegistryException">Not an image config.</exception>
    public static ImageConfigBlob ParseConfig(byte[] body, string digest)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw Malformed(digest, "the image config is not a JSON object");
            }

            var config = ImageConfig.None;
            if (root.TryGetProperty("config", out var run) && run.ValueKind != JsonValueKind.Null)
            {
                if (run.ValueKind != JsonValueKind.Object)
                {
                    throw Malformed(digest, "its config is not an object");
                }

                config = ReadRunConfig(run, digest);
            }

            return new ImageConfigBlob(OptionalString(root, "os", digest), OptionalString(root, "architecture", digest), OptionalString(root, "variant", digest), config);
        }
        catch (JsonException exception)
        {
            throw new RegistryException($"the image config {digest} is not JSON: {exception.Message}");
        }
    }

    private static ImageConfig ReadRunConfig(JsonElement run, string digest)
    {
        HealthcheckConfig? healthcheck = null;
        if (run.TryGetProperty("Healthcheck", out var check) && check.ValueKind != JsonValueKind.Null)
        {
            if (check.ValueKind != JsonValueKind.Object)
            {
                throw Malformed(digest, "its Healthcheck is not an object");
            }

            healthcheck = new HealthcheckConfig(
                OptionalStrings(check, "Test", digest),
                OptionalInteger(check, "Interval", digest),
                OptionalInteger(check, "Timeout", digest),
                OptionalInteger(check, "StartPeriod", digest),
                OptionalInteger(check, "StartInterval", digest),
                OptionalInteger(check, "Retries", digest));
        }

        EquatableArray<string>? ports = null;
        if (run.TryGetProperty("ExposedPorts", out var exposed) && exposed.ValueKind != JsonValueKind.Null)
        {
            if (exposed.ValueKind != JsonValueKind.Object)
            {
                throw Malformed(digest, "its ExposedPorts is not an object");
            }

            ports = exposed.EnumerateObject().Select(p => p.Name).OrderBy(p => p, StringComparer.Ordinal).ToEquatableArray();
        }

        return new ImageConfig(
            OptionalString(run, "User", digest),
            healthcheck,
            OptionalStrings(run, "Env", digest),
            ports,
            OptionalStrings(run, "Entrypoint", digest),
            OptionalStrings(run, "Cmd", digest),
            OptionalString(run, "WorkingDir", digest),
            OptionalString(run, "StopSignal", digest));
    }

    private static Descriptor ReadDescriptor(JsonElement element, string digest)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw Malformed(digest, "a descriptor is not an object");
        }

        var mediaType = OptionalString(element, "mediaType", digest) ?? throw Malformed(digest, "a descriptor has no mediaType");
        var target = OptionalString(element, "digest", digest);
        if (target is null || !Digests.IsValid(target))
        {
            throw Malformed(digest, $"a descriptor's digest is not a digest: {target ?? "(none)"}");
        }

        if (!element.TryGetProperty("size", out var sizeElement) || sizeElement.ValueKind != JsonValueKind.Number || !sizeElement.TryGetInt64(out var size) || size < 0)
        {
            throw Malformed(digest, $"the descriptor of {target} has no valid size");
        }

        string? platform = null;
        if (element.TryGetProperty("platform", out var p) && p.ValueKind == JsonValueKind.Object)
        {
            var os = OptionalString(p, "os", digest);
            var architecture = OptionalString(p, "architecture", digest);
            if (os is not null && architecture is not null)
            {
                platform = LockPlatform.Normalize(os + "/" + architecture + (OptionalString(p, "variant", digest) is { Length: > 0 } variant ? "/" + variant : string.Empty))
                    ?? os + "/" + architecture;
            }
        }

        // BuildKit's attestations sit in the index as manifests for the platform unknown/unknown.
        if (element.TryGetProperty("annotations", out var annotations) && annotations.ValueKind == JsonValueKind.Object
            && annotations.TryGetProperty("vnd.docker.reference.type", out _))
        {
            platform = null;
        }

        return new Descriptor(mediaType, target, size, platform);
    }

    /// <summary>The media type of a Content-Type value, without parameters.</summary>
    public static string? MediaTypeOf(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType))
        {
            return null;
        }

        var semicolon = contentType.IndexOf(';');
        return (semicolon < 0 ? contentType : contentType[..semicolon]).Trim().ToLowerInvariant();
    }

    private static string? OptionalString(JsonElement owner, string name, string digest)
    {
        if (!owner.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String ? value.GetString() : throw Malformed(digest, $"its {name} is not a string");
    }

    private static long? OptionalInteger(JsonElement owner, string name, string digest)
    {
        if (!owner.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number) ? number : throw Malformed(digest, $"its {name} is not a whole number");
    }

    private static EquatableArray<string>? OptionalStrings(JsonElement owner, string name, string digest)
    {
        if (!owner.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(item => item.ValueKind != JsonValueKind.String))
        {
            throw Malformed(digest, $"its {name} is not an array of strings");
        }

        return value.EnumerateArray().Select(item => item.GetString()!).ToEquatableArray();
    }

    private static RegistryException Malformed(string digest, string reason) => new($"{digest} is malformed: {reason}");
}

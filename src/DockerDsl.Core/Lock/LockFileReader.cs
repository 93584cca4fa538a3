using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using DockerDsl.Core.Helpers;
using DockerDsl.Core.Model;

namespace DockerDsl.Core.Lock;

/// <summary>
/// Reads <c>dockerdsl.lock.json</c> strictly: a key it does not know, a value of the wrong type, a missing field,
/// a malformed digest or platform, or a newer format version is an error naming the line, never a guess.
/// </summary>
public static class LockFileReader
{
    private static readonly Regex DigestPattern = new("^(?:sha256:[0-9a-f]{64}|sha384:[0-9a-f]{96}|sha512:[0-9a-f]{128})$", RegexOptions.CultureInvariant);

    /// <exception cref="LockFileException">The text is not a lock file this version reads.</exception>
    public static LockFile Read(string text)
    {
        var root = LockJsonParser.Parse(text);
        var fields = Fields(root, "the lock file", "formatVersion", "images");
        var version = Required(root, fields, "formatVersion", "the lock file");
        if (version.Kind != JsonKind.Integer)
        {
            throw Wrong(version, "formatVersion", "a whole number");
        }

        if (version.Integer != LockFile.CurrentFormatVersion)
        {
            var newer = version.Integer > LockFile.CurrentFormatVersion ? " by a newer dockerdsl" : string.Empty;
            throw new LockFileException(
                $"the file is in format version {version.Integer}{newer}; this dockerdsl reads version {LockFile.CurrentFormatVersion}",
                version.Line,
                version.Column);
        }

        var images = Required(root, fields, "images", "the lock file");
        Expect(images, JsonKind.Object, "images", "an object of image references");
        var list = new List<LockedImage>();
        foreach (var member in images.Members)
        {
            list.Add(ReadImage(member.Key, member.Value));
        }

        return new LockFile(list.OrderBy(i => i.Reference, System.StringComparer.Ordinal).ToEquatableArray());
    }

    private static LockedImage ReadImage(string reference, JsonNode node)
    {
        var where = $"image \"{reference}\"";
        if (reference.Length == 0)
        {
            throw new LockFileException("an image reference is empty", node.Line, node.Column);
        }

        var fields = Fields(node, where, "digest", "indexPlatforms", "mediaType", "platforms", "repository", "tag");
        var repository = RequiredString(node, fields, "repository", where);
        var tag = OptionalString(fields, "tag");
        var digest = Digest(node, fields, where);
        var mediaType = RequiredString(node, fields, "mediaType", where);
        var platformsNode = Required(node, fields, "platforms", where);
        Expect(platformsNode, JsonKind.Object, "platforms", "an object of platforms");
        var platforms = new List<LockedPlatform>();
        foreach (var member in platformsNode.Members)
        {
            platforms.Add(ReadPlatform(reference, member.Key, member.Value));
        }

        var indexPlatforms = OptionalStrings(fields, "indexPlatforms");
        if (indexPlatforms is { } listed)
        {
            foreach (var platform in listed)
            {
                if (LockPlatform.Normalize(platform) != platform)
                {
                    var value = fields["indexPlatforms"];
                    throw new LockFileException($"\"{platform}\" in \"indexPlatforms\" of {where} is not a platform written as os/architecture[/variant] in normal form", value.Line, value.Column);
                }
            }

            indexPlatforms = listed.Distinct().OrderBy(p => p, System.StringComparer.Ordinal).ToEquatableArray();
        }

        return new LockedImage(reference, repository, tag, digest, mediaType, platforms.OrderBy(p => p.Platform, System.StringComparer.Ordinal).ToEquatableArray(), indexPlatforms);
    }

    private static LockedPlatform ReadPlatform(string reference, string platform, JsonNode node)
    {
        var where = $"platform \"{platform}\" of image \"{reference}\"";
        if (LockPlatform.Normalize(platform) != platform)
        {
            throw new LockFileException($"\"{platform}\" of image \"{reference}\" is not a platform written as os/architecture[/variant] in normal form", node.Line, node.Column);
        }

        var fields = Fields(node, where, "architecture", "config", "digest", "fileSystem", "os", "variant");
        var digest = Digest(node, fields, where);
        var os = RequiredString(node, fields, "os", where);
        var architecture = RequiredString(node, fields, "architecture", where);
        var variant = OptionalString(fields, "variant");
        var config = ReadConfig(Required(node, fields, "config", where), where);
        var fileSystem = fields.TryGetValue("fileSystem", out var facts) ? ReadFileSystem(facts, where) : null;
        return new LockedPlatform(platform, digest, os, architecture, variant, config, fileSystem);
    }

    private static LockedFileSystem ReadFileSystem(JsonNode node, string owner)
    {
        var fields = Fields(node, "the fileSystem of " + owner, "family", "osId", "osIdLike", "tools");
        var tools = OptionalStrings(fields, "tools") ?? EquatableArray<string>.Empty;
        ImageFamily? family = null;
        if (OptionalString(fields, "family") is { } name)
        {
            if (!System.Enum.TryParse<ImageFamily>(name, false, out var parsed) || !System.Enum.IsDefined(typeof(ImageFamily), parsed) || name != parsed.ToString())
            {
                var value = fields["family"];
                throw new LockFileException($"\"family\" of the fileSystem of {owner} is \"{name}\", which is none of {string.Join(", ", System.Enum.GetNames(typeof(ImageFamily)))}", value.Line, value.Column);
            }

            family = parsed;
        }

        return new LockedFileSystem(OptionalString(fields, "osId"), OptionalString(fields, "osIdLike"), tools.OrderBy(t => t, System.StringComparer.Ordinal).Distinct().ToEquatableArray(), family);
    }

    private static ImageConfig ReadConfig(JsonNode node, string owner)
    {
        var where = "the config of " + owner;
        Expect(node, JsonKind.Object, "config", "an object");
        var fields = Fields(node, where, "Cmd", "Entrypoint", "Env", "ExposedPorts", "Healthcheck", "StopSignal", "User", "WorkingDir");
        HealthcheckConfig? healthcheck = null;
        if (fields.TryGetValue("Healthcheck", out var check))
        {
            Expect(check, JsonKind.Object, "Healthcheck", "an object");
            var checkFields = Fields(check, "the Healthcheck of " + owner, "Interval", "Retries", "StartInterval", "StartPeriod", "Test", "Timeout");
            healthcheck = new HealthcheckConfig(
                OptionalStrings(checkFields, "Test"),
                OptionalInteger(checkFields, "Interval"),
                OptionalInteger(checkFields, "Timeout"),
                OptionalInteger(checkFields, "StartPeriod"),
                OptionalInteger(checkFields, "StartInterval"),
                OptionalInteger(checkFields, "Retries"));
        }

        return new ImageConfig(
            OptionalString(fields, "User"),
            healthcheck,
            OptionalStrings(fields, "Env"),
            OptionalStrings(fields, "ExposedPorts"),
            OptionalStrings(fields, "Entrypoint"),
            OptionalStrings(fields, "Cmd"),
            OptionalString(fields, "WorkingDir"),
            OptionalString(fields, "StopSignal"));
    }

    /// <summary>The object's members by key; any key not in <paramref name="known"/> is an error.</summary>
    private static Dictionary<string, JsonNode> Fields(JsonNode node, string where, params string[] known)
    {
        if (node.Kind != JsonKind.Object)
        {
            throw new LockFileException($"{where} must be an object", node.Line, node.Column);
        }

        var fields = new Dictionary<string, JsonNode>(System.StringComparer.Ordinal);
        foreach (var member in node.Members)
        {
            if (System.Array.IndexOf(known, member.Key) < 0)
            {
                throw new LockFileException($"unknown key \"{member.Key}\" in {where}; it may have: {string.Join(", ", known)}", member.Value.Line, member.Value.Column);
            }

            fields.Add(member.Key, member.Value);
        }

        return fields;
    }

    private static JsonNode Required(JsonNode owner, Dictionary<string, JsonNode> fields, string key, string where) =>
        fields.TryGetValue(key, out var value) ? value : throw new LockFileException($"{where} has no \"{key}\"", owner.Line, owner.Column);

    private static string RequiredString(JsonNode owner, Dictionary<string, JsonNode> fields, string key, string where)
    {
        var value = Required(owner, fields, key, where);
        Expect(value, JsonKind.String, key, "a string");
        if (value.String!.Length == 0)
        {
            throw new LockFileException($"\"{key}\" of {where} is empty", value.Line, value.Column);
        }

        return value.String;
    }

    private static string Digest(JsonNode owner, Dictionary<string, JsonNode> fields, string where)
    {
        var digest = RequiredString(owner, fields, "digest", where);
        if (!DigestPattern.IsMatch(digest))
        {
            var value = fields["digest"];
            throw new LockFileException($"\"digest\" of {where} is not a digest such as sha256:<64 hexadecimal digits>: \"{digest}\"", value.Line, value.Column);
        }

        return digest;
    }

    private static string? OptionalString(Dictionary<string, JsonNode> fields, string key)
    {
        if (!fields.TryGetValue(key, out var value))
        {
            return null;
        }

        Expect(value, JsonKind.String, key, "a string");
        return value.String;
    }

    private static long? OptionalInteger(Dictionary<string, JsonNode> fields, string key)
    {
        if (!fields.TryGetValue(key, out var value))
        {
            return null;
        }

        Expect(value, JsonKind.Integer, key, "a whole number");
        return value.Integer;
    }

    private static EquatableArray<string>? OptionalStrings(Dictionary<string, JsonNode> fields, string key)
    {
        if (!fields.TryGetValue(key, out var value))
        {
            return null;
        }

        Expect(value, JsonKind.Array, key, "an array of strings");
        var items = new string[value.Items.Count];
        for (var i = 0; i < items.Length; i++)
        {
            Expect(value.Items[i], JsonKind.String, key, "an array of strings");
            items[i] = value.Items[i].String!;
        }

        return new EquatableArray<string>(items);
    }

    private static void Expect(JsonNode node, JsonKind kind, string key, string what)
    {
        if (node.Kind != kind)
        {
            throw Wrong(node, key, what);
        }
    }

    private static LockFileException Wrong(JsonNode node, string key, string what) =>
        new($"\"{key}\" must be {what}", node.Line, node.Column);
}

using System.Linq;
using DockerDsl.Core.Model;

namespace DockerDsl.Core.Lock;

/// <summary>
/// Writes <c>dockerdsl.lock.json</c> so that the same lock is the same bytes and a change is a small diff: every
/// object's keys in ordinal order (images by reference, platforms by name), two-space indentation, one array
/// item per line, LF line endings and a final line break. Fields the image config does not set are left out.
/// </summary>
public static class LockFileWriter
{
    public static string Write(LockFile lockFile)
    {
        var json = new LockJsonWriter();
        json.StartObject();
        json.Key("formatVersion");
        json.Integer(LockFile.CurrentFormatVersion);
        json.Key("images");
        json.StartObject();
        foreach (var image in lockFile.Images.OrderBy(i => i.Reference, System.StringComparer.Ordinal))
        {
            json.Key(image.Reference);
            WriteImage(json, image);
        }

        json.EndObject();
        json.EndObject();
        return json.ToString();
    }

    private static void WriteImage(LockJsonWriter json, LockedImage image)
    {
        json.StartObject();
        json.Key("digest");
        json.String(image.Digest);
        Strings(json, "indexPlatforms", image.IndexPlatforms);
        json.Key("mediaType");
        json.String(image.MediaType);
        json.Key("platforms");
        json.StartObject();
        foreach (var platform in image.Platforms.OrderBy(p => p.Platform, System.StringComparer.Ordinal))
        {
            json.Key(platform.Platform);
            WritePlatform(json, platform);
        }

        json.EndObject();
        json.Key("repository");
        json.String(image.Repository);
        if (image.Tag is not null)
        {
            json.Key("tag");
            json.String(image.Tag);
        }

        json.EndObject();
    }

    private static void WritePlatform(LockJsonWriter json, LockedPlatform platform)
    {
        json.StartObject();
        json.Key("architecture");
        json.String(platform.Architecture);
        json.Key("config");
        WriteConfig(json, platform.Config);
        json.Key("digest");
        json.String(platform.Digest);
        if (platform.FileSystem is { } facts)
        {
            json.Key("fileSystem");
            json.StartObject();
            String(json, "family", facts.Family?.ToString());
            String(json, "osId", facts.OsId);
            String(json, "osIdLike", facts.OsIdLike);
            Strings(json, "tools", facts.Tools.OrderBy(t => t, System.StringComparer.Ordinal).ToEquatableArray());
            json.EndObject();
        }

        json.Key("os");
        json.String(platform.OS);
        if (platform.Variant is not null)
        {
            json.Key("variant");
            json.String(platform.Variant);
        }

        json.EndObject();
    }

    private static void WriteConfig(LockJsonWriter json, ImageConfig config)
    {
        json.StartObject();
        Strings(json, "Cmd", config.Cmd);
        Strings(json, "Entrypoint", config.Entrypoint);
        Strings(json, "Env", config.Env);
        Strings(json, "ExposedPorts", config.ExposedPorts);
        if (config.Healthcheck is { } check)
        {
            json.Key("Healthcheck");
            json.StartObject();
            Integer(json, "Interval", check.Interval);
            Integer(json, "Retries", check.Retries);
            Integer(json, "StartInterval", check.StartInterval);
            Integer(json, "StartPeriod", check.StartPeriod);
            Strings(json, "Test", check.Test);
            Integer(json, "Timeout", check.Timeout);
            json.EndObject();
        }

        String(json, "StopSignal", config.StopSignal);
        String(json, "User", config.User);
        String(json, "WorkingDir", config.WorkingDir);
        json.EndObject();
    }

    private static void String(LockJsonWriter json, string key, string? value)
    {
        if (value is not null)
        {
            json.Key(key);
            json.String(value);
        }
    }

    private static void Integer(LockJsonWriter json, string key, long? value)
    {
        if (value is { } number)
        {
            json.Key(key);
            json.Integer(number);
        }
    }

    private static void Strings(LockJsonWriter json, string key, EquatableArray<string>? values)
    {
        if (values is not { } items)
        {
            return;
        }

        json.Key(key);
        json.StartArray();
        foreach (var item in items)
        {
            json.String(item);
        }

        json.EndArray();
    }
}

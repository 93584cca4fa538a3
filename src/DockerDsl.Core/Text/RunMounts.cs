using System;
using System.Collections.Generic;
using System.Text;
using DockerDsl.Core.Model;

namespace DockerDsl.Core.Text;

/// <summary>
/// The value of one <c>RUN --mount=</c> flag, read as BuildKit reads it
/// (frontend/dockerfile/instructions/commands_runmount.go): comma-separated fields in CSV quoting,
/// <c>key=value</c> or a bare flag, keys without case, <c>type</c> bind by default. Aliases become the
/// key the model uses (<c>src</c> is <c>source</c>, <c>dst</c> and <c>destination</c> are <c>target</c>,
/// <c>readonly</c> is <c>ro</c>, <c>readwrite</c> is <c>rw</c>); values stay as written, for BuildKit to expand.
/// </summary>
internal static class RunMounts
{
    private static readonly HashSet<string> Types = new(StringComparer.Ordinal) { "bind", "cache", "tmpfs", "secret", "ssh" };

    private static readonly Dictionary<string, string> Keys = new(StringComparer.Ordinal)
    {
        ["type"] = "type",
        ["from"] = "from",
        ["source"] = "source",
        ["src"] = "source",
        ["target"] = "target",
        ["dst"] = "target",
        ["destination"] = "target",
        ["readonly"] = "ro",
        ["ro"] = "ro",
        ["readwrite"] = "rw",
        ["rw"] = "rw",
        ["required"] = "required",
        ["id"] = "id",
        ["sharing"] = "sharing",
        ["mode"] = "mode",
        ["uid"] = "uid",
        ["gid"] = "gid",
        ["env"] = "env",
        ["size"] = "size",
    };

    // Bare fields BuildKit accepts without '=': the read-only and read-write switches and required.
    private static readonly HashSet<string> BareFlags = new(StringComparer.Ordinal) { "ro", "rw", "required" };

    public static Mount Parse(string value, SourceRef source)
    {
        var type = "bind";
        var options = new List<MountOption>();
        foreach (var field in Fields(value, source.Line))
        {
            var equals = field.IndexOf('=');
            var rawKey = (equals < 0 ? field : field.Substring(0, equals)).ToLowerInvariant();
            if (!Keys.TryGetValue(rawKey, out var key))
            {
                throw new DockerfileReadException($"unexpected key '{rawKey}' in '{field}'", source.Line);
            }

            if (equals < 0)
            {
                if (!BareFlags.Contains(key))
                {
                    throw new DockerfileReadException($"invalid field '{field}' must be a key=value pair", source.Line);
                }

                options.Add(new MountOption(key, key == "required" ? "true" : string.Empty));
                continue;
            }

            var fieldValue = field.Substring(equals + 1);
            if (key == "type")
            {
                if (!Types.Contains(fieldValue.ToLowerInvariant()))
                {
                    throw new DockerfileReadException($"unsupported mount type \"{fieldValue}\"", source.Line);
                }

                type = fieldValue.ToLowerInvariant();
                continue;
            }

            options.Add(new MountOption(key, fieldValue));
        }

        return new Mount(type, options.ToEquatableArray(), source);
    }

    /// <summary>The fields of a CSV record, as Go's encoding/csv splits one line: quotes group, "" is a quote.</summary>
    private static IEnumerable<string> Fields(string value, int line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var i = 0;
        while (true)
        {
            if (i < value.Length && value[i] == '"')
            {
                i++;
                while (true)
                {
                    if (i >= value.Length)
                    {
                        throw new DockerfileReadException($"extraneous or missing \" in quoted-field of mount '{value}'", line);
                    }

                    if (value[i] == '"')
                    {
                        if (i + 1 < value.Length && value[i + 1] == '"')
                        {
                            field.Append('"');
                            i += 2;
                            continue;
                        }

                        i++;
                        break;
                    }

                    field.Append(value[i++]);
                }

                if (i < value.Length && value[i] != ',')
                {
                    throw new DockerfileReadException($"extraneous or missing \" in quoted-field of mount '{value}'", line);
                }
            }
            else
            {
                while (i < value.Length && value[i] != ',')
                {
                    if (value[i] == '"')
                    {
                        throw new DockerfileReadException($"bare \" in non-quoted-field of mount '{value}'", line);
                    }

                    field.Append(value[i++]);
                }
            }

            fields.Add(field.ToString());
            field.Clear();
            if (i >= value.Length)
            {
                break;
            }

            i++;
        }

        return fields;
    }
}

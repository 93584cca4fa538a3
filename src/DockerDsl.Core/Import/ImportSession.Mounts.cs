using System;
using System.Collections.Generic;
using System.Linq;
using DockerDsl.Core.Model;
using DockerDsl.Core.Text;
using DockerDsl.Core.Text.Syntax;

namespace DockerDsl.Core.Import;

internal sealed partial class ImportSession
{
    private static readonly HashSet<string> PathNoise = new(StringComparer.OrdinalIgnoreCase) { "root", "var", "usr", "local", "home", "opt", "cache", "lib", "share" };

    private static readonly Dictionary<string, string[]> MountKeys = new(StringComparer.Ordinal)
    {
        ["cache"] = new[] { "target", "id", "sharing", "from", "source", "mode", "uid", "gid", "ro", "rw" },
        ["secret"] = new[] { "id", "target", "env", "required", "mode", "uid", "gid" },
        ["ssh"] = new[] { "id", "target", "required", "mode", "uid", "gid" },
        ["bind"] = new[] { "target", "source", "from", "ro", "rw" },
        ["tmpfs"] = new[] { "target", "size" },
    };

    /// <summary>The class declaring the mount of a <c>--mount</c> value (one class per distinct mount); null with the reason when DockerDsl cannot declare it.</summary>
    private string? MountClass(StagePlan plan, DockerfileNode node, string value, out string? reason)
    {
        reason = null;
        var mount = RunMounts.Parse(value, _document.SourceOf(node));
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var option in mount.Options)
        {
            if (!MountKeys[mount.Type].Contains(option.Key))
            {
                reason = $"a {mount.Type} mount option DockerDsl does not type";
                return null;
            }

            if (options.ContainsKey(option.Key))
            {
                reason = "a mount option given twice";
                return null;
            }

            options[option.Key] = option.Value;
        }

        var attribute = MountAttribute(mount.Type, options, _stages.IndexOf(plan), out reason);
        if (attribute is null)
        {
            return null;
        }

        var key = string.Join("\n", attribute.Write(string.Empty));
        foreach (var declared in _mounts)
        {
            if (declared.Key == key)
            {
                return declared.ClassName;
            }
        }

        options.TryGetValue("target", out var target);
        options.TryGetValue("id", out var id);
        var (preferred, alternative, suffix) = MountName(mount.Type, target, id);
        var className = ClassName(preferred, suffix, alternative);
        _mounts.Add(new MountDeclaration(className, key, attribute));
        return className;
    }

    private CSharpAttribute? MountAttribute(string type, Dictionary<string, string> options, int stage, out string? reason)
    {
        reason = null;
        string? Take(string key)
        {
            if (options.TryGetValue(key, out var found))
            {
                options.Remove(key);
                return found;
            }

            return null;
        }

        var attribute = new CSharpAttribute(type switch
        {
            "cache" => "CacheMount",
            "secret" => "SecretMount",
            "ssh" => "SshMount",
            "bind" => "BindMount",
            _ => "TmpfsMount",
        });
        string? failure = null;

        void Fail(string why) => failure ??= why;

        // BuildKit joins a relative cache, bind or tmpfs target to the working directory, and mounts a bind mount
        // without a target there (dockerfile2llb/convert_runmount.go); secret and ssh targets are used as written.
        if (type is "cache" or "bind" or "tmpfs")
        {
            var target = Take("target");
            if (target is null)
            {
                if (type != "bind")
                {
                    Fail("a mount without a target");
                }
            }
            else if (!DeclarationValues.MountValue(target, _escape))
            {
                Fail("a mount value with a quote, an escape or a separator");
            }
            else
            {
                attribute.Add(CSharpExpression.String(target));
            }
        }

        if (type == "secret")
        {
            var id = Take("id");
            if (id is null || !DeclarationValues.MountValue(id, _escape))
            {
                Fail(id is null ? "a secret mount without an id" : "a mount value with a quote, an escape or a separator");
            }
            else
            {
                attribute.Add(CSharpExpression.String(id));
            }
        }

        foreach (var (key, property) in new[] { ("id", "Id"), ("target", "Target"), ("env", "Env"), ("source", "Source") })
        {
            if (Take(key) is { } text)
            {
                var valid = key == "target" ? DeclarationValues.AbsolutePath(text, _escape) && DeclarationValues.MountValue(text, _escape) : DeclarationValues.MountValue(text, _escape);
                if (!valid)
                {
                    Fail(key == "target" ? "a secret or ssh mount target that is not absolute" : "a mount value with a quote, an escape or a separator");
                }

                attribute.NamedString(property, text);
            }
        }

        if (Take("sharing") is { } sharing)
        {
            if (sharing is "shared" or "private" or "locked")
            {
                attribute.Named("Sharing", "CacheSharing." + char.ToUpperInvariant(sharing[0]) + sharing.Substring(1));
            }
            else
            {
                Fail("a cache sharing mode DockerDsl does not type");
            }
        }

        if (Take("from") is { } from)
        {
            var reference = FromReference(from, stage);
            if (reference is null)
            {
                Fail("a mount from DockerDsl does not accept");
            }
            else
            {
                attribute.Named("From", reference);
            }
        }

        if (Take("mode") is { } mode)
        {
            if (!DeclarationValues.Octal(mode, _escape))
            {
                Fail("a mount mode that is not an octal mode");
            }

            attribute.NamedString("Mode", mode);
        }

        foreach (var (key, property) in new[] { ("uid", "Uid"), ("gid", "Gid") })
        {
            if (Take(key) is { } number)
            {
                if (!DeclarationValues.CanonicalNumber(number, int.MaxValue, out var id))
                {
                    Fail("a mount uid or gid that is not a number");
                }

                attribute.Named(property, CSharpCode.Number(id));
            }
        }

        if (Take("required") is { } required)
        {
            if (required is "true" or "")
            {
                attribute.NamedTrue("Required");
            }
            else if (required != "false")
            {
                Fail("a mount required value other than true or false");
            }
        }

        // What ro and rw say, against the mount type's default: a cache is writable, a bind mount read-only.
        var readOnly = type == "bind";
        foreach (var (key, value) in new[] { ("ro", true), ("rw", false) })
        {
            if (Take(key) is { } flag)
            {
                if (flag is not ("" or "true" or "false"))
                {
                    Fail("a mount ro or rw value other than true or false");
                }

                readOnly = flag == "false" ? !value : value;
            }
        }

        if (type == "cache" && readOnly)
        {
            attribute.NamedTrue("ReadOnly");
        }
        else if (type == "bind" && !readOnly)
        {
            attribute.NamedTrue("ReadWrite");
        }

        if (Take("size") is { } size)
        {
            if (!DeclarationValues.CanonicalNumber(size, long.MaxValue, out var bytes) || bytes <= 0)
            {
                Fail("a tmpfs size that is not a number of bytes");
            }

            attribute.Named("Size", CSharpCode.Number(bytes));
        }

        reason = failure;
        return failure is null ? attribute : null;
    }

    /// <summary>A class name for a mount, from its id or target: <c>/root/.cache/go-build</c> is <c>GoBuildCache</c>.</summary>
    private static (string Preferred, string Alternative, string Suffix) MountName(string type, string? target, string? id)
    {
        var suffix = type switch
        {
            "cache" => "Cache",
            "secret" => "Secret",
            "ssh" => "Ssh",
            "bind" => "Bind",
            _ => "Tmpfs",
        };
        if (type == "ssh" && (id is null || id == "default"))
        {
            return ("SshAgent", "SshAgentMount", "Ssh");
        }

        string Named(string words)
        {
            var name = CSharpCode.PascalCase(words).TrimStart('_');
            return name.EndsWith(suffix, StringComparison.Ordinal) ? name : name + suffix;
        }

        if (id is not null && type is "cache" or "secret" or "ssh")
        {
            return (Named(id), Named(id + " " + (target ?? string.Empty)), suffix);
        }

        var segments = (target ?? string.Empty).Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries);
        var all = string.Join(" ", segments);
        var meaningful = string.Join(" ", segments.SelectMany(s => s.Split('-', '_', '.')).Where(w => w.Length > 0 && !PathNoise.Contains(w)));
        return (Named(meaningful.Length > 0 ? meaningful : all), Named(all), suffix);
    }
}

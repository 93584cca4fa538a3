using System.Collections.Generic;
using System.Globalization;
using DockerDsl.Core.Model;
using Microsoft.CodeAnalysis;

namespace DockerDsl.Declarations.Parsing;

internal sealed partial class StageParser
{
    /// <summary>Reads the mount declared on <paramref name="mountType"/>; null (with a problem) when it is not usable.</summary>
    private Mount? ParseMount(INamedTypeSymbol mountType, SourceRef usedAt)
    {
        var attributes = mountType.GetAttributes();
        var typeName = SymbolNames.MetadataName(mountType);
        for (var i = 0; i < attributes.Length; i++)
        {
            var kind = AttributeNames.Of(attributes[i]) switch
            {
                AttributeNames.CacheMount => "cache",
                AttributeNames.SecretMount => "secret",
                AttributeNames.SshMount => "ssh",
                AttributeNames.BindMount => "bind",
                AttributeNames.TmpfsMount => "tmpfs",
                _ => null,
            };
            if (kind is not null)
            {
                return ParseMount(kind, _session.Read(attributes[i], SourceRef.Attribute(typeName, i)));
            }
        }

        _session.Report(ProblemKind.InvalidReference, $"{mountType.Name} is not a mount; mark it [CacheMount], [SecretMount], [SshMount], [BindMount] or [TmpfsMount].", usedAt);
        return null;
    }

    private Mount? ParseMount(string type, AttributeReader r)
    {
        var options = new List<MountOption>();
        var ok = true;

        // BuildKit resolves a relative cache, bind or tmpfs target against the working directory
        // (dockerfile2llb/convert_runmount.go); secret and ssh targets are used as written, so they must be absolute.
        void Option(string key, string? value, string? argument, bool path = false)
        {
            if (value is null)
            {
                return;
            }

            var source = argument is null ? r.Source.WithArgument(0) : r.Source.WithArgument(argument);
            var problem = path ? ValueRules.AbsolutePath(value, Escape) ?? MountValue(value) : MountValue(value);
            ok &= _session.Check(problem, source, $"The mount option {key}");
            options.Add(new MountOption(key, value));
        }

        void Number(string key, string argument)
        {
            var value = r.NamedInt(argument);
            if (value is null)
            {
                return;
            }

            ok &= _session.Check(value < 0 ? "is negative" : null, r.Source.WithArgument(argument), argument, ProblemKind.InvalidValue);
            options.Add(new MountOption(key, value.Value.ToString(CultureInfo.InvariantCulture)));
        }

        void Flag(string key, string argument, string value = "")
        {
            if (r.NamedBool(argument) == true)
            {
                options.Add(new MountOption(key, value));
            }
        }

        void Mode()
        {
            var mode = r.NamedString("Mode");
            if (mode is not null)
            {
                ok &= _session.Check(ValueRules.Octal(mode, Escape), r.Source.WithArgument("Mode"), "Mode", ProblemKind.InvalidValue);
                options.Add(new MountOption("mode", mode));
            }
        }

        switch (type)
        {
            case "cache":
                Option("target", r.String(0), null);
                Option("id", r.NamedString("Id"), "Id");
                Option("sharing", r.NamedEnum("Sharing") switch { 1 => "shared", 2 => "private", 3 => "locked", _ => null }, "Sharing");
                if (r.HasNamed("From"))
                {
                    Option("from", ParseFrom(r.Named("From"), r.Source.WithArgument("From")), "From");
                }

                Option("source", r.NamedString("Source"), "Source");
                Mode();
                Number("uid", "Uid");
                Number("gid", "Gid");
                Flag("ro", "ReadOnly");
                break;
            case "secret":
                Option("id", r.String(0), null);
                Option("target", r.NamedString("Target"), "Target", path: true);
                Option("env", r.NamedString("Env"), "Env");
                Flag("required", "Required", "true");
                Mode();
                Number("uid", "Uid");
                Number("gid", "Gid");
                break;
            case "ssh":
                Option("id", r.NamedString("Id"), "Id");
                Option("target", r.NamedString("Target"), "Target", path: true);
                Flag("required", "Required", "true");
                Mode();
                Number("uid", "Uid");
                Number("gid", "Gid");
                break;
            case "bind":
                // No target: BuildKit mounts at the working directory.
                Option("target", r.String(0), null);
                Option("source", r.NamedString("Source"), "Source");
                if (r.HasNamed("From"))
                {
                    Option("from", ParseFrom(r.Named("From"), r.Source.WithArgument("From")), "From");
                }

                Flag("rw", "ReadWrite");
                break;
            case "tmpfs":
                Option("target", r.String(0), null);
                var size = r.NamedLong("Size");
                if (size is not null)
                {
                    ok &= _session.Check(size <= 0 ? "is not positive" : null, r.Source.WithArgument("Size"), "Size", ProblemKind.InvalidValue);
                    options.Add(new MountOption("size", size.Value.ToString(CultureInfo.InvariantCulture)));
                }

                break;
        }

        return ok ? new Mount(type, options.ToEquatableArray(), r.Source) : null;
    }

    /// <summary>A mount option value: a bare word without the separators of the --mount syntax.</summary>
    private string? MountValue(string? value) => ValueRules.Word(value, Escape) ?? MountSeparator(value!);

    /// <summary>A mount option value a helper writes, which stays literal.</summary>
    private string? LiteralMountValue(string? value) => ValueRules.LiteralWord(value, Escape) ?? MountSeparator(value!);

    private static string? MountSeparator(string value) =>
        value.IndexOfAny(new[] { ',', '=' }) >= 0 ? "contains ',' or '=', which separate mount options" : null;
}

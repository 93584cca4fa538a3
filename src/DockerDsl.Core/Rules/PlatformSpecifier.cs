using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace DockerDsl.Core.Rules;

/// <summary>
/// A platform such as <c>linux/arm64</c>, read as containerd's platforms.Parse reads a --platform
/// value: <c>os[/arch[/variant]]</c> or a lone OS or architecture, names normalised
/// (<c>x86_64</c> is <c>amd64</c>, <c>aarch64</c> is <c>arm64</c>, <c>macos</c> is <c>darwin</c>). A lone part is
/// completed with the build host's platform, which the linter takes to be linux/amd64.
/// </summary>
public readonly record struct PlatformSpecifier(string OS, string Architecture, string Variant)
{
    private static readonly Regex Component = new("^[A-Za-z0-9_.-]+$", RegexOptions.CultureInvariant);
    private static readonly Regex OSWithVersion = new(@"^([A-Za-z0-9_-]+)(?:\(([A-Za-z0-9_.-]*)\))?$", RegexOptions.CultureInvariant);

    private static readonly HashSet<string> KnownOS = new(StringComparer.Ordinal)
    {
        "aix", "android", "darwin", "dragonfly", "freebsd", "hurd", "illumos", "ios", "js", "linux", "nacl", "netbsd",
        "openbsd", "plan9", "solaris", "wasip1", "windows", "zos",
    };

    private static readonly HashSet<string> KnownArchitectures = new(StringComparer.Ordinal)
    {
        "386", "amd64", "amd64p32", "arm", "armbe", "arm64", "arm64be", "loong64", "mips", "mipsle", "mips64", "mips64le",
        "mips64p32", "mips64p32le", "ppc", "ppc64", "ppc64le", "riscv", "riscv64", "s390", "s390x", "sparc", "sparc64", "wasm",
    };

    /// <summary>Reads <paramref name="specifier"/>; false for what containerd refuses.</summary>
    public static bool TryParse(string specifier, out PlatformSpecifier platform)
    {
        platform = default;
        var parts = specifier.Split('/');
        if (specifier.IndexOf('*') >= 0 || parts.Length > 3)
        {
            return false;
        }

        var os = OSWithVersion.Match(parts[0]);
        if (!os.Success)
        {
            return false;
        }

        for (var i = 1; i < parts.Length; i++)
        {
            if (!Component.IsMatch(parts[i]))
            {
                return false;
            }
        }

        if (parts.Length == 1)
        {
            var name = NormalizeOS(os.Groups[1].Value);
            if (KnownOS.Contains(name))
            {
                platform = new PlatformSpecifier(name, "amd64", string.Empty);
                return true;
            }

            var (lone, loneVariant) = NormalizeArchitecture(parts[0], string.Empty);
            platform = new PlatformSpecifier("linux", lone, loneVariant);
            return KnownArchitectures.Contains(lone);
        }

        var (architecture, variant) = NormalizeArchitecture(parts[1], parts.Length == 3 ? parts[2] : string.Empty);
        platform = new PlatformSpecifier(NormalizeOS(os.Groups[1].Value), architecture, variant);
        return true;
    }

    private static string NormalizeOS(string os)
    {
        var lower = os.ToLowerInvariant();
        return lower == "macos" ? "darwin" : lower;
    }

    private static (string Architecture, string Variant) NormalizeArchitecture(string architecture, string variant)
    {
        var arch = architecture.ToLowerInvariant();
        var v = variant.ToLowerInvariant();
        return arch switch
        {
            "i386" => ("386", string.Empty),
            "x86_64" or "x86-64" or "amd64" => ("amd64", v == "v1" ? string.Empty : v),
            "aarch64" or "arm64" => ("arm64", v is "8" or "v8" ? string.Empty : v),
            "armhf" => ("arm", "v7"),
            "armel" => ("arm", "v6"),
            "arm" => ("arm", v is "5" or "6" or "7" or "8" ? "v" + v : v),
            _ => (arch, v),
        };
    }
}

using DockerDsl.Core.Rules;

namespace DockerDsl.Core.Lock;

/// <summary>Platform names as the lock file writes them: containerd's normal form, <c>os/architecture[/variant]</c>.</summary>
public static class LockPlatform
{
    /// <summary>
    /// <paramref name="platform"/> in normal form (<c>linux/arm64</c> for <c>linux/aarch64</c> or <c>linux/arm64/v8</c>,
    /// <c>linux/arm/v7</c> for <c>linux/arm</c>), or null when containerd would refuse it. A lone OS or architecture is
    /// refused: which platform it means depends on the machine.
    /// </summary>
    public static string? Normalize(string platform)
    {
        if (platform.IndexOf('/') < 0 || !PlatformSpecifier.TryParse(platform, out var parsed))
        {
            return null;
        }

        return Format(parsed.OS, parsed.Architecture, parsed.Variant);
    }

    /// <summary>The normal form of the platform with these parts.</summary>
    public static string Format(string os, string architecture, string? variant)
    {
        // containerd's Normalize: 32-bit arm without a variant is v7; PlatformSpecifier already drops arm64's v8.
        if (architecture == "arm" && string.IsNullOrEmpty(variant))
        {
            variant = "v7";
        }

        return string.IsNullOrEmpty(variant) ? os + "/" + architecture : os + "/" + architecture + "/" + variant;
    }
}

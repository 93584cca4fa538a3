using System.Collections.Generic;
using System.Linq;
using DockerDsl.Core.Model;

namespace DockerDsl.Core.Helpers;

/// <summary>
/// [AptInstall]: apt-get with the package cache and lists on locked cache mounts. Removing
/// docker-clean and keeping downloaded packages makes the cache mount useful; because the lists
/// live in the cache mount, the layer holds none.
/// </summary>
public static class AptInstall
{
    public const string CacheTarget = "/var/cache/apt";
    public const string ListsTarget = "/var/lib/apt";

    /// <summary>The install, then each of <paramref name="then"/> (checked shell lines), chained with &amp;&amp; in the same RUN.</summary>
    public static RunInstruction Expand(EquatableArray<string> packages, SourceRef source, IEnumerable<string>? then = null)
    {
        var lines = new[]
        {
            "rm -f /etc/apt/apt.conf.d/docker-clean",
            "&& echo 'Binary::apt::APT::Keep-Downloaded-Packages \"true\";' > /etc/apt/apt.conf.d/keep-cache",
            "&& apt-get update",
            "&& DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends",
        }.Concat(packages.Select(p => "    " + p)).Concat((then ?? Enumerable.Empty<string>()).Select(c => "&& " + c));

        var mounts = new[]
        {
            LockedCache(CacheTarget, source),
            LockedCache(ListsTarget, source),
        };
        return new RunInstruction(RunForm.Shell, lines.ToEquatableArray(), mounts.ToEquatableArray(), null, null, source);
    }

    private static Mount LockedCache(string target, SourceRef source) =>
        new("cache", new[] { new MountOption("target", target), new MountOption("sharing", "locked") }.ToEquatableArray(), source);
}

using System.Collections.Generic;
using DockerDsl.Core.Model;

namespace DockerDsl.Core.Rules;

/// <summary>Rules on RUN --mount=type=cache.</summary>
public static class CacheMountRules
{
    /// <summary>
    /// DDSL003: a cache mount whose sharing is not <c>locked</c>: with <c>shared</c> (BuildKit's default)
    /// concurrent builds write one cache at once (apt and ccache corrupt theirs); <c>private</c> makes a new
    /// cache per concurrent build. Read-only caches are exempt. Found at the mount class's attribute, or its Sharing argument.
    /// Arguments: target, sharing.
    /// </summary>
    public static IEnumerable<Finding> NotLocked(DockerfileModel model)
    {
        foreach (var instruction in InstructionRules.All(model))
        {
            if (instruction is not RunInstruction run)
            {
                continue;
            }

            foreach (var mount in run.Mounts)
            {
                // A read-only cache is never written, so concurrent builds cannot corrupt it.
                if (mount.Type != "cache" || mount.Has("ro"))
                {
                    continue;
                }

                var sharing = mount.Get("sharing");
                if (sharing != "locked")
                {
                    var source = sharing is null ? mount.Source : mount.Source.WithArgument("Sharing");
                    yield return Finding.At(source, mount.Get("target") ?? string.Empty, sharing ?? "shared (the default)");
                }
            }
        }
    }
}

using System.Collections.Generic;
using DockerDsl.Core.Emit;
using DockerDsl.Core.Model;

namespace DockerDsl.Core.Helpers;

/// <summary>
/// [Ccache]: Debian's compiler wrappers in /usr/lib/ccache go first on PATH, and the cache directory
/// is a locked cache mount on later RUNs, so the cache survives builds but never lands in a layer.
/// </summary>
public static class Ccache
{
    public const string DefaultDirectory = "/ccache";
    public const string DefaultId = "ccache";

    public static IEnumerable<Instruction> Expand(string directory, string? maxSize, SourceRef source)
    {
        // The directory and size are bare words (validated), so quoting them does not depend on the escape character.
        yield return new EnvInstruction("CCACHE_DIR", Quoting.DoubleQuoted(directory, '\\', expand: false), source);
        if (maxSize is not null)
        {
            yield return new EnvInstruction("CCACHE_MAXSIZE", Quoting.DoubleQuoted(maxSize, '\\', expand: false), source);
        }

        yield return new EnvInstruction("PATH", "\"/usr/lib/ccache:${PATH}\"", source);
    }

    public static Mount Mount(string directory, string id, SourceRef source) =>
        new(
            "cache",
            new[]
            {
                new MountOption("target", directory),
                new MountOption("id", id),
                new MountOption("sharing", "locked"),
            }.ToEquatableArray(),
            source);
}

using System.IO;

namespace DockerDsl.Cli.Inputs;

/// <summary>The .dockerignore BuildKit applies to a Dockerfile's build.</summary>
internal static class DockerignoreLocator
{
    /// <summary>
    /// <c>&lt;Dockerfile&gt;.dockerignore</c> beside the Dockerfile when it exists, else <c>.dockerignore</c> at the root
    /// of the build context (<paramref name="contextDirectory"/>, by default the Dockerfile's folder), else null.
    /// </summary>
    public static string? Find(string dockerfile, string? contextDirectory)
    {
        var specific = dockerfile + ".dockerignore";
        if (File.Exists(specific))
        {
            return specific;
        }

        var context = contextDirectory ?? Path.GetDirectoryName(dockerfile)!;
        var shared = Path.Combine(context, ".dockerignore");
        return File.Exists(shared) ? shared : null;
    }
}

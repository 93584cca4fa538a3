using System;
using System.Linq;

namespace DockerDsl.Testcontainers;

/// <summary>BuildKit could not build a declared image; the message ends with the last lines of its output.</summary>
public sealed class DockerDslImageBuildException : Exception
{
    internal DockerDslImageBuildException(Type dockerfile, string stage, int exitCode, string output)
        : base($"docker buildx build of {dockerfile.FullName} (stage '{stage}') exited with {exitCode}:\n{Tail(output)}")
    {
        Output = output;
    }

    /// <summary>Everything BuildKit printed.</summary>
    public string Output { get; }

    private static string Tail(string output)
    {
        var lines = output.TrimEnd('\n').Split('\n');
        return string.Join("\n", lines.Skip(Math.Max(0, lines.Length - 40)));
    }
}

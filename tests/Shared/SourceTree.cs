using System;
using System.IO;
using System.Linq;
using System.Reflection;

namespace DockerDsl.Tests.Shared;

/// <summary>
/// The repository the test assembly was built from, as recorded in its <c>RepoRoot</c> assembly
/// metadata by <c>tests/Directory.Build.props</c>.
/// </summary>
internal static class SourceTree
{
    /// <summary>The repository root, without a trailing separator.</summary>
    public static string Root { get; } = FindRoot();

    public static string File(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        var recorded = typeof(SourceTree).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(attribute => attribute.Key == "RepoRoot")?.Value
            ?? throw new InvalidOperationException("The test assembly has no RepoRoot metadata; tests/Directory.Build.props records it.");
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(recorded));
        if (!System.IO.File.Exists(Path.Combine(root, "DockerDsl.sln")))
        {
            throw new DirectoryNotFoundException($"RepoRoot '{root}' recorded at build time holds no DockerDsl.sln; rebuild the tests from this clone.");
        }

        return root;
    }
}

using System;
using System.IO;
using System.Linq;
using System.Reflection;

namespace DockerDsl.EndToEnd.Tests.Infrastructure;

/// <summary>Where the source tree is and how the test assembly was built, recorded at build time.</summary>
public static class Repository
{
    public static string Root { get; } = Metadata("RepoRoot");

    /// <summary>The configuration the samples' DockerDsl references were built in (same as this assembly's).</summary>
    public static string Configuration { get; } = Metadata("Configuration");

    private static string Metadata(string key) =>
        typeof(Repository).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().SingleOrDefault(a => a.Key == key)?.Value
        ?? throw new InvalidOperationException($"AssemblyMetadata '{key}' is missing from the test assembly.");

    public static string File(params string[] parts) => Path.Combine(new[] { Root }.Concat(parts).ToArray());
}

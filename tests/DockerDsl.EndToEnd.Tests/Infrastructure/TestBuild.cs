using System;
using System.Linq;
using System.Reflection;

namespace DockerDsl.EndToEnd.Tests.Infrastructure;

/// <summary>How the test assembly was built, recorded at build time.</summary>
public static class TestBuild
{
    /// <summary>The configuration the samples' DockerDsl references were built in (same as this assembly's).</summary>
    public static string Configuration { get; } = Metadata("Configuration");

    private static string Metadata(string key) =>
        typeof(TestBuild).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().SingleOrDefault(a => a.Key == key)?.Value
        ?? throw new InvalidOperationException($"AssemblyMetadata '{key}' is missing from the test assembly.");
}

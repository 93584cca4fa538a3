using System.Linq;
using System.Reflection;

namespace DockerDsl.Package.Tests.Infrastructure;

/// <summary>What the test project's build recorded about the repository (assembly metadata).</summary>
internal static class TestEnvironment
{
    /// <summary>The configuration this test project, and so the package project, was built in.</summary>
    public static string Configuration { get; } = Metadata("Configuration");

    /// <summary>Directory.Build.props' Version: the package's version.</summary>
    public static string PackageVersion { get; } = Metadata("PackageVersion");

    /// <summary>The NuGet packages folder this repository restored into.</summary>
    public static string NuGetPackageRoot { get; } = Metadata("NuGetPackageRoot");

    private static string Metadata(string key) => typeof(TestEnvironment).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(attribute => attribute.Key == key)
        .Value!;
}

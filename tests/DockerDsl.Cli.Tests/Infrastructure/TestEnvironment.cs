using System.Linq;
using System.Reflection;

namespace DockerDsl.Cli.Tests.Infrastructure;

/// <summary>What the test project's build recorded (assembly metadata).</summary>
internal static class TestEnvironment
{
    /// <summary>The configuration this test project, and so the tool project, was built in.</summary>
    public static string Configuration { get; } = Metadata("Configuration");

    /// <summary>Directory.Build.props' Version: the tool package's version.</summary>
    public static string PackageVersion { get; } = Metadata("PackageVersion");

    private static string Metadata(string key) => typeof(TestEnvironment).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(attribute => attribute.Key == key)
        .Value!;
}

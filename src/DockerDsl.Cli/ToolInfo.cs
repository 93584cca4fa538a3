using System.Linq;
using System.Reflection;

namespace DockerDsl.Cli;

/// <summary>How the tool names itself in <c>--version</c> and in SARIF's <c>tool.driver</c>.</summary>
internal static class ToolInfo
{
    public const string Name = "dockerdsl";

    private static readonly Assembly Assembly = typeof(ToolInfo).Assembly;

    /// <summary>The package version (Directory.Build.props' Version).</summary>
    public static string Version { get; } =
        Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? Assembly.GetName().Version?.ToString()
        ?? "0.0.0";

    /// <summary>The project's home page (the package's PackageProjectUrl).</summary>
    public static string InformationUri { get; } =
        Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(attribute => attribute.Key == "ProjectUrl")?.Value
        ?? "https://github.com/dockerdsl/dockerdsl";
}

using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Threading.Tasks;
using System.Xml.Linq;
using DockerDsl.Cli.Tests.Infrastructure;
using DockerDsl.Tests.Shared;

namespace DockerDsl.Cli.Tests;

/// <summary>The DockerDsl.Cli package: a .NET tool that installs as <c>dockerdsl</c> and carries no Roslyn.</summary>
[Collection(PackedToolCollection.Name)]
public sealed class ToolPackageTests
{
    private readonly PackedTool _tool;

    public ToolPackageTests(PackedTool tool) => _tool = tool;

    [Fact]
    public void The_package_is_a_dotnet_tool_named_dockerdsl()
    {
        using var package = ZipFile.OpenRead(_tool.NupkgPath);
        var nuspec = XDocument.Load(package.GetEntry("DockerDsl.Cli.nuspec")!.Open());
        var metadata = nuspec.Root!.Elements().Single(element => element.Name.LocalName == "metadata");
        Assert.Equal("DockerDsl.Cli", Value(metadata, "id"));
        Assert.Equal(_tool.Version, Value(metadata, "version"));
        var packageType = metadata.Descendants().Single(element => element.Name.LocalName == "packageType");
        Assert.Equal("DotnetTool", packageType.Attribute("name")!.Value);

        var settings = XDocument.Load(package.GetEntry("tools/net10.0/any/DotnetToolSettings.xml")!.Open());
        var command = settings.Descendants().Single(element => element.Name.LocalName == "Command");
        Assert.Equal("dockerdsl", command.Attribute("Name")!.Value);
        Assert.Equal("DockerDsl.Cli.dll", command.Attribute("EntryPoint")!.Value);
        Assert.Equal("dotnet", command.Attribute("Runner")!.Value);
    }

    [Fact]
    public void The_tool_carries_only_DockerDsl_Core_and_System_CommandLine_and_no_Roslyn()
    {
        using var package = ZipFile.OpenRead(_tool.NupkgPath);
        var assemblies = package.Entries.Select(entry => entry.FullName).Where(name => name.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)).OrderBy(name => name, StringComparer.Ordinal).ToList();
        Assert.Equal(
            new[] { "tools/net10.0/any/DockerDsl.Cli.dll", "tools/net10.0/any/DockerDsl.Core.dll", "tools/net10.0/any/System.CommandLine.dll" },
            assemblies);
        Assert.DoesNotContain(package.Entries, entry => entry.FullName.Contains("Microsoft.CodeAnalysis", StringComparison.OrdinalIgnoreCase));
        Assert.NotNull(package.GetEntry("README.md"));
    }

    [Fact]
    public async Task Dotnet_tool_install_gives_a_working_dockerdsl_command()
    {
        var work = _tool.NewFolder("install");
        File.WriteAllText(Path.Combine(work, "NuGet.Config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="dockerdsl test feed" value="{_tool.Feed}" />
              </packageSources>
            </configuration>
            """);
        // A private packages folder, so no DockerDsl.Cli of the same version cached by an earlier run stands in.
        var environment = new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(work, "packages") };
        var toolPath = Path.Combine(work, "tools");
        DotnetCli.RunSuccessfully(
            work, environment,
            "tool", "install", "DockerDsl.Cli", "--tool-path", toolPath, "--version", _tool.Version, "--configfile", Path.Combine(work, "NuGet.Config"));

        var command = Path.Combine(toolPath, OperatingSystem.IsWindows() ? "dockerdsl.exe" : "dockerdsl");
        Assert.True(File.Exists(command), $"{command} was installed");
        var dotnetRoot = Path.GetDirectoryName(ResolveDotnet())!;
        var run = await ProcessRunner.RunAsync(command, new[] { "--version" }, TimeSpan.FromMinutes(1), work, new Dictionary<string, string> { ["DOTNET_ROOT"] = dotnetRoot });
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(_tool.Version, run.Output.Trim());
    }

    private static string Value(XElement metadata, string name) =>
        metadata.Elements().Single(element => element.Name.LocalName == name).Value;

    /// <summary>The full path of the dotnet that runs the tests, following a link (DOTNET_ROOT must be its real folder).</summary>
    private static string ResolveDotnet()
    {
        var dotnet = ProcessRunner.Dotnet;
        if (!Path.IsPathRooted(dotnet))
        {
            dotnet = Environment.GetEnvironmentVariable("PATH")!.Split(Path.PathSeparator)
                .Select(folder => Path.Combine(folder, dotnet))
                .First(File.Exists);
        }

        var target = new FileInfo(dotnet).ResolveLinkTarget(returnFinalTarget: true);
        return target?.FullName ?? dotnet;
    }
}

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

/// <summary>
/// The tool packages: DockerDsl.Cli points to a Native AOT package per platform and to the portable
/// DockerDsl.Cli.any; each installs as <c>dockerdsl</c>, and none carries Roslyn.
/// </summary>
[Collection(PackedToolCollection.Name)]
public sealed class ToolPackageTests
{
    private readonly PackedTool _tool;

    public ToolPackageTests(PackedTool tool) => _tool = tool;

    [Fact]
    public void DockerDsl_Cli_is_a_tool_package_that_points_to_the_native_and_the_portable_packages()
    {
        using var package = ZipFile.OpenRead(_tool.Package("DockerDsl.Cli"));
        var metadata = Metadata(package, "DockerDsl.Cli");
        Assert.Equal(_tool.Version, Value(metadata, "version"));
        Assert.Equal("DotnetTool", metadata.Descendants().Single(element => element.Name.LocalName == "packageType").Attribute("name")!.Value);
        Assert.NotNull(package.GetEntry("README.md"));

        var settings = Settings(package, "tools/any/any/DotnetToolSettings.xml");
        Assert.Equal("dockerdsl", settings.Descendants().Single(element => element.Name.LocalName == "Command").Attribute("Name")!.Value);
        var pointers = settings.Descendants().Where(element => element.Name.LocalName == "RuntimeIdentifierPackage")
            .Select(element => (element.Attribute("RuntimeIdentifier")!.Value, element.Attribute("Id")!.Value))
            .ToList();
        Assert.Equal(new[] { (PackedTool.NativeRuntime, "DockerDsl.Cli." + PackedTool.NativeRuntime), ("any", "DockerDsl.Cli.any") }, pointers);
        Assert.DoesNotContain(package.Entries, entry => entry.FullName.EndsWith(".dll", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void The_portable_tool_carries_only_DockerDsl_Core_and_System_CommandLine_and_no_Roslyn()
    {
        using var package = ZipFile.OpenRead(_tool.Package("DockerDsl.Cli.any"));
        var command = Settings(package, "tools/net10.0/any/DotnetToolSettings.xml").Descendants().Single(element => element.Name.LocalName == "Command");
        Assert.Equal("DockerDsl.Cli.dll", command.Attribute("EntryPoint")!.Value);
        Assert.Equal("dotnet", command.Attribute("Runner")!.Value);
        var assemblies = package.Entries.Select(entry => entry.FullName).Where(name => name.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(
            new[] { "tools/net10.0/any/DockerDsl.Cli.dll", "tools/net10.0/any/DockerDsl.Core.dll", "tools/net10.0/any/System.CommandLine.dll" },
            assemblies);
        Assert.DoesNotContain(package.Entries, entry => entry.FullName.Contains("Microsoft.CodeAnalysis", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void The_native_tool_is_one_executable_without_debug_symbols()
    {
        Assert.True(_tool.HasNative, $"the native package is packed on {PackedTool.NativeRuntime}, where CI runs");
        using var package = ZipFile.OpenRead(_tool.Package("DockerDsl.Cli." + PackedTool.NativeRuntime));
        var folder = $"tools/any/{PackedTool.NativeRuntime}/";
        var command = Settings(package, folder + "DotnetToolSettings.xml").Descendants().Single(element => element.Name.LocalName == "Command");
        Assert.Equal("DockerDsl.Cli", command.Attribute("EntryPoint")!.Value);
        Assert.Equal("executable", command.Attribute("Runner")!.Value);
        var files = package.Entries.Select(entry => entry.FullName).Where(name => name.StartsWith(folder, StringComparison.Ordinal)).ToList();
        Assert.Contains(folder + "DockerDsl.Cli", files);
        Assert.DoesNotContain(files, name => name.EndsWith(".dll", StringComparison.Ordinal) || name.EndsWith(".dbg", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Installing_DockerDsl_Cli_gives_the_native_dockerdsl_command()
    {
        var (command, work) = Install("DockerDsl.Cli");

        Assert.True(IsElfExecutable(command), $"{command} is the native executable");
        var run = await ProcessRunner.RunAsync(command, new[] { "--version" }, TimeSpan.FromMinutes(1), work, null);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(_tool.Version, run.Output.Trim());
    }

    [Fact]
    public async Task The_portable_dockerdsl_command_lints_on_the_dotnet_runtime()
    {
        var (command, work) = Install("DockerDsl.Cli.any");
        File.WriteAllText(Path.Combine(work, "Dockerfile"), "FROM debian\nMAINTAINER me\n");

        Assert.False(IsElfExecutable(command) && new FileInfo(command).Length > 1_000_000, $"{command} is the small apphost of the portable tool");
        var dotnetRoot = Path.GetDirectoryName(ResolveDotnet())!;
        var run = await ProcessRunner.RunAsync(command, new[] { "lint", "Dockerfile" }, TimeSpan.FromMinutes(1), work, new Dictionary<string, string> { ["DOTNET_ROOT"] = dotnetRoot });
        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("Dockerfile:1:1: warning DDSL004:", run.Output);
        Assert.Contains("Dockerfile:2:1: warning DDSL020:", run.Output);
    }

    /// <summary><c>dotnet tool install</c> of one package from the test feed into a fresh tool folder; the command's path and the folder.</summary>
    private (string Command, string Work) Install(string id)
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
            "tool", "install", id, "--tool-path", toolPath, "--version", _tool.Version, "--configfile", Path.Combine(work, "NuGet.Config"));

        var command = Path.Combine(toolPath, OperatingSystem.IsWindows() ? "dockerdsl.exe" : "dockerdsl");
        Assert.True(File.Exists(command), $"{command} was installed");
        return (new FileInfo(command).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? command, work);
    }

    private static bool IsElfExecutable(string path)
    {
        var header = new byte[4];
        using var file = File.OpenRead(path);
        return file.Read(header, 0, 4) == 4 && header[0] == 0x7f && header[1] == (byte)'E' && header[2] == (byte)'L' && header[3] == (byte)'F';
    }

    private static XElement Metadata(ZipArchive package, string id)
    {
        var nuspec = XDocument.Load(package.GetEntry(id + ".nuspec")!.Open());
        var metadata = nuspec.Root!.Elements().Single(element => element.Name.LocalName == "metadata");
        Assert.Equal(id, Value(metadata, "id"));
        return metadata;
    }

    private static XDocument Settings(ZipArchive package, string entry) =>
        XDocument.Load((package.GetEntry(entry) ?? throw new InvalidOperationException($"the package has no {entry}")).Open());

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

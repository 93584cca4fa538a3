using System;
using System.IO;
using System.Runtime.InteropServices;
using DockerDsl.Tests.Shared;

namespace DockerDsl.Cli.Tests.Infrastructure;

/// <summary>
/// The tool's packages, packed once per test run into a feed folder under the system temp folder, as a release
/// packs them: the pointer package DockerDsl.Cli (from the test build), the portable DockerDsl.Cli.any, and, on a
/// linux-x64 machine, the Native AOT DockerDsl.Cli.linux-x64. Publish folders and nuspecs go there too, so nothing
/// is written into the repository's sources.
/// </summary>
public sealed class PackedTool : IDisposable
{
    /// <summary>The platform whose native package a linux-x64 machine can build.</summary>
    public const string NativeRuntime = "linux-x64";

    private readonly TempDirectory _temp = new();

    public PackedTool()
    {
        try
        {
            Feed = _temp.Combine("feed");
            Directory.CreateDirectory(Feed);
            PackOutput = Pack(null) + Pack("any");
            HasNative = RuntimeInformation.RuntimeIdentifier == NativeRuntime;
            if (HasNative)
            {
                PackOutput += Pack(NativeRuntime);
            }
        }
        catch
        {
            // xunit does not dispose a fixture whose constructor failed.
            _temp.Dispose();
            throw;
        }
    }

    public string Version => TestEnvironment.PackageVersion;

    /// <summary>The folder holding the packages.</summary>
    public string Feed { get; }

    /// <summary>True when this machine packed the native package.</summary>
    public bool HasNative { get; }

    public string PackOutput { get; }

    /// <summary>The package with <paramref name="id"/> (DockerDsl.Cli, DockerDsl.Cli.any, DockerDsl.Cli.linux-x64).</summary>
    public string Package(string id) => Path.Combine(Feed, $"{id}.{Version}.nupkg");

    /// <summary>A fresh folder for one test, deleted with the fixture.</summary>
    public string NewFolder(string name)
    {
        var path = _temp.Combine(name + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(path);
        return path;
    }

    public void Dispose() => _temp.Dispose();

    private string Pack(string? runtime)
    {
        var project = Path.Combine(SourceTree.Root, "src", "DockerDsl.Cli", "DockerDsl.Cli.csproj");
        var name = runtime ?? "pointer";

        // The pointer package needs only the test build; a RID package builds (and publishes) for its RID.
        string[] build = runtime is null ? ["--no-build", "--no-restore"] : ["-r", runtime];
        var output = DotnetCli.RunSuccessfully(
            SourceTree.Root,
            environment: null,
            [
                "pack", project, .. build, "--disable-build-servers", "-nologo", "-tl:off",
                "-c", TestEnvironment.Configuration,
                "-o", Feed,
                "-p:PublishDir=" + _temp.Combine("publish-" + name) + Path.DirectorySeparatorChar,
                "-p:NuspecOutputPath=" + _temp.Combine("nuspec-" + name) + Path.DirectorySeparatorChar,
            ]).Output;
        var id = runtime is null ? "DockerDsl.Cli" : "DockerDsl.Cli." + runtime;
        if (!File.Exists(Package(id)))
        {
            throw new InvalidOperationException($"dotnet pack did not write {Package(id)}.{Environment.NewLine}{output}");
        }

        return output;
    }
}

/// <summary>The tests that need the packed tool share one pack.</summary>
[CollectionDefinition(Name)]
public sealed class PackedToolCollection : ICollectionFixture<PackedTool>
{
    public const string Name = "Packed dockerdsl tool";
}

using System;
using System.IO;
using DockerDsl.Tests.Shared;

namespace DockerDsl.Cli.Tests.Infrastructure;

/// <summary>
/// The tool package, packed once per test run from the tool project's existing build (the test project references
/// it, so building the tests built it) into a feed folder under the system temp folder; the publish folder and the
/// nuspec go there too, so nothing is written into the repository's sources.
/// </summary>
public sealed class PackedTool : IDisposable
{
    private readonly TempDirectory _temp = new();

    public PackedTool()
    {
        try
        {
            Feed = _temp.Combine("feed");
            Directory.CreateDirectory(Feed);
            var project = Path.Combine(SourceTree.Root, "src", "DockerDsl.Cli", "DockerDsl.Cli.csproj");
            PackOutput = DotnetCli.RunSuccessfully(
                SourceTree.Root,
                environment: null,
                "pack", project, "--no-build", "--no-restore", "--disable-build-servers", "-nologo", "-tl:off",
                "-c", TestEnvironment.Configuration,
                "-o", Feed,
                "-p:PublishDir=" + _temp.Combine("publish") + Path.DirectorySeparatorChar,
                "-p:NuspecOutputPath=" + _temp.Combine("nuspec") + Path.DirectorySeparatorChar).Output;
            NupkgPath = Path.Combine(Feed, $"DockerDsl.Cli.{Version}.nupkg");
            if (!File.Exists(NupkgPath))
            {
                throw new InvalidOperationException($"dotnet pack did not write {NupkgPath}.{Environment.NewLine}{PackOutput}");
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

    /// <summary>The folder holding the package.</summary>
    public string Feed { get; }

    public string NupkgPath { get; }

    public string PackOutput { get; }

    /// <summary>A fresh folder for one test, deleted with the fixture.</summary>
    public string NewFolder(string name)
    {
        var path = _temp.Combine(name + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(path);
        return path;
    }

    public void Dispose() => _temp.Dispose();
}

/// <summary>The tests that need the packed tool share one pack.</summary>
[CollectionDefinition(Name)]
public sealed class PackedToolCollection : ICollectionFixture<PackedTool>
{
    public const string Name = "Packed dockerdsl tool";
}

using System;
using System.IO;
using Xunit;

namespace DockerDsl.Package.Tests.Infrastructure;

/// <summary>
/// The DockerDsl package, packed once per test run into a private feed folder under the system temp folder.
/// It packs the package project's existing build output (<c>dotnet pack --no-build --no-restore</c>; the test
/// project references that project, so building the tests built it), writing nothing into the repository
/// (the nuspec goes to the temp folder too), so other test assemblies running in parallel are unaffected.
/// </summary>
public sealed class PackedPackage : IDisposable
{
    private readonly TempDirectory _temp = new();

    public PackedPackage()
    {
        try
        {
            Feed = _temp.Combine("feed");
            Directory.CreateDirectory(Feed);
            var project = Path.Combine(SourceTree.Root, "src", "DockerDsl.Package", "DockerDsl.Package.csproj");

            PackOutput = DotnetCli.RunSuccessfully(
                SourceTree.Root,
                environment: null,
                "pack", project, "--no-build", "--no-restore", "--disable-build-servers", "-nologo", "-tl:off",
                "-c", TestEnvironment.Configuration,
                "-o", Feed,
                "-p:NuspecOutputPath=" + _temp.Combine("nuspec") + Path.DirectorySeparatorChar).Output;

            TestcontainersPackOutput = PackLibrary("DockerDsl.Testcontainers");
            AspirePackOutput = PackLibrary("DockerDsl.Aspire");

            NupkgPath = Path.Combine(Feed, $"DockerDsl.{Version}.nupkg");
            TestcontainersNupkgPath = Path.Combine(Feed, $"DockerDsl.Testcontainers.{Version}.nupkg");
            AspireNupkgPath = Path.Combine(Feed, $"DockerDsl.Aspire.{Version}.nupkg");
            if (!File.Exists(NupkgPath))
            {
                throw new InvalidOperationException($"dotnet pack did not write {NupkgPath}.{Environment.NewLine}{PackOutput}");
            }

            // A netstandard2.0 consumer needs NETStandard.Library (and its dependency) from its only feed: this one.
            CopyFromRepositoryRestore("netstandard.library", "2.0.3");
            CopyFromRepositoryRestore("microsoft.netcore.platforms", "1.1.0");
        }
        catch
        {
            // xunit does not dispose a fixture whose constructor failed.
            _temp.Dispose();
            throw;
        }
    }

    /// <summary>Directory.Build.props' Version.</summary>
    public string Version => TestEnvironment.PackageVersion;

    /// <summary>The folder holding the package: a consumer's only package source.</summary>
    public string Feed { get; }

    public string NupkgPath { get; }

    public string PackOutput { get; }

    public string TestcontainersNupkgPath { get; }

    public string TestcontainersPackOutput { get; }

    public string AspireNupkgPath { get; }

    public string AspirePackOutput { get; }

    public void Dispose() => _temp.Dispose();

    /// <summary>
    /// Packs the library project src/<paramref name="name"/> into the feed (no build, as the main package), and copies
    /// every package it depends on, as this repository restored them, so a consumer restores from the feed alone.
    /// </summary>
    private string PackLibrary(string name)
    {
        var output = DotnetCli.RunSuccessfully(
            SourceTree.Root,
            environment: null,
            "pack", Path.Combine(SourceTree.Root, "src", name, name + ".csproj"),
            "--no-build", "--no-restore", "--disable-build-servers", "-nologo", "-tl:off",
            "-c", TestEnvironment.Configuration,
            "-o", Feed,
            "-p:NuspecOutputPath=" + _temp.Combine("nuspec-" + name) + Path.DirectorySeparatorChar).Output;
        var nupkg = Path.Combine(Feed, $"{name}.{Version}.nupkg");
        if (!File.Exists(nupkg))
        {
            throw new InvalidOperationException($"dotnet pack did not write {nupkg}.{Environment.NewLine}{output}");
        }

        CopyRestoredPackagesOf(Path.Combine(SourceTree.Root, "src", name, "obj", "project.assets.json"));
        return output;
    }

    /// <summary>Copies every package a restore of the project put into its assets file from the repository's packages folder.</summary>
    private void CopyRestoredPackagesOf(string assetsFile)
    {
        using var document = System.Text.Json.JsonDocument.Parse(File.ReadAllText(assetsFile));
        foreach (var library in document.RootElement.GetProperty("libraries").EnumerateObject())
        {
            if (library.Value.GetProperty("type").GetString() == "package")
            {
                var (id, version) = (library.Name[..library.Name.IndexOf('/')].ToLowerInvariant(), library.Name[(library.Name.IndexOf('/') + 1)..].ToLowerInvariant());
                if (!File.Exists(Path.Combine(Feed, $"{id}.{version}.nupkg")))
                {
                    CopyFromRepositoryRestore(id, version);
                }
            }
        }
    }

    private void CopyFromRepositoryRestore(string id, string version)
    {
        var nupkg = Path.Combine(TestEnvironment.NuGetPackageRoot, id, version, $"{id}.{version}.nupkg");
        if (!File.Exists(nupkg))
        {
            throw new InvalidOperationException($"{nupkg} is missing: restoring the repository (its netstandard2.0 projects) puts it there.");
        }

        File.Copy(nupkg, Path.Combine(Feed, Path.GetFileName(nupkg)), overwrite: true);
    }
}

/// <summary>Every test that needs the packed package shares one pack (and runs one at a time: they are heavy).</summary>
[CollectionDefinition(Name)]
public sealed class PackageCollection : ICollectionFixture<PackedPackage>
{
    public const string Name = "Packed DockerDsl package";
}

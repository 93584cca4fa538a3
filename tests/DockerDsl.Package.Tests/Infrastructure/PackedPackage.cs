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

            NupkgPath = Path.Combine(Feed, $"DockerDsl.{Version}.nupkg");
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

    public void Dispose() => _temp.Dispose();

    private void CopyFromRepositoryRestore(string id, string version)
    {
        var nupkg = Path.Combine(TestEnvironment.NuGetPackageRoot, id, version, $"{id}.{version}.nupkg");
        if (!File.Exists(nupkg))
        {
            throw new InvalidOperationException($"{nupkg} is missing: restoring the repository (its netstandard2.0 projects) puts it there.");
        }

        File.Copy(nupkg, Path.Combine(Feed, Path.GetFileName(nupkg)));
    }
}

/// <summary>Every test that needs the packed package shares one pack (and runs one at a time: they are heavy).</summary>
[CollectionDefinition(Name)]
public sealed class PackageCollection : ICollectionFixture<PackedPackage>
{
    public const string Name = "Packed DockerDsl package";
}

using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Xml.Linq;
using DockerDsl.Package.Tests.Infrastructure;
using Xunit;

namespace DockerDsl.Package.Tests;

/// <summary>What is inside DockerDsl.&lt;version&gt;.nupkg.</summary>
[Collection(PackageCollection.Name)]
public sealed class PackageLayoutTests(PackedPackage package)
{
    [Fact]
    public void The_package_holds_the_attributes_generator_analyzers_task_and_build_files_where_NuGet_and_MSBuild_look()
    {
        using var zip = ZipFile.OpenRead(package.NupkgPath);

        // Leave out the packaging parts every nupkg has (_rels/, [Content_Types].xml, package/services/).
        var entries = zip.Entries
            .Select(entry => entry.FullName)
            .Where(name => !name.StartsWith("_rels/", StringComparison.Ordinal)
                           && !name.StartsWith("package/", StringComparison.Ordinal)
                           && name != "[Content_Types].xml")
            .Order(StringComparer.Ordinal)
            .ToArray();

        string[] expected =
        [
            "DockerDsl.nuspec",
            "README.md",
            "analyzers/dotnet/cs/DockerDsl.Analyzers.dll",
            "analyzers/dotnet/cs/DockerDsl.CodeFixes.dll",
            "analyzers/dotnet/cs/DockerDsl.Core.dll",
            "analyzers/dotnet/cs/DockerDsl.Declarations.dll",
            "analyzers/dotnet/cs/DockerDsl.Generators.dll",
            "build/DockerDsl.props",
            "build/DockerDsl.targets",
            "buildTransitive/DockerDsl.props",
            "buildTransitive/DockerDsl.targets",
            "lib/netstandard2.0/DockerDsl.dll",
            "lib/netstandard2.0/DockerDsl.xml",
            "tasks/netstandard2.0/DockerDsl.Build.dll",
            "tasks/netstandard2.0/DockerDsl.Core.dll",
        ];
        Assert.True(expected.SequenceEqual(entries), $"Entries:{Environment.NewLine}{string.Join(Environment.NewLine, entries)}{Environment.NewLine}{package.PackOutput}");
    }

    [Fact]
    public void The_build_and_buildTransitive_files_are_the_sources_props_and_targets()
    {
        using var zip = ZipFile.OpenRead(package.NupkgPath);

        foreach (var file in new[] { "DockerDsl.props", "DockerDsl.targets" })
        {
            var source = File.ReadAllText(Path.Combine(SourceTree.Root, "src", "DockerDsl.Build", "build", file));
            Assert.Equal(source, Read(zip, "build/" + file));
            Assert.Equal(source, Read(zip, "buildTransitive/" + file));
        }
    }

    [Fact]
    public void The_nuspec_has_complete_metadata_and_no_dependencies()
    {
        using var zip = ZipFile.OpenRead(package.NupkgPath);
        var nuspec = XDocument.Parse(Read(zip, "DockerDsl.nuspec"));
        var metadata = nuspec.Root!.Elements().Single(element => element.Name.LocalName == "metadata");
        string? Value(string name) => metadata.Elements().SingleOrDefault(element => element.Name.LocalName == name)?.Value;

        Assert.Equal("DockerDsl", Value("id"));
        Assert.Equal(TestEnvironment.PackageVersion, Value("version"));
        Assert.Equal("MIT", Value("license"));
        Assert.Equal("expression", metadata.Elements().Single(element => element.Name.LocalName == "license").Attribute("type")?.Value);
        Assert.Equal("README.md", Value("readme"));
        Assert.Equal("https://github.com/dockerdsl/dockerdsl", Value("projectUrl"));
        Assert.Equal("https://github.com/dockerdsl/dockerdsl", metadata.Elements().Single(element => element.Name.LocalName == "repository").Attribute("url")?.Value);
        Assert.False(string.IsNullOrWhiteSpace(Value("description")));
        Assert.False(string.IsNullOrWhiteSpace(Value("authors")));
        Assert.Contains("dockerfile", (Value("tags") ?? "").Split(' '));
        // User code references the attributes: a development dependency would hide them from dependent projects.
        Assert.NotEqual("true", Value("developmentDependency"));

        // Roslyn and MSBuild come from the host, the projects are inside the package: nothing to depend on.
        var dependencies = nuspec.Descendants().Where(element => element.Name.LocalName is "dependency" or "frameworkAssembly" or "frameworkReference");
        Assert.Empty(dependencies);
    }

    [Fact]
    public void The_lib_assembly_is_the_attributes_alone()
    {
        using var zip = ZipFile.OpenRead(package.NupkgPath);
        using var stream = new MemoryStream();
        using (var entry = zip.GetEntry("lib/netstandard2.0/DockerDsl.dll")!.Open())
        {
            entry.CopyTo(stream);
        }

        stream.Position = 0;
        using var pe = new PEReader(stream);
        var reader = pe.GetMetadataReader();
        var references = reader.AssemblyReferences.Select(handle => reader.GetString(reader.GetAssemblyReference(handle).Name)).ToArray();

        Assert.Equal(["netstandard"], references);
        Assert.Equal("DockerDsl", reader.GetString(reader.GetAssemblyDefinition().Name));
    }

    private static string Read(ZipArchive zip, string name)
    {
        var entry = zip.GetEntry(name) ?? throw new InvalidOperationException($"The package has no {name}.");
        using var reader = new StreamReader(entry.Open());
        return reader.ReadToEnd();
    }
}

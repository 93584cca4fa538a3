using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using DockerDsl.Core.Import;
using DockerDsl.Import.Tests.Infrastructure;
using DockerDsl.Package.Tests.Infrastructure;
using DockerDsl.Tests.Shared;

namespace DockerDsl.Import.Tests;

/// <summary>
/// Imported corpus files in one generated project that gets DockerDsl only from the packed package: it builds with no
/// error and no DDSL1xx diagnostic, and writes Dockerfiles that mean what the originals do. Slow: one pack, one build.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class PackageCompileTests(PackedPackage package)
{
    private static readonly string[] Files =
    {
        "real/docker-library__golang__1.27__alpine3.24__Dockerfile.Dockerfile",
        "real/dotnet__dotnet-docker__samples__aspnetapp__Dockerfile.chiseled.Dockerfile",
        "real/docker__buildx__Dockerfile.Dockerfile",
        "real/moby__moby__Dockerfile.windows.Dockerfile",
        "buildkit-parser/ADD-COPY-with-JSON/Dockerfile",
    };

    [Fact]
    public void Imported_files_build_against_the_packed_package_without_errors_and_write_equivalent_Dockerfiles()
    {
        var imports = Files
            .Select((file, i) => (File: file, Folder: $"images/image{i}", Result: DockerfileImporter.Import(
                file, File.ReadAllText(Corpus.Path(file)), new ImportOptions($"Image{i}") { Namespace = "Consumer.Images", DockerfilePath = $"images/image{i}/Dockerfile" })))
            .ToList();

        using var project = new ConsumerProject(package, imports[0].Result.Source);
        foreach (var import in imports.Skip(1))
        {
            File.WriteAllText(project.PathOf(Path.GetFileName(import.Folder) + ".cs"), import.Result.Source);
        }

        var build = project.Build();

        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.DoesNotMatch(new Regex(@": error [A-Z]+\d+:"), build.Output);
        Assert.DoesNotMatch(new Regex(@": (warning|error) DDSL1\d\d:"), build.Output);
        foreach (var import in imports)
        {
            var written = project.PathOf(import.Folder + "/Dockerfile");
            Assert.True(File.Exists(written), $"{import.File}: the build wrote no {import.Folder}/Dockerfile.\n{build}");
            Assert.Null(DockerfileComparison.Difference(File.ReadAllText(Corpus.Path(import.File)), File.ReadAllText(written)));
        }
    }
}

using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using DockerDsl.Core.Import;
using DockerDsl.Core.Text;
using DockerDsl.Import.Tests.Infrastructure;
using DockerDsl.Package.Tests.Infrastructure;
using DockerDsl.Tests.Shared;

namespace DockerDsl.Import.Tests;

/// <summary>
/// Every corpus file that imports (the 88 real files and the 25 BuildKit parser cases BuildKit reads), each in its own
/// namespace, in ONE generated project that gets DockerDsl only from the packed package: one restore and one build,
/// with no error and no DDSL1xx diagnostic, and every Dockerfile it writes is the text the same declaration generates
/// in memory, and means what the original does. Slow: one pack, one build.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class PackageCompileTests(PackedPackage package)
{
    private const int RealFiles = 88;
    private const int ParserCasesThatImport = 25;

    [Fact]
    public void Every_imported_file_builds_against_the_packed_package_without_errors_and_writes_the_in_memory_Dockerfile()
    {
        var imports = CorpusFiles.All()
            .Select((file, i) => (File: file, Folder: $"images/image{i}", Result: TryImport(file, i)))
            .Where(import => import.Result is not null)
            .ToList();
        Assert.Equal(RealFiles, imports.Count(i => i.File.StartsWith("real/", StringComparison.Ordinal)));
        Assert.Equal(ParserCasesThatImport, imports.Count(i => i.File.StartsWith("buildkit-parser/", StringComparison.Ordinal)));

        using var project = new ConsumerProject(package, imports[0].Result!.Source);
        foreach (var import in imports.Skip(1))
        {
            File.WriteAllText(project.PathOf(Path.GetFileName(import.Folder) + ".cs"), import.Result!.Source);
        }

        var build = project.Build();

        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.DoesNotMatch(new Regex(@": error [A-Z]+\d+:"), build.Output);
        Assert.DoesNotMatch(new Regex(@": (warning|error) DDSL1\d\d:"), build.Output);
        Assert.Equal(imports.Count, ConsumerProject.WrittenFiles(build).Count(f => f.EndsWith("/Dockerfile", StringComparison.Ordinal)));
        foreach (var import in imports)
        {
            var written = project.PathOf(import.Folder + "/Dockerfile");
            Assert.True(File.Exists(written), $"{import.File}: the build wrote no {import.Folder}/Dockerfile.\n{build}");
            var text = File.ReadAllText(written);
            var (_, inMemory) = ImportedCompilation.Compile(import.Result!.Source, analyzers: false);
            Assert.True(inMemory is not null, $"{import.File}: the in-memory compilation wrote no Dockerfile.");
            Assert.True(
                string.Equals(inMemory!.ReplaceLineEndings("\n"), text.ReplaceLineEndings("\n"), StringComparison.Ordinal),
                $"{import.File}: the packed build wrote\n{text}\nbut in memory the same declaration writes\n{inMemory}");
            var difference = DockerfileComparison.Difference(File.ReadAllText(Corpus.Path(import.File)), text);
            Assert.True(difference is null, $"{import.File}: {difference}");
        }
    }

    // The refused parser cases (BuildKit refuses them too) have no declaration to build.
    private static ImportResult? TryImport(string file, int i)
    {
        try
        {
            return DockerfileImporter.Import(
                file,
                File.ReadAllText(Corpus.Path(file)),
                new ImportOptions($"Image{i}") { Namespace = $"Consumer.Images.I{i}", DockerfilePath = $"images/image{i}/Dockerfile" });
        }
        catch (Exception e) when (e is DockerfileReadException or Core.Text.Syntax.DockerfileParseException)
        {
            return null;
        }
    }
}

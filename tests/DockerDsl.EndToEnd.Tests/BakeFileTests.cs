using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using DockerDsl.EndToEnd.Tests.Infrastructure;
using Xunit;

namespace DockerDsl.EndToEnd.Tests;

/// <summary>Each sample's generated docker-bake.hcl is accepted by <c>docker buildx bake</c>.</summary>
[Collection(DockerEngineCollection.Name)]
public sealed class BakeFileTests
{
    public static TheoryData<string> SampleNames()
    {
        var data = new TheoryData<string>();
        foreach (var sample in Samples.All)
        {
            data.Add(sample.Name);
        }

        return data;
    }

    [SkippableTheory]
    [MemberData(nameof(SampleNames))]
    public async Task Bake_accepts_the_generated_bake_file(string name)
    {
        await DockerEngine.RequireAsync();
        var sample = Samples.All.Single(s => s.Name == name);
        var output = Path.Combine(Path.GetTempPath(), "dockerdsl-e2e-bake-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(output);
        try
        {
            var build = await ProcessRunner.RunAsync(
                ProcessRunner.Dotnet,
                new[] { "build", sample.Project, "-c", TestBuild.Configuration, "-nologo", "-v:m", "-p:BuildProjectReferences=false", "-p:DockerDslSyntax=none", $"-p:DockerDslOutputDirectory={output}" },
                TimeSpan.FromMinutes(10),
                workingDirectory: sample.Directory);
            Assert.True(build.Succeeded, "dotnet build of the sample failed:\n" + build);
            var bakeFile = Path.Combine(output, "docker-bake.hcl");
            Assert.True(File.Exists(bakeFile), "dotnet build wrote no docker-bake.hcl:\n" + build);

            // --print resolves the file as bake would build it, without building.
            var print = await DockerEngine.RunAsync(TimeSpan.FromMinutes(2), "buildx", "bake", "--file", bakeFile, "--print");
            Assert.True(print.Succeeded, "docker buildx bake --print rejected the generated file:\n" + print + "\n" + await File.ReadAllTextAsync(bakeFile));

            var json = print.Output.Substring(print.Output.IndexOf('{'));
            using var document = JsonDocument.Parse(json);
            var targets = document.RootElement.GetProperty("target");
            var defaults = document.RootElement.GetProperty("group").GetProperty("default").GetProperty("targets").EnumerateArray().Select(t => t.GetString()).ToList();
            Assert.NotEmpty(defaults);
            foreach (var target in defaults)
            {
                Assert.Equal("Dockerfile", targets.GetProperty(target!).GetProperty("dockerfile").GetString());
            }
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using DockerDsl.EndToEnd.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace DockerDsl.EndToEnd.Tests;

/// <summary>
/// Each sample's generated docker-bake.hcl, written to another folder by <c>DockerDslOutputDirectory</c>:
/// <c>docker buildx bake</c> accepts it, finds the Dockerfile through it, and builds the same image
/// as <c>docker build</c> of that Dockerfile.
/// </summary>
[Collection(DockerEngineCollection.Name)]
public sealed class BakeFileTests
{
    private static readonly TimeSpan BakeTimeout = TimeSpan.FromMinutes(40);

    private readonly SampleImages images;
    private readonly ITestOutputHelper output;

    public BakeFileTests(SampleImages images, ITestOutputHelper output)
    {
        this.images = images;
        this.output = output;
    }

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
    public async Task Bake_accepts_the_generated_bake_file_and_finds_the_Dockerfile(string name)
    {
        await DockerEngine.RequireAsync();
        var sample = Samples.All.Single(s => s.Name == name);
        using var files = await SampleFiles.WriteAsync(sample);

        // --print resolves the file as bake would build it, without building.
        var print = await DockerEngine.BakeAsync(TimeSpan.FromMinutes(2), sample.Directory, new[] { "--file", files.BakeFile, "--print" });
        Assert.True(print.Succeeded, "docker buildx bake --print rejected the generated file:\n" + print + "\n" + files.BakeText);

        // The output holds standard error too, where bake's progress lines ("#1 [internal] load local bake
        // definitions") may land between or after the lines of the JSON on standard output: leave them out.
        var stdout = string.Join("\n", print.Output.Split('\n').Where(line => !line.TrimStart().StartsWith('#')));
        var json = stdout.Substring(stdout.IndexOf('{'));
        using var document = JsonDocument.Parse(json);
        var targets = document.RootElement.GetProperty("target");
        var defaults = DefaultTargets(document.RootElement);
        var target = Assert.Single(defaults);

        // Bake resolves the context from the folder it runs in and the dockerfile from the context.
        var resolved = targets.GetProperty(target);
        var context = Path.GetFullPath(Path.Combine(sample.Directory, resolved.GetProperty("context").GetString()!));
        Assert.Equal(sample.Directory, context);
        var dockerfile = Path.GetFullPath(Path.Combine(context, resolved.GetProperty("dockerfile").GetString()!));
        Assert.Equal(files.Dockerfile, dockerfile);
    }

    [SkippableTheory]
    [MemberData(nameof(SampleNames))]
    public async Task Bake_builds_the_image_docker_build_builds(string name)
    {
        await DockerEngine.RequireAsync();
        var sample = Samples.All.Single(s => s.Name == name);

        // The image docker build made from the same Dockerfile; building it first also makes the base
        // images, and the engine's build cache is shared, so bake's build mostly hits the cache.
        var reference = await images.GetAsync(sample);
        using var files = await SampleFiles.WriteAsync(sample);

        var metadataFile = Path.Combine(files.Directory, "bake-metadata.json");
        var bake = await DockerEngine.BakeAsync(
            BakeTimeout, sample.Directory, new[] { "--file", files.BakeFile, "--metadata-file", metadataFile, "--progress", "plain" });
        Assert.True(bake.Succeeded, "docker buildx bake failed:\n" + bake + "\n" + files.BakeText);
        output.WriteLine($"{sample}: docker buildx bake {bake.Elapsed.TotalSeconds:F1} s");

        using var metadata = JsonDocument.Parse(await File.ReadAllTextAsync(metadataFile));
        // One entry per target built (buildx may add its own "buildx.*" entries).
        var target = Assert.Single(metadata.RootElement.EnumerateObject(), entry => !entry.Name.StartsWith("buildx.", StringComparison.Ordinal));
        Assert.True(
            target.Value.TryGetProperty("containerimage.config.digest", out var digest),
            $"bake's metadata for {target.Name} names no image:\n{target.Value}");
        var imageId = digest.GetString()!;
        try
        {
            var baked = (await DockerEngine.InspectAsync("image", imageId)).GetProperty("Config");
            var built = (await DockerEngine.InspectAsync("image", reference.ImageId)).GetProperty("Config");
            foreach (var field in new[] { "User", "Healthcheck", "ExposedPorts", "Env", "Entrypoint", "Cmd", "WorkingDir", "StopSignal", "Labels" })
            {
                Assert.True(
                    Field(baked, field) == Field(built, field),
                    $"{field} differs between bake's image and docker build's:\n bake:         {Field(baked, field)}\n docker build: {Field(built, field)}");
            }
        }
        finally
        {
            // The same ID is docker build's image, which the other tests use and the fixture removes.
            if (imageId != reference.ImageId)
            {
                await DockerEngine.RemoveImageAsync(imageId);
            }
        }
    }

    private static List<string> DefaultTargets(JsonElement root) =>
        root.GetProperty("group").GetProperty("default").GetProperty("targets").EnumerateArray().Select(t => t.GetString()!).ToList();

    private static string Field(JsonElement config, string name) =>
        config.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value.GetRawText() : "(none)";

    /// <summary>
    /// A sample's files as <c>dotnet build</c> writes them into a temporary <c>DockerDslOutputDirectory</c>,
    /// with no <c># syntax=</c> line (the frontend image cannot be pulled here).
    /// </summary>
    private sealed class SampleFiles : IDisposable
    {
        private SampleFiles(Sample sample, string directory)
        {
            Directory = directory;
            BakeFile = Path.Combine(directory, "docker-bake.hcl");
            Dockerfile = Path.Combine(directory, sample.DeclaredPath);
        }

        public string Directory { get; }

        public string BakeFile { get; }

        public string Dockerfile { get; }

        public string BakeText => File.Exists(BakeFile) ? File.ReadAllText(BakeFile) : "(no bake file)";

        public static async Task<SampleFiles> WriteAsync(Sample sample)
        {
            var files = new SampleFiles(sample, Path.Combine(Path.GetTempPath(), "dockerdsl-e2e-bake-" + Guid.NewGuid().ToString("N")));
            System.IO.Directory.CreateDirectory(files.Directory);
            var build = await sample.WriteFilesAsync(files.Directory);
            Assert.True(File.Exists(files.BakeFile), "dotnet build wrote no docker-bake.hcl:\n" + build);
            Assert.True(File.Exists(files.Dockerfile), $"dotnet build wrote no {files.Dockerfile}:\n" + build);
            return files;
        }

        public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
    }
}

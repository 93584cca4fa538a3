using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Xunit;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace DockerDsl.EndToEnd.Tests.Infrastructure;

/// <summary>A sample's image, built from the Dockerfile its project wrote.</summary>
public sealed record SampleImage(Sample Sample, GeneratedDockerfile Dockerfile, string ImageId, string Tag, TimeSpan ProjectBuildTime, TimeSpan ImageBuildTime);

/// <summary>
/// Builds each sample's image once per test run, on first use, one build at a time (the engine and
/// the 2-core machine are shared), and removes the images by ID when the run ends.
/// For a sample it runs <c>dotnet build</c> with <c>-p:DockerDslSyntax=none</c> (no <c># syntax=</c>
/// line: the frontend image cannot be pulled here) into a temporary folder, so the sample's own
/// <c>Dockerfile</c> is left as the normal build wrote it, then <c>docker build</c> with BuildKit,
/// never <c>--pull</c>, with the sample folder as the build context (BuildKit reads the generated
/// <c>Dockerfile.dockerignore</c> next to the Dockerfile in place of the context's .dockerignore).
/// </summary>
public sealed class SampleImages : IAsyncLifetime
{
    private static readonly TimeSpan ProjectBuildTimeout = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan ImageBuildTimeout = TimeSpan.FromMinutes(40);

    private readonly IMessageSink diagnostics;
    private readonly SemaphoreSlim oneAtATime = new(1, 1);
    private readonly ConcurrentDictionary<string, Lazy<Task<SampleImage>>> images = new();
    private readonly string runId = $"{DateTime.UtcNow:yyyyMMddHHmmss}-{Environment.ProcessId}";
    private readonly string workDirectory;
    private bool baseImagesChecked;

    public SampleImages(IMessageSink diagnostics)
    {
        this.diagnostics = diagnostics;
        workDirectory = Path.Combine(Path.GetTempPath(), "dockerdsl-e2e-" + runId);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>The sample's image; a failed build fails every test of that sample with the same message.</summary>
    public Task<SampleImage> GetAsync(Sample sample) =>
        images.GetOrAdd(sample.Name, _ => new Lazy<Task<SampleImage>>(() => BuildAsync(sample))).Value;

    private async Task<SampleImage> BuildAsync(Sample sample)
    {
        await oneAtATime.WaitAsync();
        try
        {
            var output = Path.Combine(workDirectory, sample.Name);
            Directory.CreateDirectory(output);

            // 1. The sample's project writes its Dockerfile.
            var project = await sample.WriteFilesAsync(output, "DockerDslBakeFile=none");
            var dockerfilePath = Path.Combine(output, sample.DeclaredPath);
            Assert.True(File.Exists(dockerfilePath), $"dotnet build did not write {dockerfilePath}:\n{project}");
            var dockerfile = new GeneratedDockerfile(await File.ReadAllTextAsync(dockerfilePath));
            Assert.DoesNotContain("# syntax=", dockerfile.Text);

            // 2. The base images are local (no registry is reachable); make them if someone removed them.
            await EnsureBaseImagesAsync(dockerfile);

            // 3. The image.
            var tag = $"dockerdsl-e2e/{sample.Name.ToLowerInvariant()}:{runId}";
            var iidFile = Path.Combine(output, "image.id");
            var build = await DockerEngine.BuildAsync(
                ImageBuildTimeout,
                new[] { "--file", dockerfilePath, "--iidfile", iidFile, "--tag", tag, sample.Directory });
            await File.WriteAllTextAsync(Path.Combine(output, "docker-build.log"), build.Output);
            Assert.True(build.Succeeded, $"docker build of {sample.Name} failed (Dockerfile: {dockerfilePath}):\n{build}");
            var imageId = (await File.ReadAllTextAsync(iidFile)).Trim();

            Log($"{sample.Name}: dotnet build {project.Elapsed.TotalSeconds:F0} s, docker build {build.Elapsed.TotalSeconds:F0} s, image {imageId}");
            return new SampleImage(sample, dockerfile, imageId, tag, project.Elapsed, build.Elapsed);
        }
        finally
        {
            oneAtATime.Release();
        }
    }

    private async Task EnsureBaseImagesAsync(GeneratedDockerfile dockerfile)
    {
        var missing = new List<string>();
        foreach (var image in dockerfile.BaseImages)
        {
            if (!await DockerEngine.ImageExistsAsync(image))
            {
                missing.Add(image);
            }
        }

        if (missing.Count == 0)
        {
            return;
        }

        Assert.False(baseImagesChecked, $"Base images still missing after eng/docker/base-images.sh: {string.Join(", ", missing)}");
        baseImagesChecked = true;
        Log($"base images missing ({string.Join(", ", missing)}): running eng/docker/base-images.sh");
        var script = await ProcessRunner.RunAsync("bash", new[] { SourceTree.File("eng", "docker", "base-images.sh") }, TimeSpan.FromMinutes(30));
        Assert.True(script.Succeeded, "eng/docker/base-images.sh failed:\n" + script);
        await EnsureBaseImagesAsync(dockerfile);
    }

    public async Task DisposeAsync()
    {
        foreach (var lazy in images.Values.Where(l => l.IsValueCreated))
        {
            try
            {
                var image = await lazy.Value;
                await DockerEngine.RemoveImageAsync(image.ImageId);
            }
            catch (Exception e) when (e is XunitException or TimeoutException or IOException)
            {
                // The build failed (its tests report it) or the engine went away: nothing to remove.
            }
        }

        try
        {
            Directory.Delete(workDirectory, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }

        oneAtATime.Dispose();
    }

    private void Log(string message) => diagnostics.OnMessage(new DiagnosticMessage("[e2e] " + message));
}

[CollectionDefinition(Name)]
public sealed class DockerEngineCollection : ICollectionFixture<SampleImages>
{
    /// <summary>All tests that use the engine: one collection, so they run one after another.</summary>
    public const string Name = "Docker engine";
}

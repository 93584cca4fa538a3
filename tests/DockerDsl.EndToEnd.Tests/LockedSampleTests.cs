using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using DockerDsl.EndToEnd.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace DockerDsl.EndToEnd.Tests;

/// <summary>
/// The flagship sample, locked and built from the pinned digests. Its base image exists only on this engine and no
/// public registry is reachable, so the engine's image is pushed to the anonymous local registry
/// (eng/docker/registry.sh), and a copy of the sample whose declarations name the registry's reference is built:
/// <c>dotnet build</c>, <c>dockerdsl lock</c> against the registry, <c>dotnet build</c> again (now pinned by the lock),
/// then <c>docker build</c> of the pinned Dockerfile. skopeo, which shares no code with DockerDsl, says what the tag
/// names. The sample's own files are not touched and stay unlocked.
/// </summary>
[Collection(DockerEngineCollection.Name)]
public sealed class LockedSampleTests : IDisposable
{
    private static readonly TimeSpan Minutes = TimeSpan.FromMinutes(10);
    private static readonly Regex Pinned = new(@"^FROM (?<reference>\S+)@(?<digest>sha256:[0-9a-f]{64})(?: AS \S+)?$", RegexOptions.Multiline | RegexOptions.CultureInvariant);

    private readonly SampleImages sampleImages;
    private readonly ITestOutputHelper output;
    private readonly string work = Path.Combine(Path.GetTempPath(), $"dockerdsl-e2e-locked-{DateTime.UtcNow:yyyyMMddHHmmss}-{Environment.ProcessId}");
    private readonly List<string> tags = new();

    public LockedSampleTests(SampleImages sampleImages, ITestOutputHelper output)
    {
        this.sampleImages = sampleImages;
        this.output = output;
    }

    public void Dispose()
    {
        // By tag, not by ID: the image can be the very one the sample's own build made (every layer from the cache).
        foreach (var tag in tags)
        {
            DockerEngine.RunAsync(TimeSpan.FromSeconds(60), "image", "rm", tag).GetAwaiter().GetResult();
        }

        if (Directory.Exists(work))
        {
            Directory.Delete(work, recursive: true);
        }
    }

    [SkippableFact]
    public async Task RPlumberApi_locked_against_the_local_registry_builds_from_the_locked_digests()
    {
        await DockerEngine.RequireAsync();
        var registry = await RequireRegistryAsync();
        var sample = Samples.RPlumberApi;
        const string LocalBase = "debian:bookworm-slim";

        // The sample's own image first (built once per run, shared with SampleTests): the locked build below then
        // reuses its build cache, since BuildKit keys a base image by its layers, which the registry's copy shares.
        await sampleImages.GetAsync(sample);
        var remote = $"{registry}/dockerdsl-e2e/debian:bookworm-slim-{Environment.ProcessId}";

        // 1. The engine's base image into the registry, and a copy of the sample that names it there.
        Assert.True(await DockerEngine.ImageExistsAsync(LocalBase), $"{LocalBase} is not on the engine; run eng/docker/base-images.sh");
        await DockerEngine.CheckedAsync(Minutes, "tag", LocalBase, remote);
        try
        {
            await DockerEngine.CheckedAsync(Minutes, "push", "--quiet", remote);
        }
        finally
        {
            await DockerEngine.RunAsync(TimeSpan.FromSeconds(60), "image", "rm", remote);
        }

        // A registry's own repository name does not tell the base's family (BaseFamilies infers only names whose
        // family is known), so until it is locked the copy states it where the sample's [NonRootUser] relies on the
        // inferred one.
        var project = CopySample(sample,
            ($"\"{LocalBase}\"", $"\"{remote}\""),
            ("[NonRootUser(\"apiuser\", Uid = 1001, Group = \"api\")]", "[NonRootUser(\"apiuser\", Uid = 1001, Group = \"api\", Family = BaseFamily.Debian)]"));

        // 2. Built unlocked, then locked: the registry's reference is written as declared.
        var first = await BuildProjectAsync(project);
        var dockerfile = Path.Combine(project, "Dockerfile");
        var unlockedText = await File.ReadAllTextAsync(dockerfile);
        Assert.Contains($"FROM {remote} AS base", unlockedText);
        var locking = await DockerDslAsync(project, "lock", "--insecure-registry", registry);
        Assert.True(locking.Succeeded, locking.ToString());
        var lockFile = Path.Combine(project, "dockerdsl.lock.json");
        using var lockJson = JsonDocument.Parse(await File.ReadAllTextAsync(lockFile));
        var entry = lockJson.RootElement.GetProperty("images").GetProperty(remote);
        var lockedDigest = entry.GetProperty("digest").GetString()!;

        // The lock read the base's layers, which tell Debian: the copy no longer states the family.
        Assert.All(entry.GetProperty("platforms").EnumerateObject(), p => Assert.Equal("Debian", p.Value.GetProperty("fileSystem").GetProperty("family").GetString()));
        const string Stated = ", Family = BaseFamily.Debian)]";
        var declarations = Directory.EnumerateFiles(project, "*.cs", SearchOption.AllDirectories).Single(f => File.ReadAllText(f).Contains(Stated, StringComparison.Ordinal));
        await File.WriteAllTextAsync(declarations, (await File.ReadAllTextAsync(declarations)).Replace(Stated, ")]", StringComparison.Ordinal));

        // skopeo reads the same digest for the tag, and the same diff IDs in its config.
        var skopeoDigest = (await SkopeoJsonAsync("inspect", "--tls-verify=false", "docker://" + remote)).GetProperty("Digest").GetString();
        Assert.Equal(skopeoDigest, lockedDigest);
        var baseLayers = (await SkopeoJsonAsync("inspect", "--tls-verify=false", "--config", "docker://" + remote)).GetProperty("rootfs").GetProperty("diff_ids")
            .EnumerateArray().Select(e => e.GetString()!).ToList();

        // 3. Built again with the lock: the generated Dockerfile pins what was locked, and only the FROM line changed
        // ([NonRootUser] writes for the locked family what it wrote for the stated one).
        var second = await BuildProjectAsync(project);
        var pinnedText = await File.ReadAllTextAsync(dockerfile);
        var from = Assert.Single(Pinned.Matches(pinnedText));
        Assert.Equal((remote, lockedDigest), (from.Groups["reference"].Value, from.Groups["digest"].Value));
        Assert.Equal(unlockedText.Replace($"FROM {remote} AS base", $"FROM {remote}@{lockedDigest} AS base", StringComparison.Ordinal), pinnedText);
        output.WriteLine($"dotnet build {first.Elapsed.TotalSeconds:F1} s and {second.Elapsed.TotalSeconds:F1} s, dockerdsl lock {locking.Elapsed.TotalSeconds:F1} s");

        // 4. The pinned Dockerfile builds on the engine; BuildKit resolves the pinned digest from the registry, and
        // the image's layers start with the base image's, as skopeo reads them.
        var iidFile = Path.Combine(work, "image.id");
        var tag = $"dockerdsl-e2e/locked-{sample.Name.ToLowerInvariant()}:{Environment.ProcessId}";
        tags.Add(tag);
        var build = await DockerEngine.BuildAsync(TimeSpan.FromMinutes(40), new[] { "--file", dockerfile, "--iidfile", iidFile, "--tag", tag, project });
        Assert.True(build.Succeeded, build.ToString());
        output.WriteLine($"docker build {build.Elapsed.TotalSeconds:F1} s");
        var imageId = (await File.ReadAllTextAsync(iidFile)).Trim();
        Assert.Contains($"FROM {remote}@{lockedDigest}", build.Output, StringComparison.Ordinal);
        var layers = (await DockerEngine.InspectAsync("image", imageId)).GetProperty("RootFS").GetProperty("Layers").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.Equal(baseLayers, layers.Take(baseLayers.Count));
        Assert.True(layers.Count > baseLayers.Count);

        // 5. The tag still names the locked digest.
        var check = await DockerDslAsync(project, "lock", "--check", "--insecure-registry", registry);
        Assert.True(check.Succeeded, check.ToString());
    }

    /// <summary>
    /// Copies the sample's project, declarations and build context into the work folder, with each
    /// <paramref name="replacements"/> pair's first text replaced by its second in the declarations (each must occur);
    /// its imports point at this repository's eng/ files.
    /// </summary>
    private string CopySample(Sample sample, params (string From, string To)[] replacements)
    {
        var target = Path.Combine(work, sample.Name);
        var replaced = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(sample.Directory, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(sample.Directory, file);
            var top = relative.Split(Path.DirectorySeparatorChar)[0];
            if (top is "bin" or "obj" || relative == "Dockerfile" || relative.EndsWith(".dockerignore", StringComparison.Ordinal) || relative == "docker-bake.hcl"
                || relative.EndsWith(".o", StringComparison.Ordinal) || relative.EndsWith(".so", StringComparison.Ordinal))
            {
                continue;
            }

            var destination = Path.Combine(target, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            if (relative.EndsWith(".cs", StringComparison.Ordinal))
            {
                var text = File.ReadAllText(file);
                foreach (var (from, to) in replacements)
                {
                    if (text.Contains(from, StringComparison.Ordinal))
                    {
                        text = text.Replace(from, to, StringComparison.Ordinal);
                        replaced.Add(from);
                    }
                }

                File.WriteAllText(destination, text);
            }
            else if (relative.EndsWith(".csproj", StringComparison.Ordinal))
            {
                File.WriteAllText(destination, File.ReadAllText(file).Replace("\"../../eng/", $"\"{SourceTree.Root}/eng/", StringComparison.Ordinal));
            }
            else
            {
                File.Copy(file, destination);
            }
        }

        Assert.Equal(replacements.Select(r => r.From), replacements.Select(r => r.From).Where(replaced.Contains));
        return target;
    }

    private static async Task<ProcessResult> BuildProjectAsync(string project)
    {
        var build = await ProcessRunner.RunAsync(
            ProcessRunner.Dotnet,
            new[] { "build", "-c", TestBuild.Configuration, "-nologo", "-v:m", "-p:BuildProjectReferences=false", "-p:DockerDslSyntax=none", "-p:DockerDslBakeFile=none" },
            Minutes,
            workingDirectory: project);
        Assert.True(build.Succeeded, "dotnet build of the copied sample failed:\n" + build);
        return build;
    }

    /// <summary>The dockerdsl tool as built beside the tests (src/DockerDsl.Cli), run in <paramref name="folder"/>.</summary>
    private static Task<ProcessResult> DockerDslAsync(string folder, params string[] arguments)
    {
        var tool = SourceTree.File("src", "DockerDsl.Cli", "bin", TestBuild.Configuration, "net10.0", "DockerDsl.Cli.dll");
        Assert.True(File.Exists(tool), $"{tool} is missing; build src/DockerDsl.Cli");
        return ProcessRunner.RunAsync(ProcessRunner.Dotnet, new[] { tool }.Concat(arguments), Minutes, workingDirectory: folder);
    }

    private static async Task<JsonElement> SkopeoJsonAsync(params string[] arguments)
    {
        var result = await ProcessRunner.RunAsync("/usr/bin/skopeo", arguments, TimeSpan.FromMinutes(2));
        Assert.True(result.Succeeded, result.ToString());
        using var document = JsonDocument.Parse(result.Output);
        return document.RootElement.Clone();
    }

    /// <summary>
    /// host:port of the anonymous local registry (DOCKERDSL_REGISTRY, else eng/docker/registry.sh's registry.env) when it
    /// answers and skopeo is installed; else the test is skipped, or fails when DOCKERDSL_E2E_REQUIRED=1 (as in .ci/run).
    /// </summary>
    private static async Task<string> RequireRegistryAsync()
    {
        var envFile = Path.Combine(Environment.GetEnvironmentVariable("DOCKERDSL_REGISTRY_DIR") is { Length: > 0 } dir ? dir : "/var/tmp/dockerdsl-registry", "registry.env");
        var registry = Environment.GetEnvironmentVariable("DOCKERDSL_REGISTRY") is { Length: > 0 } set ? set
            : File.Exists(envFile) ? File.ReadAllLines(envFile).Select(l => l.StartsWith("export ", StringComparison.Ordinal) ? l[7..] : l)
                .Where(l => l.StartsWith("DOCKERDSL_REGISTRY=", StringComparison.Ordinal)).Select(l => l["DOCKERDSL_REGISTRY=".Length..]).FirstOrDefault()
            : null;
        string? missing = registry is null ? $"DOCKERDSL_REGISTRY is not set and {envFile} does not name it."
            : !File.Exists("/usr/bin/skopeo") ? "/usr/bin/skopeo does not exist."
            : null;
        if (missing is null)
        {
            try
            {
                using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
                using var response = await http.GetAsync($"http://{registry}/v2/");
                missing = response.IsSuccessStatusCode ? null : $"http://{registry}/v2/ answers {(int)response.StatusCode}.";
            }
            catch (HttpRequestException exception)
            {
                missing = $"no registry answers at {registry}: {exception.Message}.";
            }
        }

        if (missing is not null)
        {
            var message = $"{missing} Start it with eng/docker/registry.sh start (see docs/lock.md).";
            Assert.False(DockerEngine.Required, $"{DockerEngine.RequiredVariable}=1 but the locked sample cannot be built: {message}");
            Skip.If(true, "No local registry: " + message);
        }

        return registry!;
    }
}

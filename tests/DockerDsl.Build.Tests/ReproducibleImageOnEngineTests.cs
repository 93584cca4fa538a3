using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text.Json;
using DockerDsl.Build.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace DockerDsl.Build.Tests;

/// <summary>
/// The proof of docs/reproducible.md on the real engine: two cold builds (<c>no-cache</c>) of one commit by
/// <c>dotnet build -t:DockerDslBuildImages</c> give the same image: the same config digest (the image ID, on the
/// engine's image store) and the same digest for every layer.
/// </summary>
public sealed class ReproducibleImageOnEngineTests
{
    // The RUN writes a file, then sets the time of every file it changed to SOURCE_DATE_EPOCH: the docker driver's
    // exporter does not honour rewrite-timestamp (docs/reproducible.md shows what differs without this line).
    // /etc/hosts, /etc/resolv.conf and /etc/hostname are the engine's, mounted read-only into the step.
    private const string Declarations = """
        using DockerDsl;

        [BuildArg]
        public sealed partial class SourceDateEpoch;

        [Dockerfile("Dockerfile", Tags = new[] { "dockerdsl-build-tests/repro:declared" })]
        public partial class Repro
        {
            [Stage(From = "debian:bookworm-slim")]
            [Arg(typeof(SourceDateEpoch))]
            [Copy("content/", "/content/")]
            [Run("echo \"built from the commit of $SOURCE_DATE_EPOCH\" > /content/built.txt",
                 "find / -xdev \\( -path /proc -o -path /sys -o -path /dev -o -path /etc/hosts -o -path /etc/resolv.conf -o -path /etc/hostname \\) -prune -o -newermt \"@${SOURCE_DATE_EPOCH}\" -exec touch --no-dereference --date=\"@${SOURCE_DATE_EPOCH}\" {} +")]
            [User("65534")]
            [Cmd("cat", "/content/built.txt")]
            public partial class Production;
        }
        """;

    private readonly ITestOutputHelper output;

    public ReproducibleImageOnEngineTests(ITestOutputHelper output) => this.output = output;

    [SkippableFact]
    public void Two_cold_builds_of_one_commit_give_the_same_config_and_layer_digests()
    {
        ImageBuildOnEngineTests.RequireEngine();
        var run = Guid.NewGuid().ToString("N")[..12];
        using var project = new SampleProject("net10.0", Declarations, withGenerator: true);
        project.Write("content/index.txt", "hello\n");
        Git(project, "init", "--quiet");
        Git(project, "add", "-A");
        Git(project, "-c", "user.name=t", "-c", "user.email=t@example.invalid", "commit", "--quiet", "-m", "one");
        var epoch = Git(project, "log", "-1", "--format=%ct");
        var images = new List<string>();
        try
        {
            var digests = new List<(string Config, string[] Layers, JsonElement Image)>();
            foreach (var build in new[] { "a", "b" })
            {
                // Another tag each time, so the second build is not skipped as up to date; no-cache: a cold build.
                var tag = run + build;
                var image = "dockerdsl-build-tests/repro:" + tag;
                images.Add(image);
                var watch = Stopwatch.StartNew();
                var result = project.Build(
                    "-t:DockerDslBuildImages", "-p:DockerDslSyntax=none", "-p:DockerDslDockerCommand=" + ImageBuildOnEngineTests.Docker,
                    "-p:DockerDslImageTags=" + tag, "-p:DockerDslBakeSet=*.no-cache=true", "-p:Version=1.2.3", "-v:normal");
                Assert.True(result.ExitCode == 0, result.ToString());
                // Cold: BuildKit ran the COPY and the RUN (a step it took from the cache says CACHED; the FROM of a
                // local image always does).
                var steps = System.Text.RegularExpressions.Regex.Matches(result.Output, @"#(\d+) \[(?:production )?(\d)/3\] (\w+)")
                    .Select(m => (Id: m.Groups[1].Value, Keyword: m.Groups[3].Value)).Distinct().ToList();
                Assert.True(steps.Select(s => s.Keyword).SequenceEqual(new[] { "FROM", "COPY", "RUN" }), result.ToString());
                var cached = System.Text.RegularExpressions.Regex.Matches(result.Output, @"#(\d+) CACHED").Select(m => m.Groups[1].Value);
                Assert.All(cached, id => Assert.Equal(steps[0].Id, id));
                output.WriteLine($"build {build}: {watch.Elapsed.TotalSeconds:F1} s");
                using var inspect = JsonDocument.Parse(Docker("image", "inspect", image));
                var root = inspect.RootElement[0].Clone();
                digests.Add((root.GetProperty("Id").GetString()!, root.GetProperty("RootFS").GetProperty("Layers").EnumerateArray().Select(l => l.GetString()!).ToArray(), root));
                output.WriteLine($"  config {digests[^1].Config}\n  layers {string.Join(" ", digests[^1].Layers)}");
            }

            var (first, second) = (digests[0], digests[1]);
            // The base's layer, the COPY's and the RUN's, each the same.
            Assert.Equal(3, first.Layers.Length);
            Assert.Equal(first.Layers, second.Layers);
            Assert.Equal(first.Config, second.Config);

            // What makes the config the same: the epoch is the commit's, and so are the labels.
            var created = DateTimeOffset.FromUnixTimeSeconds(long.Parse(epoch, System.Globalization.CultureInfo.InvariantCulture)).UtcDateTime;
            Assert.Equal(created, first.Image.GetProperty("Created").GetDateTime().ToUniversalTime());
            var labels = first.Image.GetProperty("Config").GetProperty("Labels");
            Assert.Equal(created.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture), labels.GetProperty("org.opencontainers.image.created").GetString());
            Assert.Equal(Git(project, "rev-parse", "HEAD"), labels.GetProperty("org.opencontainers.image.revision").GetString());
            Assert.Equal("1.2.3", labels.GetProperty("org.opencontainers.image.version").GetString());
            Assert.Equal("debian:bookworm-slim", labels.GetProperty("org.opencontainers.image.base.name").GetString());
            Assert.Equal($"built from the commit of {epoch}\n", Docker("run", "--rm", images[0]).ReplaceLineEndings("\n"));
        }
        finally
        {
            foreach (var image in images)
            {
                ProcessRunner.RunAsync(ImageBuildOnEngineTests.Docker, ["image", "rm", "--force", image], TimeSpan.FromMinutes(1)).GetAwaiter().GetResult();
            }
        }
    }

    private static string Docker(params string[] arguments)
    {
        var result = ProcessRunner.RunAsync(ImageBuildOnEngineTests.Docker, arguments, TimeSpan.FromMinutes(2)).GetAwaiter().GetResult();
        Assert.True(result.Succeeded, result.ToString());
        return result.Output;
    }

    private static string Git(SampleProject project, params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = project.Directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var git = Process.Start(start)!;
        var text = git.StandardOutput.ReadToEnd();
        git.WaitForExit();
        Assert.True(git.ExitCode == 0, "git " + string.Join(" ", arguments) + ": " + git.StandardError.ReadToEnd());
        return text.Trim();
    }
}

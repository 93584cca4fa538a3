using System;
using System.IO;
using System.Text.Json;
using DockerDsl.Build.Tests.Infrastructure;
using Xunit;

namespace DockerDsl.Build.Tests;

/// <summary>
/// <c>dotnet build -t:DockerDslBuildImages</c> on the real engine (docs/end-to-end.md sets it up): skipped, with the
/// reason, where none answers, and required where <c>DOCKERDSL_E2E_REQUIRED=1</c> (as <c>.ci/run</c> sets it).
/// The images are removed at the end.
/// </summary>
public sealed class ImageBuildOnEngineTests
{
    // A cache mount needs BuildKit: the plain builder would refuse the Dockerfile.
    private const string Declarations = """
        using DockerDsl;

        [CacheMount("/var/cache/demo", Sharing = CacheSharing.Locked)]
        public sealed partial class DemoCache;

        [Dockerfile("Dockerfile", Tags = new[] { "dockerdsl-build-tests/demo:declared" })]
        public partial class Demo
        {
            [Stage(From = "debian:bookworm-slim")]
            [Run("echo cached > /var/cache/demo/note", "cp /var/cache/demo/note /note", Mounts = new[] { typeof(DemoCache) })]
            [Copy("content/", "/content/")]
            [NonRootUser("demo", Uid = 1234)]
            [Cmd("cat", "/note")]
            public partial class Production;
        }
        """;

    private const string FailingDeclarations = """
        using DockerDsl;

        [Dockerfile("Dockerfile")]
        public partial class Broken
        {
            [Stage(From = "debian:bookworm-slim")]
            [Run("echo the next step fails")]
            public partial class Base;

            [Stage(From = typeof(Base))]
            [Run("exit 3")]
            [NonRootUser("app")]
            [Cmd("/bin/true")]
            public partial class Production;
        }
        """;

    internal static string Docker => File.Exists("/usr/bin/docker") ? "/usr/bin/docker" : "docker";

    [SkippableFact]
    public void The_target_builds_and_loads_the_image_and_skips_bake_when_nothing_changed()
    {
        RequireEngine();
        var tag = "t" + Guid.NewGuid().ToString("N")[..12];
        var image = "dockerdsl-build-tests/demo:" + tag;
        using var project = new SampleProject("net10.0", Declarations, withGenerator: true);
        project.Write("content/index.txt", "hello\n");
        try
        {
            var first = project.Build("-t:DockerDslBuildImages", "-p:DockerDslSyntax=none", "-p:DockerDslDockerCommand=" + Docker, "-p:DockerDslImageTags=" + tag);

            Assert.True(first.ExitCode == 0, first.ToString());
            // BuildKit's step lines are in the log at high importance (minimal verbosity shows them).
            Assert.True(System.Text.RegularExpressions.Regex.IsMatch(first.Output, @"\n  #\d+ \[production 2/\d\] RUN --mount=type=cache,target=/var/cache/demo,sharing=locked"), first.ToString());
            Assert.True(first.Output.Contains($"DockerDsl: built image demo ({image})", StringComparison.Ordinal), first.ToString());
            using var inspect = JsonDocument.Parse(Run("image", "inspect", image).Output);
            Assert.Equal("1234:1234", inspect.RootElement[0].GetProperty("Config").GetProperty("User").GetString());
            Assert.Equal("cached\n", Run("run", "--rm", image).Output.ReplaceLineEndings("\n"));

            var second = project.Build("-t:DockerDslBuildImages", "-p:DockerDslSyntax=none", "-p:DockerDslDockerCommand=" + Docker, "-p:DockerDslImageTags=" + tag, "-v:normal");

            Assert.True(second.ExitCode == 0, second.ToString());
            Assert.Contains("Skipping target \"DockerDslBuildImages\" because all output files are up-to-date", second.Output);
            Assert.DoesNotContain("DockerDsl: built image", second.Output);
        }
        finally
        {
            ProcessRunner.RunAsync(Docker, ["image", "rm", "--force", image], TimeSpan.FromMinutes(1)).GetAwaiter().GetResult();
        }
    }

    [SkippableFact]
    public void A_failing_RUN_is_an_error_at_its_Dockerfile_line_naming_the_stage()
    {
        RequireEngine();
        using var project = new SampleProject("net10.0", FailingDeclarations, withGenerator: true);

        var result = project.Build("-t:DockerDslBuildImages", "-p:DockerDslSyntax=none", "-p:DockerDslDockerCommand=" + Docker, "-p:DockerDslLoad=false");

        Assert.True(result.ExitCode != 0, result.ToString());
        var lines = File.ReadAllLines(project.PathOf("Dockerfile"));
        var line = Array.FindIndex(lines, l => l == "RUN exit 3") + 1;
        Assert.True(line > 0, string.Join("\n", lines));
        Assert.Contains(
            $"{project.PathOf("Dockerfile")}({line}): error DDSLB015: DockerDsl: image 'broken' failed at stage 'production' of Dockerfile: RUN exit 3: process \"/bin/sh -c exit 3\" did not complete successfully: exit code: 3",
            result.Output);
    }

    private static ProcessResult Run(params string[] arguments)
    {
        var result = ProcessRunner.RunAsync(Docker, arguments, TimeSpan.FromMinutes(2)).GetAwaiter().GetResult();
        Assert.True(result.Succeeded, result.ToString());
        return result;
    }

    internal static void RequireEngine()
    {
        string? reason = null;
        try
        {
            var version = ProcessRunner.RunAsync(Docker, ["version", "--format", "{{.Server.Version}}"], TimeSpan.FromSeconds(30)).GetAwaiter().GetResult();
            var buildx = ProcessRunner.RunAsync(Docker, ["buildx", "version"], TimeSpan.FromSeconds(30)).GetAwaiter().GetResult();
            var baseImage = ProcessRunner.RunAsync(Docker, ["image", "inspect", "debian:bookworm-slim"], TimeSpan.FromSeconds(30)).GetAwaiter().GetResult();
            reason = !version.Succeeded || version.Output.Trim().Length == 0 ? "no engine answers: " + version.Output.Trim()
                : !buildx.Succeeded ? "the buildx plugin is missing: " + buildx.Output.Trim()
                : !baseImage.Succeeded ? "the local base image debian:bookworm-slim is missing (eng/docker/base-images.sh makes it)"
                : null;
        }
        catch (Exception exception) when (exception is System.ComponentModel.Win32Exception or TimeoutException)
        {
            reason = $"{Docker} cannot run: {exception.Message}";
        }

        if (reason is null)
        {
            return;
        }

        if (Environment.GetEnvironmentVariable("DOCKERDSL_E2E_REQUIRED") == "1")
        {
            Assert.Fail($"DOCKERDSL_E2E_REQUIRED=1 but the image build cannot run: {reason}. Set up the engine with eng/docker/setup-engine.sh (docs/end-to-end.md).");
        }

        Skip.If(true, $"No Docker engine with BuildKit: {reason}. Set up the engine with eng/docker/setup-engine.sh (docs/end-to-end.md).");
    }
}

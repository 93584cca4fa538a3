using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using DockerDsl.Build.Tests.Infrastructure;
using Xunit;

namespace DockerDsl.Build.Tests;

/// <summary>
/// What <c>DockerDslBuildImages</c> gives bake to make the images reproducible and labelled: SOURCE_DATE_EPOCH
/// from the commit (or the property, or the environment variable, which wins), the exporter's rewrite-timestamp,
/// the OCI labels, and the attestations asked for. A fake <c>docker</c> records the command line.
/// </summary>
public sealed class ReproducibleImageTests
{
    private const string Declarations = """
        using DockerDsl;

        [Dockerfile("api/Dockerfile")]
        public partial class Api
        {
            [Stage(From = "debian:bookworm-slim")]
            [Run("true")]
            public partial class Build;

            [Stage(From = typeof(Build))]
            [NonRootUser("app")]
            [Cmd("/bin/true")]
            public partial class Final;
        }
        """;

    // 2026-11-29T08:00:00Z: the commit's time, given to git so the test knows it.
    private const string CommitTime = "1795939200";

    private static (SampleProject Project, string Commit) CommittedProject()
    {
        var project = new SampleProject("net10.0", Declarations, withGenerator: true);
        Git(project, "init", "--quiet");
        Git(project, "add", "-A");
        Git(project, "-c", "user.name=t", "-c", "user.email=t@example.invalid", "commit", "--quiet", "-m", "one");
        return (project, Git(project, "rev-parse", "HEAD"));
    }

    private static string Git(SampleProject project, params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = project.Directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["GIT_COMMITTER_DATE"] = "@" + CommitTime + " +0000";
        start.Environment["GIT_AUTHOR_DATE"] = "@1700000000 +0000";
        using var git = Process.Start(start)!;
        var output = git.StandardOutput.ReadToEnd();
        git.WaitForExit();
        Assert.True(git.ExitCode == 0, "git " + string.Join(" ", arguments) + ": " + git.StandardError.ReadToEnd());
        return output.Trim();
    }

    private static Dictionary<string, string> With(FakeDocker docker, string name, string value) =>
        new(docker.Environment) { [name] = value };

    [SkippableFact]
    public void The_commit_time_is_the_epoch_the_exporter_rewrites_timestamps_and_the_labels_say_where_the_image_came_from()
    {
        var (project, commit) = CommittedProject();
        using var _ = project;
        using var docker = new FakeDocker();

        var result = project.Build(docker.Environment, "-t:DockerDslBuildImages", "-p:DockerDslSyntax=none", "-p:Version=2.1.0", "-p:RepositoryUrl=https://git.example/team/api");

        Assert.True(result.ExitCode == 0, result.ToString());
        var call = Assert.Single(docker.BakeCalls());
        // The committer's time, not the author's: the commit time of HEAD (git log --format=%ct).
        Assert.Contains(" --set *.output=type=docker,rewrite-timestamp=true ", call);
        Assert.DoesNotContain("--load", call);
        Assert.True(call.Contains(
            " --set api.tags=api:latest --set api.args.SOURCE_DATE_EPOCH=" + CommitTime
            + " --set api.labels.org.opencontainers.image.created=2026-11-29T08:00:00Z"
            + " --set api.labels.org.opencontainers.image.source=https://git.example/team/api"
            + " --set api.labels.org.opencontainers.image.revision=" + commit
            + " --set api.labels.org.opencontainers.image.version=2.1.0"
            // The final stage is built FROM another stage: its base is that stage's.
            + " --set api.labels.org.opencontainers.image.base.name=debian:bookworm-slim api",
            System.StringComparison.Ordinal), call);
        Assert.DoesNotContain("base.digest", call);
        Assert.DoesNotContain("attest", call);
    }

    [SkippableFact]
    public void A_locked_base_gives_its_name_and_digest()
    {
        using var project = new SampleProject("net10.0", Declarations, withGenerator: true);
        using var docker = new FakeDocker();
        var index = "sha256:" + new string('a', 64);
        project.Write("dockerdsl.lock.json", $$"""
            {
              "formatVersion": 1,
              "images": {
                "debian:bookworm-slim": {
                  "digest": "{{index}}",
                  "mediaType": "application/vnd.oci.image.index.v1+json",
                  "platforms": {
                    "linux/amd64": { "architecture": "amd64", "config": { "User": "" }, "digest": "sha256:{{new string('b', 64)}}", "os": "linux" }
                  },
                  "repository": "debian",
                  "tag": "bookworm-slim"
                }
              }
            }
            """);

        var result = project.Build(docker.Environment, "-t:DockerDslBuildImages", "-p:DockerDslSyntax=none");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("FROM debian:bookworm-slim@" + index + " AS build", System.IO.File.ReadAllText(project.PathOf("api/Dockerfile")));
        Assert.Contains(
            " --set api.labels.org.opencontainers.image.base.name=debian:bookworm-slim --set api.labels.org.opencontainers.image.base.digest=" + index + " api",
            Assert.Single(docker.BakeCalls()));
    }

    [SkippableFact]
    public void The_property_overrides_the_commit_and_the_environment_variable_wins_over_both()
    {
        var (project, _) = CommittedProject();
        using var __ = project;
        using var docker = new FakeDocker();

        var property = project.Build(docker.Environment, "-t:DockerDslBuildImages", "-p:DockerDslSyntax=none", "-p:DockerDslSourceDateEpoch=1600000000");
        Assert.True(property.ExitCode == 0, property.ToString());
        Assert.Contains(" --set api.args.SOURCE_DATE_EPOCH=1600000000 --set api.labels.org.opencontainers.image.created=2020-09-13T12:26:40Z ", docker.BakeCalls()[^1]);

        var environment = project.Build(With(docker, "SOURCE_DATE_EPOCH", "1500000000"), "-t:DockerDslBuildImages", "-p:DockerDslSyntax=none", "-p:DockerDslSourceDateEpoch=1600000000");
        Assert.True(environment.ExitCode == 0, environment.ToString());
        Assert.Equal(2, docker.BakeCalls().Length); // A changed environment variable makes the images out of date.
        Assert.Contains(" --set api.args.SOURCE_DATE_EPOCH=1500000000 ", docker.BakeCalls()[^1]);

        var none = project.Build(docker.Environment, "-t:DockerDslBuildImages", "-p:DockerDslSyntax=none", "-p:DockerDslSourceDateEpoch=none", "-p:DockerDslGenerateLabels=false");
        Assert.True(none.ExitCode == 0, none.ToString());
        var plain = docker.BakeCalls()[^1];
        Assert.DoesNotContain("SOURCE_DATE_EPOCH", plain);
        Assert.DoesNotContain("labels", plain);
        Assert.Contains(" --load ", plain);
    }

    [SkippableFact]
    public void Outside_a_git_repository_there_is_no_epoch_and_the_build_says_why()
    {
        using var project = new SampleProject("net10.0", Declarations, withGenerator: true);
        using var docker = new FakeDocker();

        var result = project.Build(docker.Environment, "-t:DockerDslBuildImages", "-p:DockerDslSyntax=none", "-v:normal");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("DockerDsl: no SOURCE_DATE_EPOCH (the project folder is not in a git repository with a commit", result.Output);
        var call = Assert.Single(docker.BakeCalls());
        Assert.DoesNotContain("SOURCE_DATE_EPOCH", call);
        Assert.DoesNotContain("image.created", call);
        Assert.DoesNotContain("image.revision", call);
        Assert.Contains(" --load ", call);
    }

    // Every form of a wrong value: ReproducibilityArgumentTests; here, that it stops the build before bake.
    [SkippableTheory]
    [InlineData("-p:DockerDslSourceDateEpoch=yesterday", "DockerDslSourceDateEpoch is 'yesterday'")]
    public void An_epoch_that_is_not_decimal_seconds_is_an_error_that_names_the_setting(string property, string message)
    {
        using var project = new SampleProject("net10.0", Declarations, withGenerator: true);
        using var docker = new FakeDocker();

        var result = project.Build(docker.Environment, "-t:DockerDslBuildImages", "-p:DockerDslSyntax=none", property);

        Assert.True(result.ExitCode != 0, result.ToString());
        Assert.Contains("error DDSLB030: DockerDsl: cannot build the images reproducibly: " + message + ", which is not a SOURCE_DATE_EPOCH", result.Output);
        Assert.Empty(docker.BakeCalls());
    }

    [SkippableFact]
    public void Attestations_are_given_to_every_target_and_a_provenance_mode_bake_lacks_is_an_error()
    {
        using var project = new SampleProject("net10.0", Declarations, withGenerator: true);
        using var docker = new FakeDocker();

        var result = project.Build(docker.Environment, "-t:DockerDslBuildImages", "-p:DockerDslSyntax=none", "-p:DockerDslSbom=true", "-p:DockerDslProvenance=max");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains(" --set api.attest=type=sbom --set api.attest=type=provenance,mode=max api", Assert.Single(docker.BakeCalls()));

        var wrong = project.Build(docker.Environment, "-t:DockerDslBuildImages", "-p:DockerDslSyntax=none", "-p:DockerDslProvenance=full");
        Assert.True(wrong.ExitCode != 0, wrong.ToString());
        Assert.Contains("error DDSLB031: DockerDsl: DockerDslProvenance is 'full': use 'min' or 'max'", wrong.Output);
        Assert.Single(docker.BakeCalls());
    }
}

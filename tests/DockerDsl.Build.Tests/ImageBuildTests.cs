using System.Collections.Generic;
using System.IO;
using System.Linq;
using DockerDsl.Build.Tests.Infrastructure;
using Xunit;

namespace DockerDsl.Build.Tests;

/// <summary>
/// The target <c>DockerDslBuildImages</c> in real builds, with a fake <c>docker</c> on PATH that records what it
/// was asked (see <see cref="FakeDocker"/>). The real engine's build is <see cref="ImageBuildOnEngineTests"/>.
/// </summary>
public sealed class ImageBuildTests
{
    private const string Declarations = """
        using DockerDsl;

        [Dockerfile("api/Dockerfile", Tags = new[] { "registry.example:5000/team/api:dev" })]
        public partial class Api
        {
            [Stage(From = "debian:bookworm-slim")]
            [Copy("content/", "/content/")]
            [NonRootUser("app")]
            [Cmd("/bin/true")]
            public partial class Production;
        }

        [Dockerfile("worker/Dockerfile")]
        public partial class Worker
        {
            [Stage(From = "debian:bookworm-slim")]
            [NonRootUser("app")]
            [Cmd("/bin/true")]
            public partial class Final;
        }
        """;

    // What BuildKit 0.13 prints when bake builds two targets and a RUN fails (shape taken from a real run on the engine).
    private const string FailedBake = """
        #1 [internal] load local bake definitions
        #1 DONE 0.0s
        #7 [worker final 1/1] FROM docker.io/library/debian:bookworm-slim
        #7 CACHED
        #10 [api production 2/3] RUN make
        #10 0.205 make: *** No targets specified and no makefile found.  Stop.
        #10 ERROR: process "/bin/sh -c make" did not complete successfully: exit code: 2
        ------
         > [api production 2/3] RUN make:
        ------
        Dockerfile:7
        --------------------
           5 |     FROM debian:bookworm-slim AS production
        --------------------
        ERROR: failed to solve: process "/bin/sh -c make" did not complete successfully: exit code: 2
        """;

    private static SampleProject NewProject()
    {
        var project = new SampleProject("net10.0", Declarations, withGenerator: true);
        project.Write("content/index.txt", "one\n");
        return project;
    }

    [SkippableFact]
    public void The_target_builds_the_project_and_runs_bake_on_its_bake_file_with_the_properties()
    {
        using var project = NewProject();
        using var docker = new FakeDocker();

        var result = project.Build(
            docker.Environment,
            "-t:DockerDslBuildImages", "-p:DockerDslSyntax=none",
            "-p:DockerDslImageTags=\"1.2.3;latest\"", "-p:DockerDslPlatforms=\"linux/amd64;linux/arm64\"",
            "-p:DockerDslBuilder=ci", "-p:DockerDslPush=true", "-p:DockerDslBakeSet=*.args.MODE=release",
            "-p:DockerDslGenerateLabels=false"); // The labels: ReproducibleImageTests.

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(File.Exists(project.PathOf("api/Dockerfile")), result.ToString());
        var call = Assert.Single(docker.BakeCalls());
        var bakeFile = project.PathOf("docker-bake.hcl");
        Assert.StartsWith($"buildx bake --file {bakeFile} --progress=plain --builder ci --push --metadata-file ", call);
        Assert.DoesNotContain("--load", call);
        // DockerDslImageTags are tags on each image's repository: the declared one's, else the target's name.
        Assert.Contains(
            " --set api.tags=registry.example:5000/team/api:1.2.3 --set api.tags=registry.example:5000/team/api:latest"
            + " --set api.platform=linux/amd64 --set api.platform=linux/arm64"
            + " --set worker.tags=worker:1.2.3 --set worker.tags=worker:latest"
            + " --set worker.platform=linux/amd64 --set worker.platform=linux/arm64"
            + " --set *.args.MODE=release api worker",
            call);
        Assert.Contains("DockerDsl: built image api (registry.example:5000/team/api:1.2.3;registry.example:5000/team/api:latest)", result.Output);
    }

    [SkippableFact]
    public void Without_tags_the_declared_tags_are_kept_and_an_untagged_image_is_named_after_its_target()
    {
        using var project = NewProject();
        using var docker = new FakeDocker();

        var result = project.Build(docker.Environment, "-t:DockerDslBuildImages", "-p:DockerDslSyntax=none", "-p:DockerDslBakeTargets=worker", "-p:DockerDslGenerateLabels=false");

        Assert.True(result.ExitCode == 0, result.ToString());
        var call = Assert.Single(docker.BakeCalls());
        Assert.EndsWith(" --load --metadata-file " + project.PathOf("obj/Debug/net10.0/dockerdsl.bake-metadata.json") + " --set worker.tags=worker:latest worker", call);
    }

    [SkippableFact]
    public void The_target_is_incremental_over_the_context_the_Dockerfiles_the_lock_and_the_options()
    {
        using var project = NewProject();
        using var docker = new FakeDocker();
        string[] Build(params string[] extra) => Run(project, docker, ["-t:DockerDslBuildImages", "-p:DockerDslSyntax=none", .. extra]);

        Assert.Single(Build());
        Assert.Single(Build()); // Nothing changed: bake did not run again (the project itself was rebuilt).

        project.Write("content/index.txt", "two\n");
        Assert.Equal(2, Build().Length);

        project.Write("bin/ignored.txt", "build output is never context\n");
        project.Write("obj/ignored.txt", "nor is obj\n");
        Assert.Equal(2, Build().Length);

        project.Write("dockerdsl.lock.json", "{}\n");
        Assert.Equal(3, Build().Length);

        Assert.Equal(4, Build("-p:DockerDslImageTags=v2").Length);
        Assert.Equal(4, Build("-p:DockerDslImageTags=v2").Length);

        // A changed declaration writes another Dockerfile.
        var declarations = File.ReadAllText(project.PathOf("Declarations.cs"));
        project.Write("Declarations.cs", declarations.Replace("\"/bin/true\")]\n    public partial class Final", "\"/bin/false\")]\n    public partial class Final"));
        Assert.Equal(5, Build("-p:DockerDslImageTags=v2").Length);
    }

    [SkippableFact]
    public void A_failed_step_is_an_error_at_the_Dockerfile_line_naming_the_stage_and_the_next_build_tries_again()
    {
        using var project = NewProject();
        using var docker = new FakeDocker(bakeOutput: FailedBake, bakeExitCode: 1);

        var result = project.Build(docker.Environment, "-t:DockerDslBuildImages", "-p:DockerDslSyntax=none", "-v:normal");

        Assert.True(result.ExitCode != 0, result.ToString());
        var dockerfile = project.PathOf("api/Dockerfile");
        Assert.Contains(
            $"{dockerfile}(7): error DDSLB015: DockerDsl: image 'api' failed at stage 'production' of api/Dockerfile: RUN make: process \"/bin/sh -c make\" did not complete successfully: exit code: 2",
            result.Output);
        // BuildKit's progress is in the log: step lines at high importance, the rest at normal.
        Assert.Contains("#10 [api production 2/3] RUN make", result.Output);
        Assert.Contains("#10 0.205 make: *** No targets specified", result.Output);
        Assert.False(File.Exists(project.PathOf("obj/Debug/net10.0/dockerdsl.images.stamp")), result.ToString());

        var again = project.Build(docker.Environment, "-t:DockerDslBuildImages", "-p:DockerDslSyntax=none");

        Assert.True(again.ExitCode != 0, again.ToString());
        Assert.Equal(2, docker.BakeCalls().Length);
    }

    [SkippableFact]
    public void A_bake_failure_that_names_no_step_is_an_error_with_bakes_message()
    {
        using var project = NewProject();
        using var docker = new FakeDocker(bakeOutput: "ERROR: Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?\n", bakeExitCode: 1);

        var result = project.Build(docker.Environment, "-t:DockerDslBuildImages", "-p:DockerDslSyntax=none");

        Assert.True(result.ExitCode != 0, result.ToString());
        Assert.Contains("error DDSLB016: DockerDsl: docker buildx bake exited with 1 on docker-bake.hcl: Cannot connect to the Docker daemon", result.Output);
    }

    [SkippableFact]
    public void No_buildx_is_an_error_that_says_how_to_install_it()
    {
        using var project = NewProject();
        using var docker = new FakeDocker(buildx: false);

        var result = project.Build(docker.Environment, "-t:DockerDslBuildImages", "-p:DockerDslSyntax=none");

        Assert.True(result.ExitCode != 0, result.ToString());
        Assert.Contains("error DDSLB014: DockerDsl: cannot build the images: '" + Path.Combine(docker.BinDirectory, "docker") + " buildx version' failed", result.Output);
        Assert.Contains("docker: 'buildx' is not a docker command.", result.Output);
        Assert.Contains("apt-get install docker-buildx", result.Output);
        Assert.Empty(docker.BakeCalls());
    }

    [SkippableFact]
    public void No_docker_on_PATH_is_an_error_that_says_how_to_install_it()
    {
        using var project = NewProject();
        using var empty = new TempDirectory();

        var result = project.Build(new Dictionary<string, string> { ["PATH"] = empty.Path }, "-t:DockerDslBuildImages", "-p:DockerDslSyntax=none");

        Assert.True(result.ExitCode != 0, result.ToString());
        Assert.Contains("error DDSLB013: DockerDsl: cannot build the images: 'docker' was not found on PATH. Install Docker with the buildx plugin", result.Output);
    }

    [SkippableFact]
    public void Publish_builds_the_images_only_when_asked_and_a_design_time_build_never()
    {
        using var project = NewProject();
        using var docker = new FakeDocker();

        var plain = project.Publish(docker.Environment, "-p:DockerDslSyntax=none");
        Assert.True(plain.ExitCode == 0, plain.ToString());
        Assert.Empty(docker.BakeCalls());

        var designTime = project.Build(docker.Environment, "-t:DockerDslBuildImages", "-p:DockerDslSyntax=none", "-p:DesignTimeBuild=true");
        Assert.True(designTime.ExitCode == 0, designTime.ToString());
        Assert.Empty(docker.BakeCalls());

        var asked = project.Publish(docker.Environment, "-p:DockerDslSyntax=none", "-p:DockerDslBuildImages=true");
        Assert.True(asked.ExitCode == 0, asked.ToString());
        Assert.Single(docker.BakeCalls());
    }

    private static string[] Run(SampleProject project, FakeDocker docker, string[] arguments)
    {
        var result = project.Build(docker.Environment, arguments);
        Assert.True(result.ExitCode == 0, result.ToString());
        return docker.BakeCalls();
    }
}

using System.Collections.Generic;
using System.Linq;
using DockerDsl.Tests.Infrastructure;

namespace DockerDsl.Tests;

/// <summary>The .dockerignore of each Dockerfile and the project's docker-bake.hcl.</summary>
public class BuildFileSnapshotTests
{
    [Fact]
    public void BakeTargetsAndIgnoreFiles() => GeneratedOutput.Verify(GeneratedOutput.Usings + """
        [BuildArg(Default = "8.0")]
        public partial class DotnetVersion;

        [Dockerfile("deploy/api/Dockerfile", Context = "..", Ignore = new[] { "docs/", "!docs/api.md" },
            Tags = new[] { "ghcr.io/acme/api:1.0", "ghcr.io/acme/api:latest" },
            Platforms = new[] { "linux/amd64", "linux/arm64" },
            CacheFrom = new[] { "type=registry,ref=ghcr.io/acme/api:cache" },
            CacheTo = new[] { "type=registry,ref=ghcr.io/acme/api:cache,mode=max" })]
        [Arg(typeof(DotnetVersion))]
        public partial class Api
        {
            [Stage(From = "mcr.microsoft.com/dotnet/sdk:8.0")]
            [BuildTarget(Tags = new[] { "ghcr.io/acme/api-tests:1.0" })]
            [Run("dotnet test")]
            public partial class Tests;

            [Stage(From = "mcr.microsoft.com/dotnet/aspnet:8.0")]
            [Cmd("dotnet", "Api.dll")]
            public partial class Final;
        }

        [Dockerfile("Dockerfile")]
        public partial class Worker
        {
            [Stage(From = "alpine:3.20")]
            [Label("note", "kept literal in bake: ${not_a_template}")]
            [Cmd("worker")]
            public partial class Final;
        }
        """, new Dictionary<string, string> { ["ProjectDir"] = "/home/dev/repo/Api/" }, buildFiles: true);

    // The build task's context checks: the context at the [Dockerfile] attribute, each context source at the attribute
    // that declared it (a helper's at the helper); --from, URL, git and heredoc sources, and unreached stages, are left out.
    [Fact]
    public void ContextChecksNameTheAttributeOfEachSource() => GeneratedOutput.Verify(GeneratedOutput.Usings + """
        [Dockerfile("app/Dockerfile", Context = "src")]
        public partial class App
        {
            [Stage(From = "alpine:3.20")]
            [Copy("unreached.txt", "/")]
            public partial class Unused;

            [Stage(From = "alpine:3.20")]
            [Copy(new[] { "app.json", "config/*.yaml" }, "/app/")]
            [Add("https://example.com/tool.tgz", "/opt/", Checksum = "sha256:0000000000000000000000000000000000000000000000000000000000000000")]
            [Add("vendor.tar.gz", "/opt/")]
            [CopyFrom("busybox:1.36", "/bin/busybox", "/busybox")]
            [Cmd("/bin/true")]
            public partial class Final;
        }
        """, buildFiles: true);

    [Fact]
    public void BakeFileCanMoveOrBeTurnedOff()
    {
        const string source = GeneratedOutput.Usings + """
            [Dockerfile("Dockerfile")]
            public partial class App
            {
                [Stage(From = "alpine:3.20")]
                [Cmd("app")]
                public partial class Final;
            }
            """;

        var (moved, _) = GeneratorHarness.Run(source, new Dictionary<string, string> { ["DockerDslBakeFile"] = "build/docker-bake.hcl" });
        Assert.Contains(GeneratorHarness.GeneratedFiles(moved.GeneratedTrees), f => f.Path == "build/docker-bake.hcl");

        var (off, _) = GeneratorHarness.Run(source, new Dictionary<string, string> { ["DockerDslBakeFile"] = "none" });
        Assert.DoesNotContain(GeneratorHarness.GeneratedFiles(off.GeneratedTrees), f => f.Path.EndsWith(".hcl", System.StringComparison.Ordinal));
        Assert.Contains(GeneratorHarness.GeneratedFiles(off.GeneratedTrees), f => f.Path == "Dockerfile.dockerignore");
    }

    [Theory]
    [InlineData(".", "Dockerfile", "Dockerfile")]
    [InlineData(".", "deploy/Dockerfile", "deploy/Dockerfile")]
    [InlineData("..", "deploy/Dockerfile", "Api/deploy/Dockerfile")]
    [InlineData("../..", "Dockerfile", "src/Api/Dockerfile")]
    [InlineData("app", "Dockerfile", "../Dockerfile")]
    [InlineData("app/web", "docker/Dockerfile", "../../docker/Dockerfile")]
    [InlineData("docker", "docker/Dockerfile", "Dockerfile")]
    [InlineData(".", "/tmp/out/Dockerfile", "../../../../../tmp/out/Dockerfile")]
    [InlineData("app", "/home/dev/repo/src/Api/out/Dockerfile", "../out/Dockerfile")]
    public void BakePathsAreRelativeToTheContext(string context, string dockerfile, string expected) =>
        Assert.Equal(expected, DockerDsl.Core.Emit.BakeEmitter.RelativePath(context, dockerfile, "/home/dev/repo/src/Api/"));

    [Fact]
    public void AContextAboveAnUnknownProjectFolderHasNoBakePath()
    {
        Assert.Null(DockerDsl.Core.Emit.BakeEmitter.RelativePath("..", "Dockerfile"));
        Assert.Equal("../Dockerfile", DockerDsl.Core.Emit.BakeEmitter.RelativePath("app", "Dockerfile"));
    }

    [Fact]
    public void AnAbsolutePathNeedsAKnownProjectFolder() =>
        Assert.Null(DockerDsl.Core.Emit.BakeEmitter.RelativePath(".", "/tmp/out/Dockerfile"));

    [Fact]
    public void APathOnAnotherWindowsDriveStaysAbsolute() =>
        Assert.Equal("D:/out/Dockerfile", DockerDsl.Core.Emit.BakeEmitter.RelativePath(".", @"D:\out\Dockerfile", @"C:\src\Api\"));

    [Theory]
    [InlineData("artifacts/docker", "artifacts/docker/docker-bake.hcl", "artifacts/docker/api/Dockerfile")]
    [InlineData("/tmp/out", "../../../tmp/out/docker-bake.hcl", "../../../tmp/out/api/Dockerfile")]
    public void TheBakeFilePointsAtTheDockerfilesInTheOutputFolder(string outputDirectory, string bakeFile, string dockerfile)
    {
        const string source = GeneratedOutput.Usings + """
            [Dockerfile("api/Dockerfile")]
            public partial class Api
            {
                [Stage(From = "alpine:3.20")]
                [Cmd("app")]
                public partial class Final;
            }
            """;

        var (result, _) = GeneratorHarness.Run(source, new Dictionary<string, string> { ["ProjectDir"] = "/home/dev/Api/", ["DockerDslOutputDirectory"] = outputDirectory });
        var files = GeneratorHarness.GeneratedFiles(result.GeneratedTrees).ToList();

        // The task writes every declared path, the bake file's too, under the output folder.
        Assert.Contains(files, f => f.Path == "api/Dockerfile");
        var bake = Assert.Single(files, f => f.Path == "docker-bake.hcl").Text;
        Assert.Contains("# Build every image, from the project folder: docker buildx bake --file " + bakeFile + "\n", bake);
        Assert.Contains("  context = \".\"\n  dockerfile = \"" + dockerfile + "\"\n", bake);
    }

    [Fact]
    public void AnOutputFolderWithNoProjectFolderLeavesTheTargetOut()
    {
        var (result, _) = GeneratorHarness.Run(GeneratedOutput.Usings + """
            [Dockerfile("Dockerfile")]
            public partial class Api
            {
                [Stage(From = "alpine:3.20")]
                [Cmd("app")]
                public partial class Final;
            }
            """, new Dictionary<string, string> { ["DockerDslOutputDirectory"] = "/tmp/out" });

        var bake = Assert.Single(GeneratorHarness.GeneratedFiles(result.GeneratedTrees), f => f.Path == "docker-bake.hcl").Text;
        Assert.Contains("# api: its context or Dockerfile lies outside the project folder, which this build did not name (ProjectDir).", bake);
        Assert.DoesNotContain("target \"api\"", bake);
    }
}

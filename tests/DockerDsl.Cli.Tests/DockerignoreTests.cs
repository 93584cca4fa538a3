using System.Linq;
using DockerDsl.Cli.Tests.Infrastructure;

namespace DockerDsl.Cli.Tests;

/// <summary>Which .dockerignore the linter gets: BuildKit's choice for the Dockerfile and build context.</summary>
public sealed class DockerignoreTests
{
    private static string? DockerignoreFor(CliHarness cli, string dockerfile, params string[] extraArgs)
    {
        var result = cli.Run(new[] { "lint", dockerfile }.Concat(extraArgs).ToArray());
        Assert.True(result.ExitCode == 0, result.ToString());
        return Assert.Single(cli.Linter.Calls).Options.Dockerignore;
    }

    [Fact]
    public void The_Dockerfile_specific_one_beside_the_Dockerfile_wins()
    {
        using var cli = new CliHarness();
        cli.Write("docker/web.Dockerfile", "FROM alpine:3.20\n");
        cli.Write("docker/web.Dockerfile.dockerignore", "specific\n");
        cli.Write("docker/.dockerignore", "shared\n");
        Assert.Equal("specific\n", DockerignoreFor(cli, "docker/web.Dockerfile"));
    }

    [Fact]
    public void The_Dockerfile_specific_one_wins_over_the_contexts()
    {
        using var cli = new CliHarness();
        cli.Write("docker/Dockerfile", "FROM alpine:3.20\n");
        cli.Write("docker/Dockerfile.dockerignore", "specific\n");
        cli.Write(".dockerignore", "context\n");
        Assert.Equal("specific\n", DockerignoreFor(cli, "docker/Dockerfile", "--context", "."));
    }

    [Fact]
    public void Without_one_the_context_roots_applies()
    {
        using var cli = new CliHarness();
        cli.Write("docker/Dockerfile", "FROM alpine:3.20\n");
        cli.Write("docker/.dockerignore", "beside the Dockerfile\n");
        cli.Write(".dockerignore", "context\n");
        Assert.Equal("context\n", DockerignoreFor(cli, "docker/Dockerfile", "--context", "."));
    }

    [Fact]
    public void The_context_defaults_to_the_Dockerfiles_folder()
    {
        using var cli = new CliHarness();
        cli.Write("docker/Dockerfile", "FROM alpine:3.20\n");
        cli.Write("docker/.dockerignore", "beside the Dockerfile\n");
        cli.Write(".dockerignore", "current folder\n");
        Assert.Equal("beside the Dockerfile\n", DockerignoreFor(cli, "docker/Dockerfile"));
    }

    [Fact]
    public void Another_Dockerfiles_specific_one_does_not_apply()
    {
        using var cli = new CliHarness();
        cli.Write("docker/web.Dockerfile", "FROM alpine:3.20\n");
        cli.Write("docker/api.Dockerfile.dockerignore", "api only\n");
        Assert.Null(DockerignoreFor(cli, "docker/web.Dockerfile"));
    }

    [Fact]
    public void None_is_null()
    {
        using var cli = new CliHarness();
        cli.Write("Dockerfile", "FROM alpine:3.20\n");
        Assert.Null(DockerignoreFor(cli, "Dockerfile"));
    }

    [Fact]
    public void Its_text_is_read_like_a_Dockerfile()
    {
        using var cli = new CliHarness();
        cli.Write("Dockerfile", "FROM alpine:3.20\n");
        cli.WriteBytes("Dockerfile.dockerignore", new byte[] { 0xEF, 0xBB, 0xBF, (byte)'b', (byte)'i', (byte)'n', (byte)'\r', (byte)'\n' });
        Assert.Equal("bin\r\n", DockerignoreFor(cli, "Dockerfile"));
    }
}

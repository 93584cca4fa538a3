using System.Linq;
using DockerDsl.Cli.Tests.Infrastructure;

namespace DockerDsl.Cli.Tests;

/// <summary>Which files the paths, folders and globs on the command line name, in which order, and what a path that names none does.</summary>
public sealed class InputExpansionTests
{
    private static CliHarness Tree()
    {
        var cli = new CliHarness();
        foreach (var file in new[]
        {
            "Dockerfile",
            "api/Dockerfile",
            "api/Dockerfile.dockerignore",
            "api/Dockerfile.dev",
            "api/worker.Dockerfile",
            "api/worker.Dockerfile.dockerignore",
            "api/README.md",
            "docker/b.Dockerfile",
            "docker/a.Dockerfile",
            "docker/nested/c.Dockerfile",
            "lower/dockerfile",
            "bin/Dockerfile",
            "obj/Debug/Dockerfile",
            ".git/Dockerfile",
            "web/node_modules/pkg/Dockerfile",
        })
        {
            cli.Write(file, "FROM alpine:3.20\n");
        }

        return cli;
    }

    private static string[] Linted(CliHarness cli, params string[] args)
    {
        var result = cli.Run(new[] { "lint" }.Concat(args).ToArray());
        Assert.True(result.ExitCode == 0, result.ToString());
        return cli.Linter.Calls.Select(call => call.Path).ToArray();
    }

    [Fact]
    public void No_argument_searches_the_current_folder_recursively_in_ordinal_order()
    {
        using var cli = Tree();
        Assert.Equal(
            new[]
            {
                "Dockerfile",
                "api/Dockerfile",
                "api/Dockerfile.dev",
                "api/worker.Dockerfile",
                "docker/a.Dockerfile",
                "docker/b.Dockerfile",
                "docker/nested/c.Dockerfile",
                "lower/dockerfile",
            },
            Linted(cli));
    }

    [Fact]
    public void A_folder_skips_build_output_version_control_and_packages_and_never_takes_a_dockerignore()
    {
        using var cli = Tree();
        var linted = Linted(cli, ".");
        Assert.DoesNotContain(linted, path => path.StartsWith("bin/") || path.StartsWith("obj/") || path.StartsWith(".git/") || path.Contains("node_modules"));
        Assert.DoesNotContain(linted, path => path.EndsWith(".dockerignore"));
    }

    [Fact]
    public void A_skipped_folder_named_on_the_command_line_is_searched()
    {
        using var cli = Tree();
        Assert.Equal(new[] { "bin/Dockerfile" }, Linted(cli, "bin"));
    }

    [Fact]
    public void A_file_is_linted_whatever_its_name()
    {
        using var cli = Tree();
        Assert.Equal(new[] { "api/README.md" }, Linted(cli, "api/README.md"));
    }

    [Fact]
    public void A_file_named_twice_or_reached_twice_is_linted_once()
    {
        using var cli = Tree();
        Assert.Equal(
            new[] { "docker/a.Dockerfile", "docker/b.Dockerfile", "docker/nested/c.Dockerfile" },
            Linted(cli, "docker/b.Dockerfile", "docker", "./docker/a.Dockerfile", "docker/*.Dockerfile"));
    }

    [Theory]
    [InlineData("docker/*.Dockerfile", new[] { "docker/a.Dockerfile", "docker/b.Dockerfile" })]
    [InlineData("**/*.Dockerfile", new[] { "api/worker.Dockerfile", "docker/a.Dockerfile", "docker/b.Dockerfile", "docker/nested/c.Dockerfile" })]
    [InlineData("docker/**/*.Dockerfile", new[] { "docker/a.Dockerfile", "docker/b.Dockerfile", "docker/nested/c.Dockerfile" })]
    [InlineData("**/Dockerfile*", new[] { "Dockerfile", "api/Dockerfile", "api/Dockerfile.dev" })]
    [InlineData("api/Dockerfile*", new[] { "api/Dockerfile", "api/Dockerfile.dev" })]
    [InlineData("docker/?.Dockerfile", new[] { "docker/a.Dockerfile", "docker/b.Dockerfile" })]
    [InlineData("docker/[a].Dockerfile", new[] { "docker/a.Dockerfile" })]
    [InlineData("docker/[!a].Dockerfile", new[] { "docker/b.Dockerfile" })]
    [InlineData("{api,lower}/*ockerfile", new[] { "api/Dockerfile", "api/worker.Dockerfile", "lower/dockerfile" })]
    [InlineData("*/nested/*", new[] { "docker/nested/c.Dockerfile" })]
    public void A_glob_is_expanded(string glob, string[] expected)
    {
        using var cli = Tree();
        Assert.Equal(expected, Linted(cli, glob));
    }

    [Fact]
    public void An_absolute_glob_is_expanded_and_its_files_named_relative_to_the_current_folder()
    {
        using var cli = Tree();
        var result = cli.RunIn("docker", "lint", cli.PathOf("docker") + "/*.Dockerfile");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(new[] { "a.Dockerfile", "b.Dockerfile" }, cli.Linter.Calls.Select(call => call.Path));
    }

    [Fact]
    public void A_file_outside_the_current_folder_is_named_with_dot_dot()
    {
        using var cli = Tree();
        var result = cli.RunIn("api", "lint", "../docker/a.Dockerfile");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("../docker/a.Dockerfile", Assert.Single(cli.Linter.Calls).Path);
    }

    [Theory]
    [InlineData("missing/Dockerfile", "missing/Dockerfile: error: no such file or folder")]
    [InlineData("docker/*.txt", "docker/*.txt: error: matches no file")]
    [InlineData("docker/[ab.Dockerfile", "docker/[ab.Dockerfile: error: is not a valid glob (an unclosed '[' or '{')")]
    [InlineData("api/README*", null)]
    [InlineData("api", null)]
    [InlineData("api/Dockerfile.dockerignore", "api/Dockerfile.dockerignore: error: is a .dockerignore file, not a Dockerfile")]
    public void A_path_that_names_no_Dockerfile_is_an_error_naming_it_and_the_others_are_still_linted(string argument, string? error)
    {
        using var cli = Tree();
        cli.Write("empty/notes.txt", "nothing here\n");
        var result = cli.Run("lint", argument, "empty", "lower");
        Assert.True(result.ExitCode == 2, result.ToString());
        if (error is not null)
        {
            Assert.Contains(error, result.ErrorLines);
        }

        Assert.Contains("empty: error: holds no Dockerfile (Dockerfile, *.Dockerfile or Dockerfile.*)", result.ErrorLines);
        Assert.Contains("lower/dockerfile", cli.Linter.Calls.Select(call => call.Path));
    }

    [Fact]
    public void An_empty_current_folder_is_an_error()
    {
        using var cli = new CliHarness();
        var result = cli.Run("lint");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(".: error: holds no Dockerfile (Dockerfile, *.Dockerfile or Dockerfile.*)", result.ErrorLines);
    }
}

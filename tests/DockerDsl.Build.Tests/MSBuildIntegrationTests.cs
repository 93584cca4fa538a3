using System;
using System.IO;
using DockerDsl.Build.Tests.Infrastructure;
using Xunit;

namespace DockerDsl.Build.Tests;

/// <summary>
/// A real <c>dotnet build</c> of a throw-away project that uses build/DockerDsl.props and .targets.
/// Slow (a few seconds per build), so kept to the behaviours only a real build can show.
/// </summary>
public sealed class MSBuildIntegrationTests
{
    private const string Dockerfile = "# syntax=docker/dockerfile:1.7\nFROM alpine:3.20\nCMD [\"echo\", \"hi\"]\n";
    private static readonly DateTime LongAgo = new(2001, 2, 3, 4, 5, 6, DateTimeKind.Utc);

    private static readonly string Declarations =
        TestAssembly.Uses(("docker/Dockerfile", Dockerfile)) + "public static class Placeholder { }\n";

    // Each TargetFramework compiles different text, so the file shows which inner build wrote it.
    private const string PerFrameworkDeclarations = """
        #if NETSTANDARD
        [assembly: DockerDsl.GeneratedDockerfile("Dockerfile", "FROM scratch\n# netstandard2.0\n")]
        #else
        [assembly: DockerDsl.GeneratedDockerfile("Dockerfile", "FROM scratch\n# net10.0\n")]
        #endif
        """;

    [Fact]
    public void Build_writes_the_Dockerfile_and_a_second_build_leaves_it_alone()
    {
        using var project = new SampleProject("net10.0", Declarations);
        var path = project.PathOf("docker/Dockerfile");

        var first = project.Build();

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.True(File.Exists(path), first.ToString());
        Assert.Equal(Dockerfile, File.ReadAllText(path));
        Assert.Contains("DockerDsl: wrote docker/Dockerfile", first.Output);
        File.SetLastWriteTimeUtc(path, LongAgo);

        var second = project.Build();

        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.True(LongAgo == File.GetLastWriteTimeUtc(path), second.ToString());
        Assert.True(SampleProject.WriteCount(second) == 0, second.ToString());
    }

    [Theory]
    [InlineData("DesignTimeBuild")]
    [InlineData("CompileWithoutBuild")]
    public void A_design_time_build_writes_nothing(string kind)
    {
        using var project = new SampleProject("net10.0", Declarations);

        var result = kind == "DesignTimeBuild"
            ? project.Build("-p:DesignTimeBuild=true")
            // An IDE runs Compile without Build, so BuildingProject stays false.
            : project.RunTargets("Compile");

        Assert.True(result.ExitCode == 0, result.ToString());
        // The assembly was compiled, so only the design-time condition kept the Dockerfile from being written.
        Assert.True(File.Exists(project.PathOf("obj/Debug/net10.0/Sample.dll")), result.ToString());
        Assert.True(project.SourceTreeFiles() is ["Declarations.cs", "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props", "NuGet.Config", "Sample.csproj"], result.ToString());
    }

    [Fact]
    public void DockerDslWriteDockerfiles_false_writes_nothing()
    {
        using var project = new SampleProject("net10.0", Declarations);

        var result = project.Build("-p:DockerDslWriteDockerfiles=false");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(File.Exists(project.PathOf("obj/Debug/net10.0/Sample.dll")), result.ToString());
        Assert.False(Directory.Exists(project.PathOf("docker")), result.ToString());
    }

    [Fact]
    public void A_multi_targeted_project_writes_once_from_the_first_target_framework_unless_told_otherwise()
    {
        using var project = new SampleProject("net10.0;netstandard2.0", PerFrameworkDeclarations);
        var path = project.PathOf("Dockerfile");

        var result = project.Build();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(File.Exists(project.PathOf("obj/Debug/netstandard2.0/Sample.dll")), result.ToString());
        Assert.True(SampleProject.WriteCount(result) == 1, result.ToString());
        Assert.Equal("FROM scratch\n# net10.0\n", File.ReadAllText(path));

        var overridden = project.Build("-p:DockerDslTargetFramework=netstandard2.0");

        Assert.True(overridden.ExitCode == 0, overridden.ToString());
        Assert.True(SampleProject.WriteCount(overridden) == 1, overridden.ToString());
        Assert.Equal("FROM scratch\n# netstandard2.0\n", File.ReadAllText(path));
    }

    [Fact]
    public void A_refused_path_fails_the_build_with_its_code()
    {
        using var project = new SampleProject("net10.0", TestAssembly.Uses(("../Dockerfile", Dockerfile)));

        var result = project.Build();

        Assert.True(result.ExitCode != 0, result.ToString());
        Assert.Contains("error DDSLB001", result.Output);
        Assert.False(File.Exists(Path.Combine(project.Directory, "..", "Dockerfile")), result.ToString());
    }
}

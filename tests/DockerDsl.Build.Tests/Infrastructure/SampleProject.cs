using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace DockerDsl.Build.Tests.Infrastructure;

/// <summary>
/// A throw-away project under the system temp folder that consumes DockerDsl's build/ props and targets
/// the way the package will, with the attribute written by hand (the generator is not involved).
/// It needs no package download, and its NuGet.Config lists no source so restore stays offline.
/// </summary>
internal sealed class SampleProject : IDisposable
{
    private readonly TempDirectory _temp = new();

    /// <param name="withGenerator">Also run the DockerDsl generator, so the declarations can be real attributed classes.</param>
    public SampleProject(string targetFrameworks, string declarations, bool withGenerator = false)
    {
        Directory = _temp.Combine("Sample");
        System.IO.Directory.CreateDirectory(Directory);
        var tfmProperty = targetFrameworks.Contains(';', StringComparison.Ordinal) ? "TargetFrameworks" : "TargetFramework";
        var buildFolder = SourceTree.File("src", "DockerDsl.Build", "build");

        Write("Sample.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <Import Project="{buildFolder}/DockerDsl.props" />
              <PropertyGroup>
                <{tfmProperty}>{targetFrameworks}</{tfmProperty}>
                <DockerDslTaskAssembly>{typeof(WriteDockerfiles).Assembly.Location}</DockerDslTaskAssembly>
                <DockerDslUseTaskHost>true</DockerDslUseTaskHost>
              </PropertyGroup>
              <ItemGroup>
                <Reference Include="DockerDsl" HintPath="{typeof(DockerDsl.GeneratedFileAttribute).Assembly.Location}" />
              </ItemGroup>
              <ItemGroup Condition="{(withGenerator ? "true" : "false")}">
                <Analyzer Include="{typeof(DockerDsl.Generators.DockerfileGenerator).Assembly.Location}" />
                <Analyzer Include="{typeof(DockerDsl.Declarations.Parsing.DockerfileParser).Assembly.Location}" />
                <Analyzer Include="{typeof(DockerDsl.Core.Model.DockerfileModel).Assembly.Location}" />
              </ItemGroup>
              <Import Project="{buildFolder}/DockerDsl.targets" />
            </Project>
            """);
        Write("Declarations.cs", declarations);
        // Stop MSBuild and NuGet from picking up anything above the temp folder.
        Write("Directory.Build.props", "<Project />");
        Write("Directory.Build.targets", "<Project />");
        Write("Directory.Packages.props", "<Project />");
        Write("NuGet.Config", """
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
              </packageSources>
            </configuration>
            """);
    }

    public string Directory { get; }

    public string PathOf(string relativePath) => Path.Combine(Directory, relativePath);

    /// <summary>Every file under the project folder except bin/ and obj/, relative, with '/'.</summary>
    public string[] SourceTreeFiles() => System.IO.Directory
        .EnumerateFiles(Directory, "*", SearchOption.AllDirectories)
        .Select(path => Path.GetRelativePath(Directory, path).Replace('\\', '/'))
        .Where(path => !path.StartsWith("bin/", StringComparison.Ordinal) && !path.StartsWith("obj/", StringComparison.Ordinal))
        .Order(StringComparer.Ordinal)
        .ToArray();

    public ProcessResult Build(params string[] extraArguments) => Build(null, extraArguments);

    /// <summary><c>dotnet build</c> with <paramref name="environment"/> added to the build's environment.</summary>
    public ProcessResult Build(System.Collections.Generic.IReadOnlyDictionary<string, string>? environment, params string[] extraArguments) =>
        DotnetCli.Run(Directory, environment, ["build", "Sample.csproj", "--disable-build-servers", "-nologo", "-tl:off", "-v:minimal", .. extraArguments]);

    public ProcessResult Publish(System.Collections.Generic.IReadOnlyDictionary<string, string>? environment, params string[] extraArguments) =>
        DotnetCli.Run(Directory, environment, ["publish", "Sample.csproj", "--disable-build-servers", "-nologo", "-tl:off", "-v:minimal", .. extraArguments]);

    /// <summary>Runs MSBuild targets directly, as an IDE does, instead of the Build target.</summary>
    public ProcessResult RunTargets(string targets, params string[] extraArguments) =>
        DotnetCli.Run(Directory, null, ["msbuild", "Sample.csproj", "-restore", "-t:" + targets, "-nr:false", "-p:UseSharedCompilation=false", "-nologo", "-tl:off", "-v:minimal", .. extraArguments]);

    /// <summary>How many times the build said it wrote a Dockerfile.</summary>
    public static int WriteCount(ProcessResult result) => Regex.Matches(result.Output, "DockerDsl: wrote ").Count;

    public void Dispose() => _temp.Dispose();

    /// <summary>Writes a file of the project (folders made as needed).</summary>
    public void Write(string relativePath, string text)
    {
        var path = PathOf(relativePath);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}

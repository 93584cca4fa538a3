using System;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;

namespace DockerDsl.EndToEnd.Tests.Infrastructure;

/// <summary>
/// A sample under <c>samples/</c>: its project (which holds the declaration and writes the
/// Dockerfile), the port its container serves, how long it may take to become healthy, and what to
/// ask it from the host once it is.
/// </summary>
public sealed record Sample(string Name, int ContainerPort, TimeSpan HealthTimeout, Func<HttpClient, Task> Probe)
{
    /// <summary>The sample folder: the project folder and the image's build context.</summary>
    public string Directory => SourceTree.File("samples", Name);

    public string Project => Path.Combine(Directory, Name + ".csproj");

    /// <summary>The path declared in the sample's <c>[Dockerfile]</c>, relative to the project folder.</summary>
    public string DeclaredPath { get; init; } = "Dockerfile";

    /// <summary>
    /// Runs <c>dotnet build</c> of the sample so that it writes its files into <paramref name="output"/>
    /// (<c>DockerDslOutputDirectory</c>) without a <c># syntax=</c> line, which the frontend image
    /// cannot be pulled for here. The DockerDsl projects it references are already built: the test
    /// project references the samples, so they build before it. The sample's compiled output goes beside
    /// <paramref name="output"/> (<c>DockerDslSampleBuildDirectory</c>), so its own bin/ and obj/, which other
    /// test projects reference while this runs, stay as a normal build made them.
    /// </summary>
    public async Task<ProcessResult> WriteFilesAsync(string output, params string[] properties)
    {
        var build = await ProcessRunner.RunAsync(
            ProcessRunner.Dotnet,
            new[]
            {
                "build", Project, "-c", TestBuild.Configuration, "-nologo", "-v:m",
                "-p:BuildProjectReferences=false", "-p:DockerDslSyntax=none", $"-p:DockerDslOutputDirectory={output}",
                $"-p:DockerDslSampleBuildDirectory={output.TrimEnd(Path.DirectorySeparatorChar)}.build",
            }.Concat(properties.Select(p => "-p:" + p)),
            TimeSpan.FromMinutes(10),
            workingDirectory: Directory);
        Xunit.Assert.True(build.Succeeded, "dotnet build of the sample failed:\n" + build);
        return build;
    }

    public override string ToString() => Name;
}

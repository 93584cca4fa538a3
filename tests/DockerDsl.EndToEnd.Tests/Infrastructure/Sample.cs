using System;
using System.IO;
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

    public override string ToString() => Name;
}

using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text.Json;
using DockerDsl.Package.Tests.Infrastructure;
using Xunit;

namespace DockerDsl.Package.Tests;

/// <summary>
/// A fresh <c>dotnet new classlib</c> project that gets DockerDsl and DockerDsl.Testcontainers only from the packed
/// packages (and Testcontainers from the same feed): its test code against the API compiles, and its output holds
/// the project-folder marker the package finds the build context with.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class TestcontainersConsumptionTests(PackedPackage package)
{
    private const string Declarations = """
        using DockerDsl;

        namespace Consumer;

        [BuildArg(Name = "GREETING", Default = "hello")]
        public partial class Greeting;

        [Dockerfile("Dockerfile")]
        public partial class Image
        {
            [Stage(From = "debian:bookworm-slim")]
            [Arg(typeof(Greeting))]
            [NonRootUser("app")]
            [Expose(8080)]
            [HealthCheck("test -e /etc/hostname")]
            [Cmd("sleep", "infinity")]
            public partial class Final;
        }
        """;

    private const string Usage = """
        using System.Threading.Tasks;
        using DockerDsl;
        using DockerDsl.Testcontainers;
        using DotNet.Testcontainers.Builders;
        using DotNet.Testcontainers.Containers;

        namespace Consumer;

        public static class Usage
        {
            public static async Task<IContainer> StartAsync()
            {
                var image = await DockerDslImage.For<Image>()
                    .WithTarget(Image.Stages.Final)
                    .WithBuildArgument<Greeting>("hi")
                    .BuildAsync();
                var container = new ContainerBuilder(image.Image).WithDockerDslImage(image).Build();
                await container.StartAsync();
                return container;
            }

            public static ImageDeclaration Declaration() => DockerDslImage.For<Image>().Declaration;

            public static DockerDslImageBuilder Typed() => DockerDslImage.For(new Image.BuildArguments { Greeting = "hi" });
        }
        """;

    [Fact]
    public void The_package_brings_Testcontainers_and_the_consumers_code_compiles_and_knows_its_project_folder()
    {
        using var project = new ConsumerProject(package, Declarations);
        project.AddPackage(package, "DockerDsl.Testcontainers");
        project.WriteSource("Usage.cs", Usage);

        var result = project.Build();

        Assert.True(result.ExitCode == 0, result.ToString());
        var marker = project.PathOf($"bin/Debug/net10.0/{ConsumerProject.Name}.dockerdsl-project");
        Assert.True(File.Exists(marker), result.ToString());
        Assert.Equal(project.Directory, File.ReadAllText(marker).Trim());
        using var assets = JsonDocument.Parse(File.ReadAllText(project.PathOf("obj/project.assets.json")));
        var libraries = assets.RootElement.GetProperty("libraries").EnumerateObject().Select(l => l.Name).ToList();
        Assert.Contains($"DockerDsl.Testcontainers/{package.Version}", libraries);
        Assert.Contains("Testcontainers/4.16.0", libraries);
        Assert.Contains($"DockerDsl/{package.Version}", libraries);
    }

    [Fact]
    public void The_package_has_the_library_and_depends_on_DockerDsl_and_Testcontainers()
    {
        using var zip = ZipFile.OpenRead(package.TestcontainersNupkgPath);
        Assert.NotNull(zip.GetEntry("lib/net8.0/DockerDsl.Testcontainers.dll"));
        Assert.NotNull(zip.GetEntry("lib/net8.0/DockerDsl.Testcontainers.xml"));
        Assert.NotNull(zip.GetEntry("README.md"));
        Assert.Null(zip.GetEntry("lib/net8.0/DockerDsl.dll"));
        var nuspecEntry = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
        using var reader = new StreamReader(nuspecEntry.Open());
        var nuspec = reader.ReadToEnd();
        Assert.Contains($"<dependency id=\"DockerDsl\" version=\"{package.Version}\"", nuspec);
        Assert.Contains("<dependency id=\"Testcontainers\" version=\"4.16.0\"", nuspec);
    }
}

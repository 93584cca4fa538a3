using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using DockerDsl.Package.Tests.Infrastructure;
using Xunit;

namespace DockerDsl.Package.Tests;

/// <summary>A fresh project gets DockerDsl and DockerDsl.Aspire only from the packed packages, and app host code against the API compiles.</summary>
[Collection(PackageCollection.Name)]
public sealed class AspireConsumptionTests(PackedPackage package)
{
    private const string Declarations = """
        using DockerDsl;

        namespace Consumer;

        [BuildArg(Name = "GREETING", Default = "hello")]
        public partial class Greeting;

        [BuildArg(Name = "REVISION")]
        public partial class Revision;

        [Dockerfile("Dockerfile")]
        public partial class Image
        {
            [Stage(From = "debian:bookworm-slim")]
            [Arg(typeof(Greeting))]
            [Arg(typeof(Revision))]
            [NonRootUser("app")]
            [Expose(8080)]
            [HealthCheck("curl -fsS http://localhost:8080/health")]
            [Cmd("sleep", "infinity")]
            public partial class Final;
        }
        """;

    private const string AppHost = """
        using Aspire.Hosting;

        namespace Consumer;

        public static class AppHost
        {
            public static IDistributedApplicationBuilder Compose(string[] args)
            {
                var builder = DistributedApplication.CreateBuilder(args);
                builder.AddDockerDslImage<Image>("web", Image.Stages.Final).WithBuildArgument<Greeting>("hi");
                // The packaged generator writes the typed record; Revision has no default, so it is required.
                builder.AddDockerDslImage("typed", new Image.BuildArguments { Revision = "abc123" });
                return builder;
            }
        }
        """;

    [Fact]
    public void The_package_brings_Aspire_Hosting_and_app_host_code_compiles()
    {
        using var project = new ConsumerProject(package, Declarations);
        project.AddPackage(package, "DockerDsl.Aspire");
        project.WriteSource("AppHost.cs", AppHost);

        var result = project.Build();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.DoesNotContain("NU1603", result.Output);
        Assert.True(File.Exists(project.PathOf($"bin/Debug/net10.0/{ConsumerProject.Name}.dockerdsl-project")), result.ToString());
    }

    [Fact]
    public void The_package_has_the_library_and_depends_on_DockerDsl_and_Aspire_Hosting()
    {
        using var zip = ZipFile.OpenRead(package.AspireNupkgPath);
        Assert.NotNull(zip.GetEntry("lib/net8.0/DockerDsl.Aspire.dll"));
        Assert.Null(zip.GetEntry("lib/net8.0/DockerDsl.dll"));
        var nuspecEntry = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
        using var reader = new StreamReader(nuspecEntry.Open());
        var nuspec = reader.ReadToEnd();
        Assert.Contains($"<dependency id=\"DockerDsl\" version=\"{package.Version}\"", nuspec);
        Assert.Contains("<dependency id=\"Aspire.Hosting\" version=\"13.6.5\"", nuspec);
    }
}

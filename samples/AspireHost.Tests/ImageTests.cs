using System;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using DockerDsl.Testcontainers;
using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Configurations;
using Xunit;
using Xunit.Abstractions;

namespace AspireHost.Tests;

/// <summary>
/// The app host's images, each built with BuildKit and started with Testcontainers: the declaration gives the
/// stage, the exposed port and the health check, and the test calls the container from the host once Docker
/// reports it healthy. An image whose inputs did not change since it was last built is reused, not built again.
/// </summary>
[Collection(Docker.Collection)]
public sealed class ImageTests(ITestOutputHelper output)
{
    static ImageTests()
    {
        // Testcontainers' resource reaper (Ryuk) is an image pulled from Docker Hub; where no registry can be reached
        // it cannot start. Each container here is disposed by its test instead.
        TestcontainersSettings.ResourceReaperEnabled = false;
    }

    [SkippableFact]
    public Task The_api_answers_its_health_check() =>
        StartAndGetAsync(DockerDslImage.For<RPlumberApi.PlumberApi>().WithTarget(RPlumberApi.PlumberApi.Stages.Production), 8000, "/health");

    [SkippableFact]
    public Task The_web_app_answers_its_health_check() =>
        StartAndGetAsync(DockerDslImage.For<AspNetApi.AspNetApiImage>(), 8080, "/health");

    [SkippableFact]
    public Task The_frontend_serves_its_page() =>
        StartAndGetAsync(DockerDslImage.For<StaticFrontend.FrontendImage>(), 8080, "/");

    private async Task StartAndGetAsync(DockerDslImageBuilder builder, int port, string path)
    {
        await Docker.RequireAsync();

        // No '# syntax=' line: the engine's own Dockerfile frontend, for builders that cannot pull docker/dockerfile.
        var image = await builder.WithBuiltInFrontend().BuildAsync();
        output.WriteLine($"{image.Tag}: {(image.Reused ? "reused" : "built")}");

        await using var container = new ContainerBuilder(image.Image)
            .WithDockerDslImage(image, TimeSpan.FromMinutes(3))   // the exposed ports, and wait until healthy
            .Build();
        await container.StartAsync();

        using var http = new HttpClient { BaseAddress = new Uri($"http://{container.Hostname}:{container.GetMappedPublicPort(port)}") };
        using var response = await http.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}

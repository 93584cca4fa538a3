using System;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Aspire.Hosting;
using Aspire.Hosting.Testing;
using Xunit;

namespace AspireHost.Tests;

/// <summary>
/// The app host run for real: Aspire's orchestrator (DCP, from the Aspire.Hosting.Orchestration package the SDK
/// references) builds the three Dockerfile resources with docker and starts them; the test waits until Aspire's health
/// checks report the api and the frontend healthy and calls both through their endpoints.
/// </summary>
[Collection(Docker.Collection)]
public sealed class AppHostRunTests
{
    [SkippableFact]
    public async Task The_app_host_builds_and_starts_the_images_and_they_become_healthy()
    {
        await Docker.RequireAsync();
        // The engine's built-in Dockerfile frontend: the docker/dockerfile image that '# syntax=' names cannot be
        // pulled where no registry is reachable (see DockerDslResourceBuilderExtensions.BuiltInFrontendKey).
        await using var builder = await DistributedApplicationTestingBuilder.CreateAsync<AppHost>(["DockerDsl:BuiltInFrontend=true"]);
        await using var app = await builder.BuildAsync();
        // Long enough for a first build of every image on a new machine; with BuildKit's cache it takes seconds.
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(15));

        await app.StartAsync(timeout.Token);
        await app.ResourceNotifications.WaitForResourceHealthyAsync("api", timeout.Token);
        await app.ResourceNotifications.WaitForResourceHealthyAsync("frontend", timeout.Token);

        using var api = app.CreateHttpClient("api", "http");
        using var health = await api.GetAsync("/health", timeout.Token);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        using var frontend = app.CreateHttpClient("frontend", "http");
        using var page = await frontend.GetAsync("/", timeout.Token);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<title>plumberstats playground</title>", await page.Content.ReadAsStringAsync(timeout.Token));
    }
}

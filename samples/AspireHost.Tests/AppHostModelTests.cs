using System;
using System.Linq;
using System.Threading.Tasks;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Xunit;

namespace AspireHost.Tests;

/// <summary>
/// The app host's model, as <c>DistributedApplicationTestingBuilder</c> builds it from <c>AppHost.cs</c>: its
/// resources, their Dockerfile builds, endpoints, health checks and waits. Nothing is built or started.
/// </summary>
public sealed class AppHostModelTests
{
    [Fact]
    public async Task The_three_sample_images_are_Dockerfile_resources()
    {
        await using var builder = await DistributedApplicationTestingBuilder.CreateAsync<AppHost>();

        var containers = builder.Resources.OfType<ContainerResource>().ToDictionary(r => r.Name);

        Assert.Equal(new[] { "api", "frontend", "web" }, containers.Keys.Order(StringComparer.Ordinal));
        var stages = containers.ToDictionary(c => c.Key, c => Assert.Single(c.Value.Annotations.OfType<DockerfileBuildAnnotation>()).Stage);
        Assert.Equal(RPlumberApi.PlumberApi.Stages.Production, stages["api"]);
        Assert.Equal(AspNetApi.AspNetApiImage.Stages.Runtime, stages["web"]);
        Assert.Equal(StaticFrontend.FrontendImage.Stages.Web, stages["frontend"]);
    }

    [Fact]
    public async Task Each_image_has_its_exposed_port_as_an_endpoint_and_an_HTTP_health_check_where_its_HEALTHCHECK_requests_a_URL()
    {
        await using var builder = await DistributedApplicationTestingBuilder.CreateAsync<AppHost>();

        (string Name, int Port, string Scheme) Endpoint(string resource) =>
            Assert.Single(Resource(builder, resource).Annotations.OfType<EndpointAnnotation>()) is var e ? (e.Name, e.TargetPort!.Value, e.UriScheme) : default;
        Assert.Equal(("http", 8000, "http"), Endpoint("api"));
        Assert.Equal(("http", 8080, "http"), Endpoint("frontend"));
        // AspNetApi's HEALTHCHECK runs the app (exec form): no URL, so a TCP endpoint and Docker's check only.
        Assert.Equal(("tcp-8080", 8080, "tcp"), Endpoint("web"));

        Assert.Single(Resource(builder, "api").Annotations.OfType<HealthCheckAnnotation>());
        Assert.Single(Resource(builder, "frontend").Annotations.OfType<HealthCheckAnnotation>());
        Assert.Empty(Resource(builder, "web").Annotations.OfType<HealthCheckAnnotation>());
    }

    [Fact]
    public async Task The_frontend_waits_for_the_api()
    {
        await using var builder = await DistributedApplicationTestingBuilder.CreateAsync<AppHost>();

        var wait = Assert.Single(Resource(builder, "frontend").Annotations.OfType<WaitAnnotation>());

        Assert.Equal("api", wait.Resource.Name);
        Assert.Empty(Resource(builder, "api").Annotations.OfType<WaitAnnotation>());
    }

    private static IResource Resource(IDistributedApplicationTestingBuilder builder, string name) =>
        Assert.Single(builder.Resources, r => r.Name == name);
}

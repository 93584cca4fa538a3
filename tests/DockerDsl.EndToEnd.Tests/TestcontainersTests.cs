using System;
using System.Net.Http;
using System.Threading.Tasks;
using DockerDsl.EndToEnd.Tests.Infrastructure;
using DockerDsl.Testcontainers;
using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Configurations;
using Xunit;
using Xunit.Abstractions;

namespace DockerDsl.EndToEnd.Tests;

/// <summary>
/// Every sample built and started through DockerDsl.Testcontainers, as a user's integration test would: the
/// declaration gives the stage, the ports and the health check; the container must become healthy and answer
/// the sample's probe from the host. A second build of the same inputs reuses the image.
/// </summary>
[Collection(DockerEngineCollection.Name)]
public sealed class TestcontainersTests(ITestOutputHelper output)
{
    static TestcontainersTests()
    {
        // Testcontainers' resource reaper is an image pulled from Docker Hub, which cannot be reached here; every
        // container is disposed by its test instead.
        TestcontainersSettings.ResourceReaperEnabled = false;
    }

    [SkippableFact]
    public Task RPlumberApi_production_stage_starts_healthy_and_answers() =>
        Run(DockerDslImage.For<RPlumberApi.PlumberApi>().WithTarget(RPlumberApi.PlumberApi.Stages.Production), Samples.RPlumberApi);

    [SkippableFact]
    public Task AspNetApi_starts_healthy_and_answers() =>
        Run(DockerDslImage.For<AspNetApi.AspNetApiImage>(), Samples.AspNetApi);

    [SkippableFact]
    public Task StaticFrontend_starts_healthy_and_answers() =>
        Run(DockerDslImage.For<StaticFrontend.FrontendImage>(), Samples.StaticFrontend);

    [SkippableFact]
    public Task BusyboxSite_starts_healthy_and_answers() =>
        Run(DockerDslImage.For<BusyboxSite.SiteImage>(), Samples.BusyboxSite);

    [SkippableFact]
    public async Task An_unknown_stage_or_build_argument_is_refused_with_the_declared_ones()
    {
        await DockerEngine.RequireAsync();
        var stage = Assert.Throws<ArgumentException>(() => DockerDslImage.For<RPlumberApi.PlumberApi>().WithTarget("test"));
        Assert.Contains("its stages are base, packages, production", stage.Message);
        var argument = Assert.Throws<ArgumentException>(() => DockerDslImage.For<RPlumberApi.PlumberApi>().WithBuildArgument<TestcontainersTests>("x"));
        Assert.Contains("declares no [Arg(typeof(TestcontainersTests))]", argument.Message);
    }

    [SkippableFact]
    public async Task Typed_build_arguments_reach_the_build_and_an_unset_optional_one_keeps_its_default()
    {
        await DockerEngine.RequireAsync();
        var revision = "rev-" + Guid.NewGuid().ToString("N")[..8];

        // The labels of the fixture's image are its two ARGs, GIT_SHA (required) and CHANNEL (default "unknown").
        var first = await DockerDslImage.For(new LabelledImage.Labelled.BuildArguments { Revision = revision })
            .WithBuiltInFrontend().WithDockerCommand(DockerEngine.Cli).BuildAsync();
        var second = await DockerDslImage.For<LabelledImage.Labelled>()
            .WithBuildArguments(new LabelledImage.Labelled.BuildArguments { Revision = revision, Channel = "beta" })
            .WithBuiltInFrontend().WithDockerCommand(DockerEngine.Cli).BuildAsync();
        try
        {
            Assert.Equal(revision + " unknown", await Labels(first.Tag));
            Assert.Equal(revision + " beta", await Labels(second.Tag));
            Assert.NotEqual(first.Tag, second.Tag);
        }
        finally
        {
            await first.RemoveAsync();
            await second.RemoveAsync();
        }

        var other = Assert.Throws<ArgumentException>(() => DockerDslImage.For<AspNetApi.AspNetApiImage>().WithBuildArguments(new LabelledImage.Labelled.BuildArguments { Revision = "x" }));
        Assert.Contains("build arguments of LabelledImage.Labelled, not of AspNetApi.AspNetApiImage", other.Message);

        static async Task<string> Labels(string tag) =>
            (await DockerEngine.CheckedAsync(TimeSpan.FromMinutes(1), "image", "inspect", "--format", "{{index .Config.Labels \"org.opencontainers.image.revision\"}} {{index .Config.Labels \"dockerdsl.channel\"}}", tag)).Trim();
    }

    private async Task Run(DockerDslImageBuilder builder, Sample sample)
    {
        await DockerEngine.RequireAsync();
        // The engine's built-in frontend: the docker/dockerfile image of the '# syntax=' line cannot be pulled here.
        builder = builder.WithBuiltInFrontend().WithDockerCommand(DockerEngine.Cli);
        var image = await builder.BuildAsync();
        try
        {
            output.WriteLine($"{sample.Name}: {image.Tag} ({(image.Reused ? "reused" : "built")}), ports {string.Join(", ", image.Ports)}, health check {image.HasHealthCheck}");
            Assert.Contains(sample.ContainerPort, image.Ports);
            Assert.True(image.HasHealthCheck);

            var again = await builder.BuildAsync();
            Assert.True(again.Reused, "a second build of unchanged inputs built again");
            Assert.Equal(image.Tag, again.Tag);

            await using var container = new ContainerBuilder(image.Image)
                .WithDockerDslImage(image, sample.HealthTimeout)
                .Build();
            await container.StartAsync();

            using var http = new HttpClient
            {
                BaseAddress = new Uri($"http://{container.Hostname}:{container.GetMappedPublicPort(sample.ContainerPort)}"),
                Timeout = TimeSpan.FromSeconds(30),
            };
            await sample.Probe(http);
        }
        finally
        {
            await image.RemoveAsync();
        }
    }
}

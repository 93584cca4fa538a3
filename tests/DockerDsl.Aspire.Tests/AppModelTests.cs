using System;
using System.IO;
using System.Linq;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Xunit;

namespace DockerDsl.Aspire.Tests;

/// <summary>
/// <c>AddDockerDslImage&lt;T&gt;</c> in an app model made by Aspire.Hosting.Testing, checked at the level of the
/// model (nothing is started): the Dockerfile resource with its build annotation, its endpoints and health checks.
/// </summary>
public sealed class AppModelTests
{
    // The testing builder takes the first assembly on the call stack whose metadata names DCP's CLI ('dcpclipath', set
    // by the Aspire.AppHost.Sdk; dotnet/aspire src/Aspire.Hosting.Testing/DistributedApplicationTestingBuilder.cs,
    // FindApplicationAssembly) as the app host. The csproj sets that metadata on this assembly: these tests build the
    // model and never run it, so DCP is never started.
    private static IDistributedApplicationTestingBuilder NewBuilder() => DistributedApplicationTestingBuilder.Create();

    private static string Sample(string name) => Path.Combine(SourceTree.Root, "samples", name);

    [Fact]
    public void The_R_sample_is_a_Dockerfile_resource_with_its_context_Dockerfile_stage_http_endpoint_and_health_check()
    {
        var builder = NewBuilder();

        var api = builder.AddDockerDslImage<RPlumberApi.PlumberApi>("api");

        var resource = Assert.Single(builder.Resources.OfType<ContainerResource>(), r => r.Name == "api");
        Assert.Same(api.Resource, resource);
        var build = Assert.Single(resource.Annotations.OfType<DockerfileBuildAnnotation>());
        Assert.Equal(Sample("RPlumberApi"), build.ContextPath.TrimEnd(Path.DirectorySeparatorChar));
        Assert.Equal(Path.Combine(Sample("RPlumberApi"), "Dockerfile"), build.DockerfilePath);
        Assert.Equal(RPlumberApi.PlumberApi.Stages.Production, build.Stage);

        // The HEALTHCHECK curls http://localhost:8000/health: port 8000 is an HTTP endpoint, and that URL a health check.
        var endpoint = Assert.Single(resource.Annotations.OfType<EndpointAnnotation>());
        Assert.Equal(("http", 8000, "http"), (endpoint.Name, endpoint.TargetPort!.Value, endpoint.UriScheme));
        Assert.Single(resource.Annotations.OfType<HealthCheckAnnotation>());
    }

    [Fact]
    public void Another_stage_takes_what_it_exposes_and_inherits()
    {
        var builder = NewBuilder();

        var packages = builder.AddDockerDslImage<RPlumberApi.PlumberApi>("packages", RPlumberApi.PlumberApi.Stages.Packages);

        Assert.Equal("packages", Assert.Single(packages.Resource.Annotations.OfType<DockerfileBuildAnnotation>()).Stage);
        Assert.Empty(packages.Resource.Annotations.OfType<EndpointAnnotation>());
        Assert.Empty(packages.Resource.Annotations.OfType<HealthCheckAnnotation>());
        var unknown = Assert.Throws<ArgumentException>(() => builder.AddDockerDslImage<RPlumberApi.PlumberApi>("x", "tests"));
        Assert.Contains("its stages are base, packages, production", unknown.Message);
    }

    [Fact]
    public void A_health_check_that_requests_no_URL_leaves_a_TCP_endpoint_and_no_Aspire_health_check()
    {
        var builder = NewBuilder();

        // AspNetApi's HEALTHCHECK runs the app with --healthcheck (exec form, no URL).
        var web = builder.AddDockerDslImage<AspNetApi.AspNetApiImage>("web");

        var endpoint = Assert.Single(web.Resource.Annotations.OfType<EndpointAnnotation>());
        Assert.Equal(("tcp-8080", 8080, "tcp"), (endpoint.Name, endpoint.TargetPort!.Value, endpoint.UriScheme));
        Assert.Empty(web.Resource.Annotations.OfType<HealthCheckAnnotation>());
    }

    [Fact]
    public void A_build_argument_class_the_Dockerfile_does_not_declare_is_refused()
    {
        var builder = NewBuilder();
        var api = builder.AddDockerDslImage<RPlumberApi.PlumberApi>("api");

        var refused = Assert.Throws<ArgumentException>(() => api.WithBuildArgument<AppModelTests>("x"));

        Assert.Contains("declares no [Arg(typeof(AppModelTests))]; its build arguments are none", refused.Message);
    }

    [Fact]
    public void Typed_build_arguments_become_the_resources_build_arguments_and_an_unset_optional_one_keeps_its_default()
    {
        var builder = NewBuilder();

        var image = builder.AddDockerDslImage("labelled", new LabelledImage.Labelled.BuildArguments { Revision = "abc123" });

        var build = Assert.Single(image.Resource.Annotations.OfType<DockerfileBuildAnnotation>());
        Assert.Equal(new[] { "GIT_SHA" }, build.BuildArguments.Keys);
        Assert.Equal("abc123", build.BuildArguments["GIT_SHA"]);

        var both = builder.AddDockerDslImage("both", new LabelledImage.Labelled.BuildArguments { Revision = "abc123", Channel = "beta" }, LabelledImage.Labelled.Stages.Final);
        var arguments = Assert.Single(both.Resource.Annotations.OfType<DockerfileBuildAnnotation>()).BuildArguments;
        Assert.Equal(new[] { "CHANNEL", "GIT_SHA" }, arguments.Keys.Order());
        Assert.Equal("beta", arguments["CHANNEL"]);
    }

    [Fact]
    public void With_the_built_in_frontend_setting_the_resource_builds_the_compiled_Dockerfile_without_its_syntax_line()
    {
        var builder = DistributedApplicationTestingBuilder.Create(DockerDslResourceBuilderExtensions.BuiltInFrontendKey + "=true");

        var api = builder.AddDockerDslImage<RPlumberApi.PlumberApi>("api");

        var build = Assert.Single(api.Resource.Annotations.OfType<DockerfileBuildAnnotation>());
        Assert.Equal(Sample("RPlumberApi"), build.ContextPath.TrimEnd(Path.DirectorySeparatorChar));
        Assert.Equal(RPlumberApi.PlumberApi.Stages.Production, build.Stage);
        Assert.NotEqual(Path.Combine(Sample("RPlumberApi"), "Dockerfile"), build.DockerfilePath);
        var text = File.ReadAllText(build.DockerfilePath);
        Assert.StartsWith("# syntax=", RPlumberApi.PlumberApi.DockerfileText);
        Assert.Equal(RPlumberApi.PlumberApi.DockerfileText[(RPlumberApi.PlumberApi.DockerfileText.IndexOf('\n') + 1)..], text);
        // BuildKit's client reads <Dockerfile>.dockerignore next to the Dockerfile: the generated one is written there.
        Assert.Equal(File.ReadAllText(Path.Combine(Sample("RPlumberApi"), "Dockerfile.dockerignore")), File.ReadAllText(build.DockerfilePath + ".dockerignore"));
    }
}

using Aspire.Hosting;

// The three sample images, each built from the Dockerfile its declaration writes, as Aspire Dockerfile resources:
// their [Expose] ports are endpoints, and an HTTP HEALTHCHECK (curl http://localhost:PORT/health) an Aspire health check.
var builder = DistributedApplication.CreateBuilder(args);

var api = builder.AddDockerDslImage<RPlumberApi.PlumberApi>("api");

builder.AddDockerDslImage<AspNetApi.AspNetApiImage>("web");

builder.AddDockerDslImage<StaticFrontend.FrontendImage>("frontend")
    .WaitFor(api);

builder.Build().Run();

/// <summary>The app host's entry point, for <c>DistributedApplicationTestingBuilder.CreateAsync&lt;AppHost&gt;()</c>.</summary>
public partial class AppHost;

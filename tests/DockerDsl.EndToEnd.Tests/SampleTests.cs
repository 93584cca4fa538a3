using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using DockerDsl.EndToEnd.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace DockerDsl.EndToEnd.Tests;

/// <summary>
/// Builds every sample's generated Dockerfile on a real BuildKit engine, then checks the image's
/// configuration and runs it: healthy within a bound, answering from the host, stopping gracefully.
/// </summary>
[Collection(DockerEngineCollection.Name)]
public sealed class SampleTests
{
    /// <summary><c>docker stop</c> waits 10 s before SIGKILL; a graceful stop must end well inside that.</summary>
    private static readonly TimeSpan StopBound = TimeSpan.FromSeconds(5);

    private readonly SampleImages images;
    private readonly ITestOutputHelper output;

    public SampleTests(SampleImages images, ITestOutputHelper output)
    {
        this.images = images;
        this.output = output;
    }

    [SkippableFact]
    public Task RPlumberApi_image_has_a_numeric_non_root_user_and_the_declared_health_check() => ImageConfiguration(Samples.RPlumberApi);

    [SkippableFact]
    public Task RPlumberApi_container_becomes_healthy_answers_and_stops_gracefully() => Container(Samples.RPlumberApi);

    [SkippableFact]
    public Task AspNetApi_image_has_a_numeric_non_root_user_and_the_declared_health_check() => ImageConfiguration(Samples.AspNetApi);

    [SkippableFact]
    public Task AspNetApi_container_becomes_healthy_answers_and_stops_gracefully() => Container(Samples.AspNetApi);

    [SkippableFact]
    public Task StaticFrontend_image_has_a_numeric_non_root_user_and_the_declared_health_check() => ImageConfiguration(Samples.StaticFrontend);

    [SkippableFact]
    public Task StaticFrontend_container_becomes_healthy_answers_and_stops_gracefully() => Container(Samples.StaticFrontend);

    [SkippableFact]
    public Task BusyboxSite_image_has_a_numeric_non_root_user_and_the_declared_health_check() => ImageConfiguration(Samples.BusyboxSite);

    [SkippableFact]
    public Task BusyboxSite_container_becomes_healthy_answers_and_stops_gracefully() => Container(Samples.BusyboxSite);

    /// <summary>
    /// A new sample that declares images (its project imports eng/DockerDsl.Local.props) must be added to
    /// <see cref="Samples.All"/> (and get the two tests above). Any other sample project (the Aspire app host and its
    /// test project, which tests it) must be in DockerDsl.sln, so CI builds and runs it.
    /// </summary>
    [Fact]
    public void Every_sample_folder_is_tested()
    {
        var projects = Directory.GetDirectories(SourceTree.File("samples"))
            .SelectMany(d => Directory.GetFiles(d, "*.csproj"))
            .ToLookup(p => File.ReadAllText(p).Contains("eng/DockerDsl.Local.props", StringComparison.Ordinal));
        var images = projects[true].Select(p => Path.GetFileName(Path.GetDirectoryName(p))).OrderBy(n => n, StringComparer.Ordinal);
        Assert.Equal(images, Samples.All.Select(s => s.Name).OrderBy(n => n, StringComparer.Ordinal));

        var solution = File.ReadAllText(SourceTree.File("DockerDsl.sln")).Replace('\\', '/');
        var others = projects[false].Select(p => Path.GetRelativePath(SourceTree.Root, p).Replace('\\', '/')).ToList();
        Assert.Contains("samples/AspireHost.Tests/AspireHost.Tests.csproj", others);
        Assert.All(others, p => Assert.Contains($"\"{p}\"", solution));
    }

    private async Task ImageConfiguration(Sample sample)
    {
        await DockerEngine.RequireAsync();
        var image = await images.GetAsync(sample);
        output.WriteLine($"{sample}: dotnet build {image.ProjectBuildTime.TotalSeconds:F1} s, docker build {image.ImageBuildTime.TotalSeconds:F1} s");
        var config = (await DockerEngine.InspectAsync("image", image.ImageId)).GetProperty("Config");

        // A numeric uid:gid other than root, as Kubernetes' runAsNonRoot can verify, and the one declared.
        var user = config.GetProperty("User").GetString() ?? "";
        Assert.Matches(@"^[0-9]+(:[0-9]+)?$", user);
        Assert.NotEqual("0", user.Split(':')[0]);
        Assert.Equal(image.Dockerfile.User, user);

        // The declared HEALTHCHECK, with every option, as the engine stored it.
        var declared = image.Dockerfile.HealthCheck;
        Assert.NotNull(declared);
        Assert.True(config.TryGetProperty("Healthcheck", out var stored) && stored.ValueKind == JsonValueKind.Object, "the image has no health check");
        var actual = HealthCheck.FromInspect(stored);
        Assert.True(declared.SameAs(actual), $"health check differs\n declared: {declared}\n in image: {actual}");

        // The declared port.
        var exposed = config.TryGetProperty("ExposedPorts", out var ports) ? ports.EnumerateObject().Select(p => p.Name).ToList() : new();
        Assert.Contains($"{sample.ContainerPort}/tcp", exposed);
        Assert.Equal(image.Dockerfile.ExposedPorts.OrderBy(p => p), exposed.OrderBy(p => p));

        // What DockerDsl.Testcontainers and DockerDsl.Aspire take from the compiled declaration (the generator's
        // [GeneratedStage] of the final stage, which this image is built to) must be what the engine built: the TCP
        // ports, that there is a health check, and the local URL it requests, if any.
        var stage = Declaration(sample).Stage(null);
        Assert.Equal(
            exposed.Where(p => p.EndsWith("/tcp", StringComparison.Ordinal)).Select(p => int.Parse(p[..^4], System.Globalization.CultureInfo.InvariantCulture)).Order(),
            stage.Ports.Order());
        Assert.True(stage.HealthCheck);
        var probe = stored.GetProperty("Test").ToString();
        if (stage.HealthCheckUrl is { } url)
        {
            Assert.Contains(url, probe);
        }
        else
        {
            Assert.DoesNotContain("http://", probe);
        }
    }

    /// <summary>The sample's compiled declaration, read as DockerDsl.Testcontainers reads it.</summary>
    private static ImageDeclaration Declaration(Sample sample)
    {
        System.Reflection.Assembly assembly;
        try
        {
            assembly = System.Reflection.Assembly.Load(sample.Name);
        }
        catch (FileNotFoundException)
        {
            throw new Xunit.Sdk.XunitException($"The assembly {sample.Name} is not in the test output: add a ProjectReference to {sample.Project} in DockerDsl.EndToEnd.Tests.csproj.");
        }

        var declared = assembly.GetTypes()
            .Where(t => System.Reflection.CustomAttributeExtensions.GetCustomAttribute<GeneratedImageAttribute>(t)?.DockerfilePath == sample.DeclaredPath);
        return ImageDeclaration.Of(Assert.Single(declared));
    }

    private async Task Container(Sample sample)
    {
        await DockerEngine.RequireAsync();
        var image = await images.GetAsync(sample);
        var port = FreeLoopbackPort();
        var containerId = await DockerEngine.CheckedAsync(
            TimeSpan.FromMinutes(2), "run", "--detach", "--publish", $"127.0.0.1:{port}:{sample.ContainerPort}", image.ImageId);
        try
        {
            var healthy = await WaitUntilHealthyAsync(sample, containerId);
            output.WriteLine($"{sample}: healthy after {healthy.TotalSeconds:F1} s");

            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(15) };
            await sample.Probe(http);

            var stop = await DockerEngine.RunAsync(TimeSpan.FromSeconds(60), "stop", containerId);
            Assert.True(stop.Succeeded, stop.ToString());
            var state = (await DockerEngine.InspectAsync("container", containerId)).GetProperty("State");
            var exitCode = state.GetProperty("ExitCode").GetInt32();
            output.WriteLine($"{sample}: docker stop took {stop.Elapsed.TotalSeconds:F2} s, exit code {exitCode}");
            Assert.True(stop.Elapsed < StopBound, $"docker stop took {stop.Elapsed.TotalSeconds:F1} s (bound {StopBound.TotalSeconds} s): the stop signal does not end the app.\n{await LogsAsync(containerId)}");
            Assert.NotEqual(137, exitCode); // SIGKILL: the grace period ran out
            Assert.False(state.GetProperty("OOMKilled").GetBoolean());
        }
        finally
        {
            await DockerEngine.RemoveContainerAsync(containerId);
        }
    }

    private static async Task<TimeSpan> WaitUntilHealthyAsync(Sample sample, string containerId)
    {
        var stopwatch = Stopwatch.StartNew();
        while (true)
        {
            var state = (await DockerEngine.InspectAsync("container", containerId)).GetProperty("State");
            var status = state.GetProperty("Status").GetString();
            var health = state.TryGetProperty("Health", out var h) ? h.GetProperty("Status").GetString() : null;
            if (health == "healthy")
            {
                return stopwatch.Elapsed;
            }

            if (status is "exited" or "dead" || health == "unhealthy" || stopwatch.Elapsed > sample.HealthTimeout)
            {
                var probes = state.TryGetProperty("Health", out var log) ? log.GetProperty("Log").ToString() : "(no health log)";
                Assert.Fail(
                    $"{sample} did not become healthy within {sample.HealthTimeout.TotalSeconds} s: status {status}, health {health}, " +
                    $"exit code {state.GetProperty("ExitCode").GetInt32()}\nhealth checks: {probes}\n{await LogsAsync(containerId)}");
            }

            await Task.Delay(TimeSpan.FromSeconds(1));
        }
    }

    private static async Task<string> LogsAsync(string containerId)
    {
        var logs = await DockerEngine.RunAsync(TimeSpan.FromSeconds(30), "logs", "--tail", "100", containerId);
        return "container log:\n" + logs.Output;
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

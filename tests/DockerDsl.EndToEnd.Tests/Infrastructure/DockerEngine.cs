using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace DockerDsl.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The Docker engine the tests use, through Debian's CLI at <c>/usr/bin/docker</c> (another docker
/// CLI may come first on PATH, and without buildx it refuses BuildKit builds). Builds always use
/// BuildKit and never pull.
/// </summary>
public static class DockerEngine
{
    public const string Cli = "/usr/bin/docker";

    /// <summary>Set to 1 by .ci/run: a missing engine fails the tests instead of skipping them.</summary>
    public const string RequiredVariable = "DOCKERDSL_E2E_REQUIRED";

    private static readonly Lazy<Task<string?>> Missing = new(FindMissingReasonAsync);

    private static readonly IReadOnlyDictionary<string, string> BuildKit = new Dictionary<string, string>
    {
        ["DOCKER_BUILDKIT"] = "1",
        ["BUILDKIT_PROGRESS"] = "plain",
    };

    public static bool Required => Environment.GetEnvironmentVariable(RequiredVariable) == "1";

    /// <summary>Skips the test when no engine answers, or fails it when <see cref="RequiredVariable"/> is 1.</summary>
    public static async Task RequireAsync()
    {
        var reason = await Missing.Value;
        if (reason is null)
        {
            return;
        }

        var message = $"{reason} Set up the engine with eng/docker/setup-engine.sh (see docs/end-to-end.md).";
        if (Required)
        {
            Assert.Fail($"{RequiredVariable}=1 but the end-to-end tests cannot run: {message}");
        }

        Skip.If(true, $"No Docker engine with BuildKit: {message}");
    }

    private static async Task<string?> FindMissingReasonAsync()
    {
        if (!System.IO.File.Exists(Cli))
        {
            return $"{Cli} does not exist.";
        }

        try
        {
            // Not `docker info --format`: it exits 0 with an empty answer when no daemon is reachable.
            var version = await RunAsync(TimeSpan.FromSeconds(30), "version", "--format", "{{.Server.Version}}");
            if (!version.Succeeded || version.Output.Trim().Length == 0)
            {
                return $"no engine answers /usr/bin/docker: {version.Output.Trim()}";
            }

            var buildx = await RunAsync(TimeSpan.FromSeconds(30), "buildx", "version");
            return buildx.Succeeded ? null : $"the buildx plugin is missing: {buildx.Output.Trim()}";
        }
        catch (TimeoutException e)
        {
            return $"the engine did not answer: {e.Message}";
        }
    }

    public static Task<ProcessResult> RunAsync(TimeSpan timeout, params string[] arguments) =>
        ProcessRunner.RunAsync(Cli, arguments, timeout);

    /// <summary>Runs the CLI and fails the test with its output when it exits non-zero.</summary>
    public static async Task<string> CheckedAsync(TimeSpan timeout, params string[] arguments)
    {
        var result = await RunAsync(timeout, arguments);
        Assert.True(result.Succeeded, result.ToString());
        return result.Output.Trim();
    }

    public static Task<ProcessResult> BuildAsync(TimeSpan timeout, IEnumerable<string> arguments) =>
        ProcessRunner.RunAsync(Cli, new[] { "build" }.Concat(arguments), timeout, environment: BuildKit);

    /// <summary><c>docker buildx bake</c>, run in <paramref name="workingDirectory"/> (bake resolves contexts from there).</summary>
    public static Task<ProcessResult> BakeAsync(TimeSpan timeout, string workingDirectory, IEnumerable<string> arguments) =>
        ProcessRunner.RunAsync(Cli, new[] { "buildx", "bake" }.Concat(arguments), timeout, workingDirectory, BuildKit);

    public static async Task<bool> ImageExistsAsync(string reference) =>
        (await RunAsync(TimeSpan.FromSeconds(30), "image", "inspect", "--format", "{{.Id}}", reference)).Succeeded;

    /// <summary><c>docker image inspect</c> or <c>docker container inspect</c>: the one object it returns.</summary>
    public static async Task<JsonElement> InspectAsync(string kind, string id)
    {
        var json = await CheckedAsync(TimeSpan.FromSeconds(30), kind, "inspect", id);
        using var document = JsonDocument.Parse(json);
        return document.RootElement[0].Clone();
    }

    public static async Task<string> ServerVersionAsync() =>
        await CheckedAsync(TimeSpan.FromSeconds(30), "version", "--format", "{{.Server.Version}}");

    /// <summary>Removes a container by ID (force: also when it still runs); failures are ignored.</summary>
    public static Task RemoveContainerAsync(string id) => RunAsync(TimeSpan.FromSeconds(60), "container", "rm", "--force", "--volumes", id);

    /// <summary>Removes an image by ID with its tags; failures are ignored.</summary>
    public static Task RemoveImageAsync(string id) => RunAsync(TimeSpan.FromSeconds(60), "image", "rm", "--force", id);
}

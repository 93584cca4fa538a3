using System;
using System.Diagnostics;
using System.Threading.Tasks;
using Xunit;

namespace AspireHost.Tests;

/// <summary>
/// Whether a Docker engine with buildx answers. Without one the image tests are skipped, with the reason; where one
/// is required (CI sets <c>DOCKERDSL_E2E_REQUIRED=1</c>) they fail instead.
/// </summary>
internal static class Docker
{
    /// <summary>The tests that build and start images: one collection, so they run one after another on the engine.</summary>
    public const string Collection = "Docker engine";

    private static readonly Lazy<Task<string?>> Missing = new(FindMissingAsync);

    public static async Task RequireAsync()
    {
        var reason = await Missing.Value;
        if (reason is null)
        {
            return;
        }

        Assert.False(Environment.GetEnvironmentVariable("DOCKERDSL_E2E_REQUIRED") == "1", "A Docker engine is required: " + reason);
        Skip.If(true, "No Docker engine with buildx: " + reason);
    }

    private static async Task<string?> FindMissingAsync()
    {
        foreach (var arguments in new[] { "version --format {{.Server.Version}}", "buildx version" })
        {
            try
            {
                using var process = Process.Start(new ProcessStartInfo("docker", arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
                var output = await process.StandardOutput.ReadToEndAsync();
                var error = await process.StandardError.ReadToEndAsync();
                await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
                if (process.ExitCode != 0 || output.Trim().Length == 0)
                {
                    return $"docker {arguments}: {error.Trim()}";
                }
            }
            catch (Exception e) when (e is System.ComponentModel.Win32Exception or TimeoutException)
            {
                return $"docker {arguments}: {e.Message}";
            }
        }

        return null;
    }
}

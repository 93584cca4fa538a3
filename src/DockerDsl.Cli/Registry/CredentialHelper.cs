using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using System.IO;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace DockerDsl.Cli.Registry;

/// <summary>
/// Asks a Docker credential helper as the Docker CLI does: <c>docker-credential-&lt;name&gt; get</c> with the server
/// address on standard input, answering <c>{"ServerURL", "Username", "Secret"}</c>; a helper that knows no
/// credential for it answers "credentials not found", which means anonymous access.
/// </summary>
internal static class CredentialHelper
{
    private const string IdentityTokenUser = "<token>";

    public static async Task<RegistryCredential?> GetAsync(string name, string serverAddress, IReadOnlyDictionary<string, string> environment, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var program = "docker-credential-" + name;
        var path = Find(program, environment)
            ?? throw new RegistryException($"the Docker config names the credential helper '{name}', but {program} is not on PATH");
        var start = new ProcessStartInfo(path)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("get");
        start.Environment.Clear();
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (Win32Exception exception)
        {
            throw new RegistryException($"{program} cannot be started: {exception.Message}");
        }

        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        string output, error;
        try
        {
            var outputTask = process.StandardOutput.ReadToEndAsync(timeoutSource.Token);
            var errorTask = process.StandardError.ReadToEndAsync(timeoutSource.Token);
            try
            {
                await process.StandardInput.WriteAsync(serverAddress.AsMemory(), timeoutSource.Token).ConfigureAwait(false);
                process.StandardInput.Close();
            }
            catch (IOException)
            {
                // A helper that exits without reading its input still answers below.
            }

            output = await outputTask.ConfigureAwait(false);
            error = await errorTask.ConfigureAwait(false);
            await process.WaitForExitAsync(timeoutSource.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            TryKill(process);
            throw new RegistryException($"{program} get did not answer within {timeout.TotalSeconds:0.###} s");
        }

        if (process.ExitCode != 0)
        {
            var message = (output.Trim().Length > 0 ? output : error).Trim();
            if (message.Contains("credentials not found", StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            throw new RegistryException($"{program} get failed with exit code {process.ExitCode}: {FirstLine(message)}");
        }

        try
        {
            using var document = JsonDocument.Parse(output);
            var root = document.RootElement;
            var username = root.TryGetProperty("Username", out var user) && user.ValueKind == JsonValueKind.String ? user.GetString() : null;
            var secret = root.TryGetProperty("Secret", out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
            if (string.IsNullOrEmpty(secret))
            {
                return null;
            }

            return username == IdentityTokenUser
                ? new RegistryCredential(null, null, secret, null, program)
                : new RegistryCredential(username, secret, null, null, program);
        }
        catch (JsonException exception)
        {
            throw new RegistryException($"{program} get answered something that is not JSON: {exception.Message}");
        }
    }

    private static string? Find(string program, IReadOnlyDictionary<string, string> environment)
    {
        if (!environment.TryGetValue("PATH", out var searchPath))
        {
            return null;
        }

        foreach (var folder in searchPath.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var candidate in OperatingSystem.IsWindows() ? new[] { program + ".exe", program + ".cmd" } : new[] { program })
            {
                var full = Path.Combine(folder, candidate);
                if (File.Exists(full))
                {
                    return full;
                }
            }
        }

        return null;
    }

    private static string FirstLine(string text)
    {
        var newline = text.IndexOf('\n');
        return (newline < 0 ? text : text[..newline]).Trim();
    }

    private static void TryKill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (Exception exception) when (exception is InvalidOperationException or Win32Exception)
        {
            // It exited meanwhile.
        }
    }
}

using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics;
using System.Text;

namespace DockerDsl.Tests.Shared;

/// <summary>The result of one <c>dotnet</c> run: exit code and everything it printed.</summary>
internal sealed record DotnetResult(string CommandLine, string WorkingDirectory, int ExitCode, string Output)
{
    public override string ToString() =>
        $"> dotnet {CommandLine}   (in {WorkingDirectory}){Environment.NewLine}exit code {ExitCode}{Environment.NewLine}{Output}";
}

/// <summary>Runs the <c>dotnet</c> CLI with a timeout, capturing its output.</summary>
internal static class DotnetCli
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    /// <summary>Runs <c>dotnet</c>; <paramref name="environment"/> adds or replaces variables.</summary>
    public static DotnetResult Run(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        var start = new ProcessStartInfo(DotnetPath())
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The test host may run inside an MSBuild-launched environment: do not let its settings leak in.
        foreach (DictionaryEntry variable in Environment.GetEnvironmentVariables())
        {
            var name = (string)variable.Key;
            if (name.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || name.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase))
            {
                start.Environment.Remove(name);
            }
        }

        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        if (environment is not null)
        {
            foreach (var (name, value) in environment)
            {
                start.Environment[name] = value;
            }
        }

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var commandLine = string.Join(" ", arguments);
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            throw new TimeoutException($"'dotnet {commandLine}' (in {workingDirectory}) did not finish within {Timeout}.{Environment.NewLine}{Snapshot(output)}");
        }

        process.WaitForExit();
        return new DotnetResult(commandLine, workingDirectory, process.ExitCode, Snapshot(output));
    }

    /// <summary>Runs <c>dotnet</c> and throws, with its output, unless it exits with 0.</summary>
    public static DotnetResult RunSuccessfully(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        var result = Run(workingDirectory, environment, arguments);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet failed.{Environment.NewLine}{result}");
        }

        return result;
    }

    private static string DotnetPath() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } path ? path : "dotnet";

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static string Snapshot(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}

using System;
using System.Collections.Generic;

namespace DockerDsl.Tests.Shared;

/// <summary>Runs the <c>dotnet</c> CLI (the one running the tests) with a timeout, capturing its output.</summary>
internal static class DotnetCli
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    /// <summary>Runs <c>dotnet</c>; <paramref name="environment"/> adds or replaces variables.</summary>
    public static ProcessResult Run(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] arguments) =>
        ProcessRunner.RunAsync(ProcessRunner.Dotnet, arguments, Timeout, workingDirectory, environment).GetAwaiter().GetResult();

    /// <summary>Runs <c>dotnet</c> and throws, with its output, unless it exits with 0.</summary>
    public static ProcessResult RunSuccessfully(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        var result = Run(workingDirectory, environment, arguments);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"dotnet failed.{Environment.NewLine}{result}");
        }

        return result;
    }
}

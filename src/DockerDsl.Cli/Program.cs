using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace DockerDsl.Cli;

internal static class Program
{
    private static int Main(string[] args)
    {
        // UTF-8 without a BOM and LF on every platform, so a report is the same bytes wherever it is made.
        var encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        using var stdout = new StreamWriter(Console.OpenStandardOutput(), encoding) { NewLine = "\n", AutoFlush = false };
        using var stderr = new StreamWriter(Console.OpenStandardError(), encoding) { NewLine = "\n", AutoFlush = true };
        var exitCode = Cli.RunAsync(args, stdout, stderr, Environment.CurrentDirectory, EnvironmentVariables()).GetAwaiter().GetResult();
        stdout.Flush();
        return exitCode;
    }

    private static Dictionary<string, string> EnvironmentVariables()
    {
        var comparer = OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;
        var variables = new Dictionary<string, string>(comparer);
        foreach (DictionaryEntry variable in Environment.GetEnvironmentVariables())
        {
            variables[(string)variable.Key] = (string?)variable.Value ?? string.Empty;
        }

        return variables;
    }
}

using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Threading;

namespace DockerDsl.Build.Images;

/// <summary>Finds the docker CLI and runs it, handing each line it prints to the caller's thread.</summary>
internal static class DockerCli
{
    /// <summary>
    /// The full path of <paramref name="command"/>: as given when it names a path, else the first match on PATH
    /// (with PATHEXT's extensions on Windows). Null when there is none.
    /// </summary>
    public static string? Resolve(string command, string? path)
    {
        if (command.IndexOf(Path.DirectorySeparatorChar) >= 0 || command.IndexOf(Path.AltDirectorySeparatorChar) >= 0)
        {
            return File.Exists(command) ? Path.GetFullPath(command) : null;
        }

        var extensions = new List<string> { string.Empty };
        if (Path.DirectorySeparatorChar == '\\')
        {
            extensions.AddRange((Environment.GetEnvironmentVariable("PATHEXT") ?? ".EXE;.CMD;.BAT").Split(';'));
        }

        foreach (var folder in (path ?? string.Empty).Split(Path.PathSeparator))
        {
            if (folder.Trim().Length == 0)
            {
                continue;
            }

            foreach (var extension in extensions)
            {
                try
                {
                    var candidate = Path.Combine(folder.Trim(), command + extension);
                    if (File.Exists(candidate))
                    {
                        return candidate;
                    }
                }
                catch (ArgumentException)
                {
                    // A PATH entry with characters no path may have.
                }
            }
        }

        return null;
    }

    /// <summary>
    /// Runs the CLI and calls <paramref name="onLine"/> for every line of its standard output and error, on the
    /// calling thread (MSBuild's logger is meant to be called from the task's thread). Returns the exit code.
    /// </summary>
    public static int Run(string fileName, IReadOnlyList<string> arguments, string workingDirectory, Action<string> onLine, CancellationToken cancellation)
    {
        var start = new ProcessStartInfo(fileName, Quote(arguments))
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            CreateNoWindow = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };

        using var lines = new BlockingCollection<string>();
        using var process = new Process { StartInfo = start };
        var open = 2;
        DataReceivedEventHandler handler = (_, e) =>
        {
            if (e.Data is null)
            {
                if (Interlocked.Decrement(ref open) == 0)
                {
                    lines.CompleteAdding();
                }
            }
            else
            {
                lines.Add(e.Data);
            }
        };
        process.OutputDataReceived += handler;
        process.ErrorDataReceived += handler;
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using (cancellation.Register(() => Kill(process)))
        {
            foreach (var line in lines.GetConsumingEnumerable())
            {
                onLine(line);
            }

            process.WaitForExit();
        }

        return process.ExitCode;
    }

    private static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill();
            }
        }
        catch (Exception exception) when (exception is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // It ended meanwhile.
        }
    }

    /// <summary>One command line from arguments, quoted the way .NET's Process splits it again (netstandard2.0 has no ArgumentList).</summary>
    private static string Quote(IReadOnlyList<string> arguments)
    {
        var text = new StringBuilder();
        foreach (var argument in arguments)
        {
            if (text.Length > 0)
            {
                text.Append(' ');
            }

            if (argument.Length > 0 && argument.IndexOfAny(new[] { ' ', '\t', '"', '\\', '\n' }) < 0)
            {
                text.Append(argument);
                continue;
            }

            text.Append('"');
            var backslashes = 0;
            foreach (var c in argument)
            {
                if (c == '\\')
                {
                    backslashes++;
                    continue;
                }

                if (c == '"')
                {
                    text.Append('\\', backslashes * 2 + 1).Append('"');
                }
                else
                {
                    text.Append('\\', backslashes).Append(c);
                }

                backslashes = 0;
            }

            text.Append('\\', backslashes * 2).Append('"');
        }

        return text.ToString();
    }
}

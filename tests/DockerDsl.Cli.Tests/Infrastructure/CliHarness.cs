using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using DockerDsl.Tests.Shared;

namespace DockerDsl.Cli.Tests.Infrastructure;

/// <summary>What one in-process run of dockerdsl printed and returned.</summary>
internal sealed record CliResult(int ExitCode, string Out, string Error)
{
    public string[] ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public string[] OutLines => Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public override string ToString() => $"exit code {ExitCode}\n--- stdout\n{Out}--- stderr\n{Error}";
}

/// <summary>A temp folder to run dockerdsl in, in-process, with a <see cref="FakeLinter"/>.</summary>
internal sealed class CliHarness : IDisposable
{
    private readonly TempDirectory _temp = new();

    public CliHarness()
    {
        // The temp folder sits under /tmp, which may hold .editorconfig files of its own: make this one the root.
        Write(".editorconfig", "root = true\n");
    }

    public string Root => _temp.Path;

    public FakeLinter Linter { get; } = new();

    public Dictionary<string, string> Environment { get; } = new(StringComparer.Ordinal);

    public string PathOf(string relative) => Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>Writes a file below <see cref="Root"/> (folders included) and returns its full path.</summary>
    public string Write(string relative, string text) => WriteBytes(relative, System.Text.Encoding.UTF8.GetBytes(text));

    public string WriteBytes(string relative, byte[] bytes)
    {
        var path = PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public CliResult Run(params string[] args) => RunIn(string.Empty, args);

    /// <summary>Runs with the current directory at <paramref name="folder"/> below <see cref="Root"/>.</summary>
    public CliResult RunIn(string folder, params string[] args) => RunWith(Linter.Lint, folder, args);

    public CliResult RunWith(LintFunction lint, string folder, params string[] args)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        var context = new CliContext(stdout, stderr, folder.Length == 0 ? Root : PathOf(folder), Environment, lint);
        var exitCode = Cli.RunAsync(args, context, CancellationToken.None).GetAwaiter().GetResult();
        return new CliResult(exitCode, stdout.ToString(), stderr.ToString());
    }

    public void Dispose() => _temp.Dispose();
}

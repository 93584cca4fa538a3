using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace DockerDsl.Build.Tests.Infrastructure;

/// <summary>
/// A <c>docker</c> shell script in a folder of its own, put first on PATH for a build: it records each command
/// line and answers <c>buildx version</c> and <c>buildx bake</c> as told, so the build target can be tested
/// without an engine, including the failures a real one cannot be made to show on demand.
/// </summary>
internal sealed class FakeDocker : IDisposable
{
    private readonly TempDirectory _temp = new();

    public FakeDocker(bool buildx = true, string? bakeOutput = null, int bakeExitCode = 0)
    {
        Xunit.Skip.If(OperatingSystem.IsWindows(), "The fake docker is a shell script.");
        BinDirectory = _temp.Combine("bin");
        Directory.CreateDirectory(BinDirectory);
        LogPath = _temp.Combine("calls.log");
        var bakeOutputPath = _temp.Combine("bake-output.txt");
        File.WriteAllText(bakeOutputPath, bakeOutput ?? "#1 [internal] load local bake definitions\n#1 DONE 0.0s\n");
        var script = Path.Combine(BinDirectory, "docker");
        File.WriteAllText(script, $$"""
            #!/bin/sh
            printf '%s\n' "$*" >> '{{LogPath}}'
            if [ "$1 $2" = "buildx version" ]; then
              {{(buildx ? "echo 'github.com/docker/buildx v0.13.1 fake'; exit 0" : "echo \"docker: 'buildx' is not a docker command.\" >&2; exit 1")}}
            fi
            if [ "$1 $2" = "buildx bake" ]; then
              cat '{{bakeOutputPath}}' >&2
              exit {{bakeExitCode}}
            fi
            echo "fake docker: unexpected command: $*" >&2
            exit 2
            """.ReplaceLineEndings("\n"));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    public string BinDirectory { get; }

    public string LogPath { get; }

    /// <summary>The build's environment: this folder first on PATH.</summary>
    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>
    {
        ["PATH"] = BinDirectory + Path.PathSeparator + System.Environment.GetEnvironmentVariable("PATH"),
    };

    /// <summary>The <c>buildx bake</c> command lines it was run with, in order.</summary>
    public string[] BakeCalls() => File.Exists(LogPath)
        ? File.ReadAllLines(LogPath).Where(line => line.StartsWith("buildx bake ", StringComparison.Ordinal)).ToArray()
        : [];

    public void Dispose() => _temp.Dispose();
}

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace DockerDsl.Tests.Shared;

/// <summary>One finding of dockerlinter: the line it names (which may be a line inside a multi-line instruction), its code, level and message.</summary>
public sealed record LinterFinding(int Line, string Code, string Level, string Message)
{
    public override string ToString() => $"line {Line}: {Code} ({Level}) {Message}";
}

/// <summary>What one dockerlinter run printed: its findings, or why it failed (its exception, when it did not print JSON).</summary>
public sealed record LinterRun(IReadOnlyList<LinterFinding> Findings, string? Failure)
{
    public bool Failed => Failure is not null;
}

/// <summary>
/// Runs dockerlinter (an npm port of hadolint's rules, installed by eng/install-linters.sh) as
/// <c>dockerlinter -f FILE -j -e none</c>. Each run has its own working folder: dockerlinter's
/// shellcheck step writes <c>temp&lt;line&gt;.sh</c> files there, which parallel runs would share otherwise.
/// </summary>
internal static class DockerLinter
{
    /// <summary>dockerlinter's codes for the rules DockerDsl models, and the DockerDsl ID of each.</summary>
    public static readonly IReadOnlyDictionary<string, string> Modelled = new Dictionary<string, string>
    {
        ["ER0001"] = "DDSL018", // DL4006 pipefail
        ["EU0001"] = "DDSL001", // DL3002 last USER root
        ["EI0001"] = "DDSL007", // DL4003/DL4004/DL3012 repeated CMD/ENTRYPOINT/HEALTHCHECK
        ["EI0003"] = "DDSL020", // DL4000 MAINTAINER
        ["EJ0002"] = "DDSL005", // DL3025 JSON form CMD/ENTRYPOINT
        ["EF0003"] = "DDSL004", // DL3007 latest
        ["EF0004"] = "DDSL004", // DL3006 untagged
        ["ER0002"] = "DDSL021", // DL3009 apt lists
        ["ER0003"] = "DDSL017", // DL3003 cd
        ["ER0004"] = "DDSL016", // DL3004 sudo
        ["ER0009"] = "DDSL013", // DL3014 -y
        ["ER0010"] = "DDSL014", // DL3015 --no-install-recommends
        ["ER0011"] = "DDSL026", // DL3019 apk add --no-cache
        ["ER0012"] = "DDSL028", // DL3008 apt-get version pins
        ["ER0013"] = "DDSL028", // DL3013 pip version pins
        ["ER0014"] = "DDSL028", // DL3016 npm version pins
        ["ER0015"] = "DDSL028", // DL3018 apk version pins
        ["ER0016"] = "DDSL028", // DL3028 gem version pins
        ["EA0002"] = "DDSL011", // DL3020 ADD for files
        ["EW0001"] = "DDSL008", // DL3000 relative WORKDIR
        ["ER0005"] = "DDSL030", // DL3001 commands that make no sense in a container
    };

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private static readonly string? Executable = Find();

    /// <summary>Why dockerlinter cannot run; null when it can. CI sets DOCKERDSL_LINTERS_REQUIRED=1 so a missing linter fails instead of skipping.</summary>
    public static string? MissingReason =>
        Executable is not null || Environment.GetEnvironmentVariable("DOCKERDSL_LINTERS_REQUIRED") == "1"
            ? null
            : "dockerlinter is not installed: run eng/install-linters.sh (npm install --ignore-scripts dockerlinter, plus Debian's shellcheck).";

    /// <summary>Lints Dockerfile text; a run that fails fails the test.</summary>
    public static async Task<IReadOnlyList<LinterFinding>> RunAsync(string dockerfile, string name)
    {
        var directory = Path.Combine(Path.GetTempPath(), "dockerdsl-dockerlinter", name + "-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, "Dockerfile");
        await File.WriteAllTextAsync(path, dockerfile);
        try
        {
            var run = await RunFileAsync(path);
            Assert.True(!run.Failed, $"dockerlinter failed on {name}:\n{run.Failure}");
            return run.Findings;
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>Lints the Dockerfile at <paramref name="path"/>, read in place.</summary>
    /// <param name="shellCheck">False runs no shellcheck on RUN (<c>-s none</c>): no SCxxxx findings, and a faster run.</param>
    public static async Task<LinterRun> RunFileAsync(string path, bool shellCheck = true)
    {
        if (Executable is null)
        {
            throw new InvalidOperationException("DOCKERDSL_LINTERS_REQUIRED is set but dockerlinter is not installed: run eng/install-linters.sh.");
        }

        var workingDirectory = Path.Combine(Path.GetTempPath(), "dockerdsl-dockerlinter", "run-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(workingDirectory);
        try
        {
            var start = new ProcessStartInfo(Executable) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory };
            foreach (var argument in new[] { "-f", Path.GetFullPath(path), "-j", "-e", "none" }.Concat(shellCheck ? Array.Empty<string>() : new[] { "-s", "none" }))
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            var exited = process.WaitForExitAsync();
            if (await Task.WhenAny(exited, Task.Delay(Timeout)) != exited)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"dockerlinter did not finish on {path} within {Timeout}.");
            }

            var json = (await output).Trim();
            if (process.ExitCode != 0 || (json.Length > 0 && !json.StartsWith('[')))
            {
                return new LinterRun(Array.Empty<LinterFinding>(), $"exit code {process.ExitCode}\n{json}\n{await error}");
            }

            // No findings: dockerlinter prints nothing at all.
            if (json.Length == 0)
            {
                return new LinterRun(Array.Empty<LinterFinding>(), null);
            }

            using var document = JsonDocument.Parse(json);
            var findings = document.RootElement.EnumerateArray()
                .Select(e => new LinterFinding(e.GetProperty("lineNumber").GetInt32(), e.GetProperty("code").GetString()!, e.GetProperty("level").GetString()!, e.GetProperty("message").GetString()!))
                .ToList();
            return new LinterRun(findings, null);
        }
        finally
        {
            Directory.Delete(workingDirectory, recursive: true);
        }
    }

    private static string? Find()
    {
        if (!OnPath("node"))
        {
            return null;
        }

        var local = SourceTree.File("eng", ".tools", "node_modules", ".bin", "dockerlinter");
        if (File.Exists(local))
        {
            return local;
        }

        return OnPath("dockerlinter") ? "dockerlinter" : null;
    }

    private static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
            .Any(directory => directory.Length > 0 && File.Exists(Path.Combine(directory, program)));
}

/// <summary>A fact that is skipped, with the reason, when dockerlinter is not installed (and DOCKERDSL_LINTERS_REQUIRED is not set).</summary>
public sealed class LinterFactAttribute : FactAttribute
{
    public LinterFactAttribute()
    {
        Skip = DockerLinter.MissingReason;
    }
}

/// <summary>A theory that is skipped, with the reason, when dockerlinter is not installed (and DOCKERDSL_LINTERS_REQUIRED is not set).</summary>
public sealed class LinterTheoryAttribute : TheoryAttribute
{
    public LinterTheoryAttribute()
    {
        Skip = DockerLinter.MissingReason;
    }
}

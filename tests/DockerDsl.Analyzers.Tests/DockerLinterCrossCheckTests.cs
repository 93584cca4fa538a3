using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using DockerDsl.Analyzers.Tests.Infrastructure;

namespace DockerDsl.Analyzers.Tests;

/// <summary>
/// Cross-checks the analyzers against dockerlinter (an npm port of hadolint's rules): for deliberately
/// bad declarations, every dockerlinter finding of a rule DockerDsl models must also be a compile-time
/// diagnostic; and the samples' Dockerfiles must have no dockerlinter warning beyond its documented
/// false positives. Skipped when dockerlinter is not installed (eng/install-linters.sh installs it).
/// </summary>
public class DockerLinterCrossCheckTests
{
    /// <summary>dockerlinter's codes for the rules DockerDsl models, and the DockerDsl ID of each.</summary>
    private static readonly Dictionary<string, string> Modelled = new()
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

    public static IEnumerable<object[]> BadDeclarations()
    {
        yield return new object[]
        {
            "root-shell-form",
            """
            using DockerDsl;

            [Dockerfile("Dockerfile")]
            public partial class Bad
            {
                [Stage(From = "ubuntu")]
                [Run("apt-get update", "apt-get install curl")]
                [Run("cd /tmp", "sudo make install")]
                [Run("curl -s https://example.com/install.sh | sh")]
                [WorkDir("app")]
                [User("root")]
                [CmdShell("node server.js")]
                public partial class Final;
            }
            """,
        };
        yield return new object[]
        {
            "latest-add-maintainer",
            """
            using DockerDsl;

            [Dockerfile("Dockerfile")]
            public partial class Bad
            {
                [Stage(From = "node:latest")]
                [Instruction("MAINTAINER me@example.com")]
                [WorkDir("/app")]
                [Add("package.json", "/app/")]
                [Run("apt-get update && apt-get install -y git")]
                [Cmd("node", "a.js")]
                [Cmd("node", "b.js")]
                [EntrypointShell("docker-entrypoint.sh")]
                public partial class Final;
            }
            """,
        };
        yield return new object[]
        {
            "pointless-commands",
            """
            using DockerDsl;

            [Dockerfile("Dockerfile")]
            public partial class Bad
            {
                [Stage(From = "debian:bookworm-slim")]
                [WorkDir("/app")]
                [Run("service cron start")]
                [Run("make; ps aux | grep make")]
                [Run("mount -o remount,rw /proc")]
                [Cmd("cron", "-f")]
                public partial class Final;
            }
            """,
        };
        yield return new object[]
        {
            "package-managers",
            """
            using DockerDsl;

            [Dockerfile("Dockerfile")]
            public partial class Bad
            {
                [Stage(From = "alpine:3.20")]
                [WorkDir("/app")]
                [Run("apk add python3 py3-pip")]
                [Run("pip install --no-cache-dir flask")]
                [Run("apk add --no-cache nodejs npm ruby", "npm install -g express")]
                [Run("gem install --no-document bundler")]
                [User("1001:1001")]
                [HealthCheck("wget -qO- http://localhost:8080/health")]
                [Cmd("python3", "-m", "flask", "run")]
                public partial class Final;
            }
            """,
        };
    }

    [LinterTheory]
    [MemberData(nameof(BadDeclarations))]
    public async Task Every_modelled_finding_of_dockerlinter_is_a_compile_time_diagnostic(string name, string source)
    {
        var dockerfile = DeclarationRunner.Dockerfile(source);
        var findings = await DockerLinter.RunAsync(dockerfile, name);
        var ours = (await DeclarationRunner.DiagnosticsAsync(source)).Select(d => d.Id).ToHashSet();

        var modelled = findings.Where(f => Modelled.ContainsKey(f.Code)).ToList();
        Assert.NotEmpty(modelled);
        var missed = modelled.Where(f => !ours.Contains(Modelled[f.Code])).ToList();
        Assert.True(missed.Count == 0, "dockerlinter found what DockerDsl did not:\n" + string.Join("\n", missed) + "\n\n" + dockerfile);
    }

    [LinterFact]
    public async Task The_samples_have_no_dockerlinter_warnings_beyond_documented_false_positives()
    {
        // Generated in-process from each sample's declarations, so the test needs no prior build of the samples.
        var samples = Directory.GetDirectories(SourceTree.File("samples")).Order(System.StringComparer.Ordinal).ToList();
        Assert.NotEmpty(samples);
        var checkedDockerfiles = 0;
        foreach (var sample in samples)
        {
            var sources = Directory.GetFiles(sample, "*.cs", SearchOption.AllDirectories)
                .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
                .Select(File.ReadAllText)
                .ToArray();
            foreach (var text in DeclarationRunner.Dockerfiles(sources))
            {
                checkedDockerfiles++;
                var findings = await DockerLinter.RunAsync(text, Path.GetFileName(sample));
                var lines = text.Split('\n');
                var unexpected = findings.Where(f => f.Level is "warning" or "error" && !DockerLinter.IsKnownFalsePositive(f, lines)).ToList();
                Assert.True(unexpected.Count == 0, sample + ":\n" + string.Join("\n", unexpected) + "\n\n" + text);
            }
        }

        Assert.True(checkedDockerfiles >= 1, "No sample declares a Dockerfile.");
    }
}

/// <summary>A fact that is skipped, with the reason, when dockerlinter is not installed.</summary>
public sealed class LinterFactAttribute : FactAttribute
{
    public LinterFactAttribute()
    {
        Skip = DockerLinter.MissingReason;
    }
}

/// <summary>A theory that is skipped, with the reason, when dockerlinter is not installed.</summary>
public sealed class LinterTheoryAttribute : TheoryAttribute
{
    public LinterTheoryAttribute()
    {
        Skip = DockerLinter.MissingReason;
    }
}

public sealed record LinterFinding(int Line, string Code, string Level, string Message)
{
    public override string ToString() => $"line {Line}: {Code} ({Level}) {Message}";
}

internal static class DockerLinter
{
    private static readonly string? Executable = Find();

    /// <summary>Null when dockerlinter can run; otherwise why the cross-check is skipped.</summary>
    /// <summary>Why the cross-check cannot run; null when it can. CI sets DOCKERDSL_LINTERS_REQUIRED=1 so a missing linter fails instead of skipping.</summary>
    public static string? MissingReason =>
        Executable is not null || Environment.GetEnvironmentVariable("DOCKERDSL_LINTERS_REQUIRED") == "1"
            ? null
            : "dockerlinter is not installed: run eng/install-linters.sh (npm install --ignore-scripts dockerlinter, plus Debian's shellcheck).";

    /// <summary>
    /// dockerlinter's documented false positives on DockerDsl output: shellcheck's SC2215 on every RUN
    /// flag (<c>--mount</c>, <c>--network</c>, <c>--security</c>: it reads the flag as the command), DL3009 (ER0002) when the apt lists are on a
    /// cache mount, and DL3025 (EJ0002) on the CMD of a HEALTHCHECK continued on the next line.
    /// </summary>
    public static bool IsKnownFalsePositive(LinterFinding finding, string[] lines)
    {
        var line = finding.Line >= 1 && finding.Line <= lines.Length ? lines[finding.Line - 1] : string.Empty;
        var instruction = InstructionAt(lines, finding.Line);
        return finding.Code switch
        {
            "SC2215" => instruction.TrimStart().StartsWith("RUN --", StringComparison.Ordinal),
            "ER0002" => instruction.Contains("target=/var/lib/apt"),
            "EJ0002" => instruction.TrimStart().StartsWith("HEALTHCHECK", StringComparison.Ordinal),
            _ => false,
        };
    }

    public static async Task<IReadOnlyList<LinterFinding>> RunAsync(string dockerfile, string name)
    {
        if (Executable is null)
        {
            throw new InvalidOperationException("DOCKERDSL_LINTERS_REQUIRED is set but dockerlinter is not installed: run eng/install-linters.sh.");
        }

        var directory = Path.Combine(Path.GetTempPath(), "dockerdsl-dockerlinter", name + "-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, "Dockerfile");
        await File.WriteAllTextAsync(path, dockerfile);
        try
        {
            var start = new ProcessStartInfo(Executable!) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in new[] { "-f", path, "-j", "-e", "none" })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var output = await process.StandardOutput.ReadToEndAsync();
            var error = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            var json = output.Trim();
            Assert.True(json.StartsWith('['), $"dockerlinter did not print JSON (exit {process.ExitCode}):\n{output}\n{error}");
            using var document = JsonDocument.Parse(json);
            return document.RootElement.EnumerateArray()
                .Select(e => new LinterFinding(e.GetProperty("lineNumber").GetInt32(), e.GetProperty("code").GetString()!, e.GetProperty("level").GetString()!, e.GetProperty("message").GetString()!))
                .ToList();
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>The whole instruction (with its continuation lines) that line <paramref name="number"/> belongs to.</summary>
    private static string InstructionAt(string[] lines, int number)
    {
        var first = Math.Clamp(number - 1, 0, Math.Max(lines.Length - 1, 0));
        while (first > 0 && lines[first - 1].TrimEnd().EndsWith('\\'))
        {
            first--;
        }

        var last = first;
        while (last < lines.Length - 1 && lines[last].TrimEnd().EndsWith('\\'))
        {
            last++;
        }

        return string.Join("\n", lines[first..(last + 1)]);
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

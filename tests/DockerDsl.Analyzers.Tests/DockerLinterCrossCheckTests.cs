using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
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

        var modelled = findings.Where(f => DockerLinter.Modelled.ContainsKey(f.Code)).ToList();
        Assert.NotEmpty(modelled);
        var missed = modelled.Where(f => !ours.Contains(DockerLinter.Modelled[f.Code])).ToList();
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
                var unexpected = findings.Where(f => f.Level is "warning" or "error" && !IsKnownFalsePositive(f, lines)).ToList();
                Assert.True(unexpected.Count == 0, sample + ":\n" + string.Join("\n", unexpected) + "\n\n" + text);
            }
        }

        Assert.True(checkedDockerfiles >= 1, "No sample declares a Dockerfile.");
    }

    /// <summary>
    /// dockerlinter's documented false positives on DockerDsl output: shellcheck's SC2215 on every RUN
    /// flag (<c>--mount</c>, <c>--network</c>, <c>--security</c>: it reads the flag as the command), DL3009 (ER0002) when the apt lists are on a
    /// cache mount, and DL3025 (EJ0002) on the CMD of a HEALTHCHECK continued on the next line.
    /// </summary>
    private static bool IsKnownFalsePositive(LinterFinding finding, string[] lines)
    {
        var instruction = InstructionAt(lines, finding.Line);
        return finding.Code switch
        {
            "SC2215" => instruction.TrimStart().StartsWith("RUN --", StringComparison.Ordinal),
            "ER0002" => instruction.Contains("target=/var/lib/apt"),
            "EJ0002" => instruction.TrimStart().StartsWith("HEALTHCHECK", StringComparison.Ordinal),
            _ => false,
        };
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
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using DockerDsl.Core.Model;

namespace DockerDsl.Core.Rules;

/// <summary>What the RUN command rules look for in the shell text of RUN instructions.</summary>
public enum RunCommandIssue
{
    /// <summary>DDSL013: <c>apt-get install</c> without <c>-y</c>.</summary>
    AptGetInstallWithoutYes,

    /// <summary>DDSL014: <c>apt-get install</c> without <c>--no-install-recommends</c>.</summary>
    AptGetInstallWithoutNoInstallRecommends,

    /// <summary>DDSL015: <c>apt</c>, whose command line interface is not stable, instead of <c>apt-get</c>.</summary>
    AptInsteadOfAptGet,

    /// <summary>DDSL016: <c>sudo</c>.</summary>
    Sudo,

    /// <summary>DDSL017: <c>cd</c> instead of WORKDIR.</summary>
    CdInsteadOfWorkDir,

    /// <summary>DDSL018: a pipe without <c>pipefail</c>, so a failure before the last command goes unnoticed.</summary>
    PipeWithoutPipefail,

    /// <summary>DDSL021: <c>apt-get update</c> whose package lists stay in the layer.</summary>
    AptListsLeftInLayer,

    /// <summary>DDSL026: <c>apk add</c> without <c>--no-cache</c>, so the package index stays in the layer.</summary>
    ApkAddWithoutNoCache,

    /// <summary>DDSL027: <c>pip install</c> without <c>--no-cache-dir</c>, so pip's cache stays in the layer.</summary>
    PipInstallWithoutNoCacheDir,

    /// <summary>DDSL028: a package installed without a version (apt-get, apk, pip, npm, gem).</summary>
    UnpinnedPackage,

    /// <summary>DDSL030: a command that makes no sense in a container, such as <c>service</c>, <c>ps</c> or <c>vim</c>.</summary>
    PointlessCommand,
}

/// <summary>
/// Rules on the shell text of RUN (shell form, heredoc, raw). Each RUN is found at most once per
/// issue, at its command argument. Arguments: the command at fault (empty for pipes); for
/// <see cref="RunCommandIssue.UnpinnedPackage"/> the package manager, the unpinned packages, and the
/// first of them written with a version.
/// </summary>
public static class RunCommandRules
{
    // hadolint's DL3001 list (its message also names ifconfig, which dockerlinter's ER0005 checks too).
    private static readonly HashSet<string> PointlessCommands = new(StringComparer.Ordinal)
    {
        "ssh", "vim", "shutdown", "service", "ps", "free", "top", "kill", "mount", "ifconfig",
    };

    private const string PipNoCacheDir = "PIP_NO_CACHE_DIR";

    private static readonly HashSet<string> SudoOptionsWithValue = new(StringComparer.Ordinal) { "-u", "-g", "-p", "-C", "-D", "-R", "-r", "-t", "-T", "-U" };

    private static readonly ConditionalWeakTable<Instruction, ParsedScript> ParsedScripts = new();

    private static readonly HashSet<string> NonPosixShells = new(StringComparer.OrdinalIgnoreCase) { "pwsh", "powershell", "cmd", "cmd.exe", "powershell.exe", "pwsh.exe" };

    public static IEnumerable<Finding> Find(DockerfileModel model, RunCommandIssue issue)
    {
        foreach (var stage in model.Stages)
        {
            var pipefailShell = false;
            var pipCacheOff = false;
            foreach (var (owner, instruction) in StageChain.Instructions(model, stage))
            {
                if (ShellSetsPipefail(instruction) is { } shellPipefail)
                {
                    pipefailShell = shellPipefail;
                    continue;
                }

                if (SetsPipNoCacheDir(instruction) is { } noCacheDir)
                {
                    pipCacheOff = noCacheDir;
                    continue;
                }

                if (owner != stage || CommandsOf(instruction) is not { } commands)
                {
                    continue;
                }

                var context = new RunContext(pipefailShell, pipCacheOff, CacheTargets(instruction));
                var arguments = Check(commands, issue, context);
                if (arguments is not null)
                {
                    yield return Finding.At(instruction.Source.WithArgument(0), arguments);
                }
            }
        }
    }

    /// <summary>
    /// The simple commands of a RUN run by a shell, or null. Parsed once per instruction: every RUN
    /// rule reads the same model, which the analyzers share within a compilation.
    /// </summary>
    public static IReadOnlyList<ShellCommand>? CommandsOf(Instruction instruction) =>
        ParsedScripts.GetValue(instruction, static i => new ParsedScript(ScriptOf(i) is { } script ? ShellScript.Parse(script) : null)).Commands;

    /// <summary>The shell text of a RUN, or null when it is not run by a shell.</summary>
    public static string? ScriptOf(Instruction instruction)
    {
        switch (instruction)
        {
            case RunInstruction { Form: RunForm.Shell } run:
                // The Dockerfile continues each line on the next, so the shell reads one line.
                return string.Join(" ", run.Lines);
            case RunInstruction { Form: RunForm.Heredoc, HeredocCommand: { } command }:
                // The shell runs the command line; the bodies are what it feeds the commands.
                return command;
            case RunInstruction { Form: RunForm.Heredoc } run:
                // <<- removes the leading tabs of every line before the shell reads it.
                var script = run.Lines.Count == 0 ? string.Empty : run.Marker is { } marker ? marker.Content(run.Lines[0]) : run.Lines[0];
                var firstLine = script.Split('\n')[0];
                return firstLine.StartsWith("#!", StringComparison.Ordinal) && !firstLine.EndsWith("sh", StringComparison.Ordinal) ? null : script;
            case RawInstruction { Keyword: "RUN" } raw:
                var text = RawFlags(raw, out _);
                return text.StartsWith("[", StringComparison.Ordinal) ? null : text;
            default:
                return null;
        }
    }

    /// <summary>For SHELL: whether pipes fail as a whole (or the shell is not a POSIX one); null for other instructions.</summary>
    private static bool? ShellSetsPipefail(Instruction instruction)
    {
        switch (instruction)
        {
            case ShellInstruction shell:
                var words = shell.Command.ToList();
                return (words.Count > 0 && NonPosixShells.Contains(words[0].Split('/', '\\').Last())) || SetsPipefail(words, 1);
            case RawInstruction { Keyword: "SHELL" } raw:
                var text = Keywords.Arguments(raw);
                return text.Contains("pipefail") || NonPosixShells.Any(s => text.IndexOf(s, StringComparison.OrdinalIgnoreCase) >= 0);
            default:
                return null;
        }
    }

    /// <summary>For ENV: whether it sets PIP_NO_CACHE_DIR (pip takes any value as "no cache"); null when it does not name it.</summary>
    private static bool? SetsPipNoCacheDir(Instruction instruction) => instruction switch
    {
        EnvInstruction env when env.Variables.Any(v => v.Key == PipNoCacheDir) => env.Variables.Any(v => v.Key == PipNoCacheDir && v.Value is not ("" or "\"\"" or "''")),
        RawInstruction { Keyword: "ENV" } raw when Regex.Match(Keywords.Arguments(raw), @"(?:^|\s)PIP_NO_CACHE_DIR(?:=|\s+)(\S*)") is { Success: true } match =>
            match.Groups[1].Value is not ("" or "\"\"" or "''"),
        _ => null,
    };

    /// <summary>The targets of the cache mounts of a RUN, without a trailing slash.</summary>
    private static IReadOnlyList<string> CacheTargets(Instruction instruction)
    {
        var targets = new List<string>();
        if (instruction is RunInstruction run)
        {
            targets.AddRange(run.Mounts.Where(m => m.Type == "cache").Select(m => m.Get("target")).OfType<string>());
        }
        else if (instruction is RawInstruction { Keyword: "RUN" } raw)
        {
            RawFlags(raw, out var flags);
            foreach (var flag in flags.Where(f => f.StartsWith("--mount=", StringComparison.Ordinal)))
            {
                var options = flag.Substring("--mount=".Length).Split(',')
                    .Select(o => o.Split(new[] { '=' }, 2))
                    .ToLookup(kv => kv[0].Trim('"', '\''), kv => kv.Length > 1 ? kv[1].Trim('"', '\'') : string.Empty);
                if (options["type"].FirstOrDefault() == "cache" && options["target"].Concat(options["dst"]).Concat(options["destination"]).FirstOrDefault() is { } target)
                {
                    targets.Add(target);
                }
            }
        }

        return targets.Select(t => t.Length > 1 ? t.TrimEnd('/') : t).ToList();
    }

    /// <summary>What follows the flags (<c>--mount=...</c>, <c>--network=...</c>) of a raw RUN; the flags in <paramref name="flags"/>.</summary>
    private static string RawFlags(RawInstruction raw, out List<string> flags)
    {
        flags = new List<string>();
        var text = Keywords.Arguments(raw);
        while (text.StartsWith("--", StringComparison.Ordinal))
        {
            var space = text.IndexOf(' ');
            flags.Add(space < 0 ? text : text.Substring(0, space));
            text = space < 0 ? string.Empty : text.Substring(space + 1).TrimStart();
        }

        return text;
    }

    private static string[]? Check(IReadOnlyList<ShellCommand> commands, RunCommandIssue issue, RunContext context)
    {
        if (NoCacheOption(issue) is not null)
        {
            var cached = issue == RunCommandIssue.ApkAddWithoutNoCache
                ? context.Caches(t => t is "/var/cache/apk" or "/etc/apk/cache") || LinksApkCacheToCacheMount(commands, context)
                : context.Caches(t => t.EndsWith("/.cache/pip", StringComparison.Ordinal));
            return cached ? null : WithoutNoCacheOption(commands, issue, context.PipCacheOff).Select(found => new[] { string.Join(" ", found.Original.Words) }).FirstOrDefault();
        }

        var pipefail = context.Pipefail;
        var updatesApt = false;
        var removesLists = false;
        foreach (var original in commands)
        {
            var command = WithoutSudo(original, out var sudo);
            var text = string.Join(" ", original.Words);
            switch (issue)
            {
                case RunCommandIssue.Sudo when sudo:
                case RunCommandIssue.CdInsteadOfWorkDir when command.Name == "cd":
                case RunCommandIssue.AptInsteadOfAptGet when command.Name == "apt":
                case RunCommandIssue.PointlessCommand when IsPointless(command):
                    return new[] { text };
                case RunCommandIssue.AptGetInstallWithoutYes when IsAptGetInstall(command) && !HasYes(command):
                case RunCommandIssue.AptGetInstallWithoutNoInstallRecommends when IsAptGetInstall(command) && !HasNoInstallRecommends(command):
                    return new[] { text };
                case RunCommandIssue.PipeWithoutPipefail:
                    if (command.Name == "set" && SetsPipefail(command.Words, 1))
                    {
                        pipefail = true;
                    }
                    else if (command.PipedFrom && !pipefail)
                    {
                        return new[] { string.Empty };
                    }

                    break;
                case RunCommandIssue.AptListsLeftInLayer:
                    // apt 3's 'install --update' updates the lists first; 'dist-clean' removes them.
                    updatesApt |= command.Name is "apt-get" or "apt" && (command.Words.Contains("update") || command.Words.Contains("--update"));
                    removesLists |= (command.Name == "rm" && command.Words.Any(w => w.StartsWith("/var/lib/apt/lists", StringComparison.Ordinal)))
                        || (command.Name is "apt-get" or "apt" && command.Words.Contains("dist-clean"));
                    break;
                case RunCommandIssue.UnpinnedPackage when PackageCommand.Read(command) is { } packages && packages.UnpinnedPackages() is { Count: > 0 } unpinned:
                    var named = string.Join(", ", unpinned.Take(3).Select(p => "'" + p + "'")) + (unpinned.Count > 3 ? $" and {unpinned.Count - 3} more" : string.Empty);
                    return new[] { packages.Manager, named, packages.Pinned(unpinned[0]) };
            }
        }

        return issue == RunCommandIssue.AptListsLeftInLayer && updatesApt && !removesLists && !context.Caches(t => t is "/var/lib/apt" or "/var/lib/apt/lists")
            ? new[] { "apt-get update" }
            : null;
    }

    /// <summary>The option DDSL026 or DDSL027 asks for: <c>--no-cache</c> for apk, <c>--no-cache-dir</c> for pip; null for the other issues.</summary>
    public static string? NoCacheOption(RunCommandIssue issue) => issue switch
    {
        RunCommandIssue.ApkAddWithoutNoCache => "--no-cache",
        RunCommandIssue.PipInstallWithoutNoCacheDir => "--no-cache-dir",
        _ => null,
    };

    /// <summary>
    /// For DDSL026 and DDSL027: where <see cref="NoCacheOption"/> goes in the text <paramref name="commands"/> were
    /// parsed from, right after the <c>add</c> or <c>install</c> of every command the rule finds, so that adding it at
    /// each place clears the RUN. The RUN's cache mounts and the stage's ENV are not read: they are what keeps a RUN
    /// from being reported at all. Null when a command found has no such place.
    /// </summary>
    public static IReadOnlyList<int>? NoCacheOptionPlaces(IReadOnlyList<ShellCommand> commands, RunCommandIssue issue)
    {
        var places = new List<int>();
        foreach (var found in WithoutNoCacheOption(commands, issue, pipCacheOff: false))
        {
            if (found.Package.SubcommandWord < 0 || found.Package.SubcommandWord >= found.Command.WordEnds.Count)
            {
                return null;
            }

            places.Add(found.Command.WordEnds[found.Package.SubcommandWord]);
        }

        return places;
    }

    /// <summary>The commands that install with apk without <c>--no-cache</c> (DDSL026), or with pip while its cache is on (DDSL027), in order.</summary>
    private static IEnumerable<(ShellCommand Original, ShellCommand Command, PackageCommand Package)> WithoutNoCacheOption(IReadOnlyList<ShellCommand> commands, RunCommandIssue issue, bool pipCacheOff)
    {
        var manager = issue == RunCommandIssue.ApkAddWithoutNoCache ? "apk" : "pip";
        var option = NoCacheOption(issue);
        foreach (var original in commands)
        {
            var command = WithoutSudo(original, out _);
            pipCacheOff |= command.Name == "export" && command.Words.Any(IsPipNoCacheDirAssignment);
            // apk add --no-network fetches no index, so it leaves none.
            if (option is not null && PackageCommand.Read(command) is { Installs: true } package && package.Manager == manager && !package.HasOption(option)
                && (manager == "apk" ? !package.HasOption("--no-network") : !pipCacheOff && !original.Assignments.Any(IsPipNoCacheDirAssignment)))
            {
                yield return (original, command, package);
            }
        }
    }

    private static bool IsPipNoCacheDirAssignment(string word) =>
        word.StartsWith(PipNoCacheDir + "=", StringComparison.Ordinal) && word.Length > PipNoCacheDir.Length + 1;

    private static ShellCommand WithoutSudo(ShellCommand command, out bool sudo)
    {
        sudo = command.Name == "sudo";
        if (!sudo)
        {
            return command;
        }

        var start = 1;
        while (start < command.Words.Count && command.Words[start].StartsWith("-", StringComparison.Ordinal))
        {
            var option = command.Words[start++];
            if (option == "--")
            {
                break;
            }

            // Options that take the next word as their value (sudo -u user, -g group, ...).
            if (SudoOptionsWithValue.Contains(option))
            {
                start++;
            }
        }

        return command with { Words = command.Words.Skip(start).ToList(), WordEnds = command.WordEnds.Skip(start).ToList() };
    }

    /// <summary>Whether the command run, by name or by path, is one of <see cref="PointlessCommands"/>.</summary>
    private static bool IsPointless(ShellCommand command) =>
        PointlessCommands.Contains(command.Name.Substring(command.Name.LastIndexOf('/') + 1));

    /// <summary>
    /// Whether the RUN makes apk's cache (<c>/etc/apk/cache</c>, which apk uses instead of <c>/var/cache/apk</c>
    /// when it exists) a link to one of the RUN's cache mounts: <c>ln -s /cache-mount /etc/apk/cache</c>.
    /// </summary>
    private static bool LinksApkCacheToCacheMount(IReadOnlyList<ShellCommand> commands, RunContext context) =>
        commands.Any(c => c.Name == "ln" && c.Words.Count >= 3
            && c.Words.Skip(1).Any(w => w == "--symbolic" || (w.Length > 1 && w[0] == '-' && w[1] != '-' && w.IndexOf('s') > 0))
            && c.Words[c.Words.Count - 1].TrimEnd('/') == "/etc/apk/cache"
            && context.Caches(t => t == c.Words[c.Words.Count - 2].TrimEnd('/')));

    private static bool IsAptGetInstall(ShellCommand command) => PackageCommand.Read(command) is { Manager: "apt-get", Installs: true };

    private static bool HasYes(ShellCommand command) =>
        command.Words.Any(w => w is "--yes" or "--assume-yes" or "-qq" or "-q=2" or "--quiet=2"
            || PackageCommand.HasAptGetShortFlag(w, 'y')
            || w.IndexOf("APT::Get::Assume-Yes=true", StringComparison.OrdinalIgnoreCase) >= 0);

    private static bool HasNoInstallRecommends(ShellCommand command) =>
        command.Words.Any(w => w == "--no-install-recommends" || w.Contains("APT::Install-Recommends=false") || w.Contains("APT::Install-Recommends=0"));

    /// <summary><c>-o pipefail</c> or a short-option cluster with <c>o</c> (<c>-euo pipefail</c>) among <paramref name="words"/>.</summary>
    private static bool SetsPipefail(IReadOnlyList<string> words, int start)
    {
        for (var i = Math.Max(start, 1); i < words.Count; i++)
        {
            var previous = words[i - 1];
            if (words[i] == "pipefail" && previous.Length > 1 && previous[0] == '-' && previous[1] != '-' && previous.IndexOf('o') > 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>What a RUN's shell text is read with besides itself: the shell, the environment, its cache mounts.</summary>
    private readonly record struct RunContext(bool Pipefail, bool PipCacheOff, IReadOnlyList<string> CacheTargets)
    {
        public bool Caches(Func<string, bool> target) => CacheTargets.Any(target);
    }
}

/// <summary>A RUN's parsed shell commands (null when a shell does not run it).</summary>
internal sealed class ParsedScript
{
    public ParsedScript(IReadOnlyList<ShellCommand>? commands) => Commands = commands;

    public IReadOnlyList<ShellCommand>? Commands { get; }
}

using System;
using System.Collections.Generic;
using System.Linq;
using DockerDsl.Declarations.Model;

namespace DockerDsl.Declarations.Rules;

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

    /// <summary>DDSL030: a command that makes no sense in a container, such as <c>service</c>, <c>ps</c> or <c>vim</c>.</summary>
    PointlessCommand,
}

/// <summary>
/// Rules on the shell text of RUN (shell form, heredoc, raw). Each RUN is found at most once per
/// issue, at its command argument. Arguments: the command at fault (empty for pipes).
/// </summary>
public static class RunCommandRules
{
    // hadolint's DL3001 list (its message also names ifconfig, which dockerlinter's ER0005 checks too).
    private static readonly HashSet<string> PointlessCommands = new(StringComparer.Ordinal)
    {
        "ssh", "vim", "shutdown", "service", "ps", "free", "top", "kill", "mount", "ifconfig",
    };

    // Words that open a compound command; the command they run follows them.
    private static readonly HashSet<string> ReservedWords = new(StringComparer.Ordinal) { "!", "if", "then", "elif", "else", "while", "until", "do" };

    private static readonly HashSet<string> NonPosixShells = new(StringComparer.OrdinalIgnoreCase) { "pwsh", "powershell", "cmd", "cmd.exe", "powershell.exe", "pwsh.exe" };

    public static IEnumerable<Finding> Find(DockerfileModel model, RunCommandIssue issue)
    {
        foreach (var stage in model.Stages)
        {
            var pipefailShell = false;
            foreach (var (owner, instruction) in StageChain.Instructions(model, stage))
            {
                if (ShellSetsPipefail(instruction) is { } shellPipefail)
                {
                    pipefailShell = shellPipefail;
                    continue;
                }

                if (owner != stage || ScriptOf(instruction) is not { } script)
                {
                    continue;
                }

                var finding = Check(ShellScript.Parse(script), issue, pipefailShell, HasAptListsMount(instruction));
                if (finding is not null)
                {
                    yield return Finding.At(instruction.Source.WithArgument(0), finding);
                }
            }
        }
    }

    /// <summary>The shell text of a RUN, or null when it is not run by a shell.</summary>
    public static string? ScriptOf(Instruction instruction)
    {
        switch (instruction)
        {
            case RunInstruction { Form: RunForm.Shell } run:
                return string.Join("\n", run.Lines);
            case RunInstruction { Form: RunForm.Heredoc } run:
                var script = run.Lines.Count > 0 ? run.Lines[0] : string.Empty;
                var firstLine = script.Split('\n')[0];
                return firstLine.StartsWith("#!", StringComparison.Ordinal) && !firstLine.EndsWith("sh", StringComparison.Ordinal) ? null : script;
            case RawInstruction { Keyword: "RUN" } raw:
                var text = Keywords.Arguments(raw);
                while (text.StartsWith("--", StringComparison.Ordinal))
                {
                    var space = text.IndexOf(' ');
                    text = space < 0 ? string.Empty : text.Substring(space + 1).TrimStart();
                }

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

    private static bool HasAptListsMount(Instruction instruction) => instruction switch
    {
        RunInstruction run => run.Mounts.Any(m => m.Type == "cache" && m.Get("target") is { } t && t.TrimEnd('/') is "/var/lib/apt" or "/var/lib/apt/lists"),
        RawInstruction raw => raw.Text.Contains("target=/var/lib/apt"),
        _ => false,
    };

    private static string? Check(IReadOnlyList<ShellCommand> commands, RunCommandIssue issue, bool pipefail, bool aptListsMounted)
    {
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
                    return text;
                case RunCommandIssue.AptGetInstallWithoutYes when IsAptGetInstall(command) && !HasYes(command):
                case RunCommandIssue.AptGetInstallWithoutNoInstallRecommends when IsAptGetInstall(command) && !HasNoInstallRecommends(command):
                    return text;
                case RunCommandIssue.PipeWithoutPipefail:
                    if (command.Name == "set" && SetsPipefail(command.Words, 1))
                    {
                        pipefail = true;
                    }
                    else if (command.PipedFrom && !pipefail)
                    {
                        return string.Empty;
                    }

                    break;
                case RunCommandIssue.AptListsLeftInLayer:
                    updatesApt |= command.Name is "apt-get" or "apt" && command.Words.Contains("update");
                    removesLists |= command.Name == "rm" && command.Words.Any(w => w.StartsWith("/var/lib/apt/lists", StringComparison.Ordinal));
                    break;
            }
        }

        return issue == RunCommandIssue.AptListsLeftInLayer && updatesApt && !removesLists && !aptListsMounted ? "apt-get update" : null;
    }

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
            start++;
        }

        return command with { Words = command.Words.Skip(start).ToList() };
    }

    /// <summary>Whether the command run (after reserved words such as <c>if</c>, by name or by path) is one of <see cref="PointlessCommands"/>.</summary>
    private static bool IsPointless(ShellCommand command)
    {
        var name = command.Words.FirstOrDefault(w => !ReservedWords.Contains(w)) ?? string.Empty;
        return PointlessCommands.Contains(name.Substring(name.LastIndexOf('/') + 1));
    }

    private static bool IsAptGetInstall(ShellCommand command) => command.Name == "apt-get" && command.Words.Contains("install");

    private static bool HasYes(ShellCommand command) =>
        command.Words.Any(w => w is "--yes" or "--assume-yes" or "-qq" or "-q=2" or "--quiet=2"
            || (w.Length > 1 && w[0] == '-' && w[1] != '-' && w.IndexOf('y') > 0));

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
}

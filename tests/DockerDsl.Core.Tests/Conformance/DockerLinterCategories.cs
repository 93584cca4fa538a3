using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using DockerDsl.Core.Model;
using DockerDsl.Core.Rules;

namespace DockerDsl.Core.Tests.Conformance;

/// <summary>A documented reason why DockerDsl and dockerlinter disagree on one rule: its name is a heading in docs/rules/README.md.</summary>
/// <param name="Rules">The DockerDsl rules it explains.</param>
public sealed record DockerLinterCategory(string Name, IReadOnlyList<string> Rules, Side Side, Func<DockerLinterDisagreement, bool> Applies)
{
    public bool Explains(DockerLinterDisagreement disagreement) =>
        Side == disagreement.Side && Rules.Contains(disagreement.Rule) && Applies(disagreement);
}

/// <summary>
/// Every documented disagreement with dockerlinter on the real Dockerfiles of the corpus (see
/// "Compared with dockerlinter on real Dockerfiles" in docs/rules/README.md), each a small predicate.
/// </summary>
public static class DockerLinterCategories
{
    /// <summary>The JavaScript errors dockerlinter stops with on some files, which it then reports nothing for.</summary>
    public static readonly IReadOnlyList<string> DockerlinterFails = new[]
    {
        // An ENV value it reads as a variable name and puts into a regular expression unescaped (g++).
        "SyntaxError: Invalid regular expression",

        // FROM ${ARG} whose ARG has no default: the image is empty and its name pattern matches nothing.
        "TypeError: Cannot read properties of null (reading '0')",
    };

    private static readonly Regex QuotedCd = new(@"(^|[;&|]\s*)cd\s", RegexOptions.CultureInvariant);

    private static readonly Regex QuotedPipe = new(@"(^|\s)\|(\s|$)", RegexOptions.CultureInvariant);

    private static readonly Regex WindowsDrive = new(@"^[""']?[A-Za-z]:[\\/]", RegexOptions.CultureInvariant);

    public static IReadOnlyList<DockerLinterCategory> All { get; } = new DockerLinterCategory[]
    {
        new("HeredocRun", new[] { "DDSL017", "DDSL018", "DDSL021", "DDSL026", "DDSL028" }, Side.OursOnly,
            d => d.Node is { Value: "run" } node && node.Heredocs.Count > 0),

        new("NoUserInstruction", new[] { "DDSL001" }, Side.OursOnly,
            d => d.Stage is { } stage && ReferenceEquals(stage, d.Model.FinalStage) && StageChain.Last(d.Model, stage, "USER") is null),

        new("UserFromBaseImageVariable", new[] { "DDSL001" }, Side.OursOnly,
            d => d.Instruction is UserInstruction user && user.Text.Contains('$')),

        new("ScratchWithStageName", new[] { "DDSL004" }, Side.TheirsOnly,
            d => d.Instruction is null && d.Stage?.Base.Image == "scratch"),

        new("PlatformFlagBeforeStageName", new[] { "DDSL004" }, Side.TheirsOnly,
            d => d.Instruction is null && d.Stage is { Platform: not null, Base.Stage: not null }),

        new("VariableMayNameStage", new[] { "DDSL004" }, Side.TheirsOnly,
            d => d.Instruction is null && d.Stage?.Base.Image is { } image && ImageReference.Parse(image) is { Tag: null } reference
                && reference.Name.Substring(reference.Name.LastIndexOf('/') + 1).Contains('$')),

        new("CountedPerFile", new[] { "DDSL007" }, Side.TheirsOnly,
            d => d.Instruction is { } instruction && d.Stage is { } stage
                && ReferenceEquals(stage.Instructions.Last(i => Keywords.Of(i) == Keywords.Of(instruction)), instruction)),

        new("WindowsDrivePath", new[] { "DDSL008" }, Side.TheirsOnly,
            d => d.Instruction is WorkDirInstruction { Path: var path } && path.StartsWith('$')
                && d.AllInstructions.OfType<EnvInstruction>().SelectMany(e => e.Variables)
                    .Any(v => v.Key == path.Trim('$', '{', '}') && WindowsDrive.IsMatch(v.Value))),

        new("RelativeAfterAbsoluteWorkdir", new[] { "DDSL008" }, Side.TheirsOnly,
            d => d.Instruction is WorkDirInstruction && d.Stage is { } stage
                && stage.Instructions.TakeWhile(i => !ReferenceEquals(i, d.Instruction)).OfType<WorkDirInstruction>().Any(w => w.Path.StartsWith('/'))),

        new("QuotedUrlSource", new[] { "DDSL011" }, Side.TheirsOnly,
            d => d.Instruction is CopyInstruction { Kind: CopyKind.Add } add && add.Sources.All(s => CopyRules.IsRemote(s) || CopyRules.IsGit(s))
                && d.Node is { } node && node.Original.Contains('"')),

        new("AptGetSimulation", new[] { "DDSL014" }, Side.TheirsOnly,
            d => d.Commands is { } commands
                && commands.Select(PackageCommand.Read).Any(p => p is { Manager: "apt-get", Subcommand: "install", Installs: false })),

        new("QuotedScriptArgument", new[] { "DDSL017", "DDSL018" }, Side.TheirsOnly,
            d => d.Commands is { } commands && commands.Any(c => c.Words.Skip(1).Any(w => w.Contains(' ')
                && (d.Rule == "DDSL017" ? QuotedCd : QuotedPipe).IsMatch(w)))),

        new("NonPosixShell", new[] { "DDSL018", "DDSL028" }, Side.TheirsOnly,
            d => d.Stage is { } stage && d.Instruction is { } instruction
                && StageChain.Instructions(d.Model, stage).TakeWhile(x => !ReferenceEquals(x.Instruction, instruction)).Select(x => x.Instruction)
                    .OfType<ShellInstruction>().LastOrDefault() is { Command.Count: > 0 } shell
                && shell.Command[0].Split('/', '\\').Last().ToLowerInvariant() is "powershell" or "pwsh" or "cmd" or "powershell.exe" or "pwsh.exe" or "cmd.exe"),

        new("AptGetDistClean", new[] { "DDSL021" }, Side.TheirsOnly,
            d => d.Commands is { } commands && commands.Any(c => c.Name is "apt-get" or "apt" && c.Words.Contains("dist-clean"))),

        new("ListsDirectoryRemoved", new[] { "DDSL021" }, Side.TheirsOnly,
            d => d.Commands is { } commands && commands.Any(c => c.Name == "rm" && c.Words.Any(w => w.TrimEnd('/') == "/var/lib/apt/lists"))),

        new("AptNotAptGet", new[] { "DDSL021" }, Side.OursOnly,
            d => d.Commands is { } commands && commands.Any(c => c.Name == "apt" && c.Words.Contains("update"))
                && !commands.Any(c => c.Name == "apt-get" && c.Words.Contains("install"))),

        new("StopsAfterFirstNoCache", new[] { "DDSL026" }, Side.OursOnly,
            d => d.AllInstructions.TakeWhile(i => i.Source.Line < d.Line)
                .Any(i => RunCommandRules.CommandsOf(i) is { } commands
                    && commands.Select(PackageCommand.Read).Any(p => p is { Manager: "apk", Subcommand: "add" } && p.HasOption("--no-cache")))),

        new("ApkCacheLinkedToCacheMount", new[] { "DDSL026" }, Side.TheirsOnly,
            d => d.Instruction is RunInstruction run && run.Mounts.Any(m => m.Type == "cache")
                && d.Commands is { } commands && commands.Any(c => c.Name == "ln" && c.Words.LastOrDefault()?.TrimEnd('/') == "/etc/apk/cache")),

        new("PackagesFromXargs", new[] { "DDSL028" }, Side.TheirsOnly,
            d => d.Commands is { } commands && commands.Any(c => c.Name == "xargs" && c.Words.Any(w => w is "apt-get" or "apk"))),

        new("LocalPackageFiles", new[] { "DDSL028" }, Side.TheirsOnly,
            d => d.Commands is { } commands
                && commands.Select(PackageCommand.Read).Where(p => p is { Installs: true }).ToList() is { Count: > 0 } installs
                && installs.All(p => p!.Operands.All(o => o.Contains('/')))),
    };

    /// <summary>The categories that explain <paramref name="disagreement"/>.</summary>
    public static IEnumerable<DockerLinterCategory> Explaining(DockerLinterDisagreement disagreement) => All.Where(c => c.Explains(disagreement));
}

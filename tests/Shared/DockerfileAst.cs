using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;

namespace DockerDsl.Tests.Shared;

/// <summary>One instruction as dockerfile-ast reads it: keyword, flags, arguments (quotes resolved for ENV, LABEL, ARG and JSON forms), heredoc bodies, and the ONBUILD trigger.</summary>
public sealed record AstInstruction(string Keyword, IReadOnlyList<string> Flags, IReadOnlyList<string> Arguments, IReadOnlyList<string> Heredocs, AstInstruction? Trigger)
{
    public override string ToString() =>
        $"{Keyword} [{string.Join(" ", Flags)}] {string.Join(" | ", Arguments)}{(Heredocs.Count == 0 ? string.Empty : " heredocs: " + string.Join(" | ", Heredocs))}{(Trigger is null ? string.Empty : " trigger: " + Trigger)}";

    public bool SameAs(AstInstruction other) =>
        Keyword.Equals(other.Keyword, StringComparison.OrdinalIgnoreCase)
        && Flags.SequenceEqual(other.Flags) && Arguments.SequenceEqual(other.Arguments) && Heredocs.SequenceEqual(other.Heredocs)
        && (Trigger is null ? other.Trigger is null : other.Trigger is not null && Trigger.SameAs(other.Trigger));
}

/// <summary>One Dockerfile as dockerfile-ast reads it: its parser directives and instructions.</summary>
public sealed record AstDockerfile(string File, IReadOnlyList<(string Name, string Value)> Directives, IReadOnlyList<AstInstruction> Instructions);

/// <summary>
/// Runs rcjsuen's dockerfile-ast, the parser behind VS Code's Dockerfile support (npm, installed by
/// eng/install-linters.sh), through eng/dockerfile-ast/dump.js: a Dockerfile parser nobody here wrote.
/// </summary>
internal static class DockerfileAst
{
    private static readonly string Script = SourceTree.File("eng", "dockerfile-ast", "dump.js");
    private static readonly string Package = SourceTree.File("eng", ".tools", "node_modules", "dockerfile-ast", "package.json");

    /// <summary>Why it cannot run; null when it can. CI sets DOCKERDSL_LINTERS_REQUIRED=1 so that a missing parser fails instead of skipping.</summary>
    public static string? MissingReason =>
        (File.Exists(Package) && OnPath("node")) || Environment.GetEnvironmentVariable("DOCKERDSL_LINTERS_REQUIRED") == "1"
            ? null
            : "dockerfile-ast is not installed: run eng/install-linters.sh (npm install dockerfile-ast).";

    /// <summary>Reads <paramref name="files"/> in one node process, in order.</summary>
    public static async Task<IReadOnlyList<AstDockerfile>> ReadAsync(IReadOnlyList<string> files)
    {
        if (!File.Exists(Package))
        {
            throw new InvalidOperationException("DOCKERDSL_LINTERS_REQUIRED is set but dockerfile-ast is not installed: run eng/install-linters.sh.");
        }

        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Script);
        foreach (var file in files)
        {
            start.ArgumentList.Add(file);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dockerfile-ast failed (exit {process.ExitCode}):\n{await error}");
        }

        using var document = JsonDocument.Parse(await output);
        return document.RootElement.EnumerateArray().Select(file => new AstDockerfile(
            file.GetProperty("file").GetString()!,
            file.GetProperty("directives").EnumerateArray().Select(d => (d.GetProperty("name").GetString()!, d.GetProperty("value").GetString() ?? string.Empty)).ToList(),
            file.GetProperty("instructions").EnumerateArray().Select(Instruction).ToList())).ToList();
    }

    private static AstInstruction Instruction(JsonElement element) => new(
        element.GetProperty("keyword").GetString()!,
        Strings(element.GetProperty("flags")),
        Strings(element.GetProperty("arguments")),
        element.TryGetProperty("heredocs", out var heredocs) ? heredocs.EnumerateArray().Select(h => h.GetProperty("name").GetString() + ":" + h.GetProperty("content").GetString()).ToList() : Array.Empty<string>(),
        element.TryGetProperty("trigger", out var trigger) ? Instruction(trigger) : null);

    private static IReadOnlyList<string> Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString() ?? string.Empty).ToList();

    private static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
            .Any(directory => directory.Length > 0 && File.Exists(Path.Combine(directory, program)));
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.RegularExpressions;

namespace DockerDsl.Build.Images;

/// <summary>A build step that failed, as BuildKit's plain progress reported it.</summary>
internal sealed class FailedStep
{
    public FailedStep(string? target, string? stage, string step, string error, int line)
    {
        Target = target;
        Stage = stage;
        Step = step;
        Error = error;
        Line = line;
    }

    /// <summary>The bake target, when bake built several and prefixed the step with it.</summary>
    public string? Target { get; }

    /// <summary>The Dockerfile stage, or null for BuildKit's own steps ("internal": loading the Dockerfile, metadata).</summary>
    public string? Stage { get; }

    /// <summary>The step as BuildKit names it, for example <c>RUN make</c>.</summary>
    public string Step { get; }

    public string Error { get; }

    /// <summary>The Dockerfile line BuildKit points at, or 0.</summary>
    public int Line { get; }
}

/// <summary>
/// Reads BuildKit's <c>--progress=plain</c> output. Each step (vertex) is announced as
/// <c>#N [target stage i/n] INSTRUCTION</c> (the target only when bake builds several; BuildKit's own steps say
/// <c>[internal]</c> or <c>[target internal]</c>), a failed one ends with <c>#N ERROR: message</c>, and the
/// Dockerfile's failing line follows the error as <c>Dockerfile:LINE</c>. The format is progressui's
/// printer (docker/buildx vendor: github.com/moby/buildkit/util/progress/progressui/printer.go).
/// </summary>
internal sealed class BuildKitTranscript
{
    private static readonly Regex StepLine = new(@"^#(\d+) \[([^\]]*)\] (.*)$", RegexOptions.CultureInvariant);
    private static readonly Regex ErrorLine = new(@"^#(\d+) ERROR: (.*)$", RegexOptions.CultureInvariant);
    private static readonly Regex SourceLine = new(@"^\S+:(\d+)$", RegexOptions.CultureInvariant);
    private static readonly Regex Position = new(@"^\d+/\d+$", RegexOptions.CultureInvariant);

    private readonly Dictionary<string, (string? Target, string? Stage, string Step)> steps = new();
    private readonly List<FailedStep> failures = new();
    private readonly List<string> errors = new();
    private (string? Target, string? Stage, string Step, string Error)? lastFailure;

    public IReadOnlyList<FailedStep> Failures
    {
        get
        {
            Flush(0);
            return failures;
        }
    }

    /// <summary>Lines starting with <c>ERROR:</c> (bake's and buildx's own summary), in order.</summary>
    public IReadOnlyList<string> Errors => errors;

    /// <summary>True for a line that announces a step: shown at high importance, so the terminal logger shows it.</summary>
    public static bool IsStepHeader(string line) => StepLine.IsMatch(line) && !ErrorLine.IsMatch(line);

    public void Add(string line)
    {
        var error = ErrorLine.Match(line);
        if (error.Success)
        {
            Flush(0);
            steps.TryGetValue(error.Groups[1].Value, out var step);
            lastFailure = (step.Target, step.Stage, step.Step ?? "#" + error.Groups[1].Value, error.Groups[2].Value);
            return;
        }

        var header = StepLine.Match(line);
        if (header.Success)
        {
            var (target, stage) = Split(header.Groups[2].Value);
            steps[header.Groups[1].Value] = (target, stage, header.Groups[3].Value);
            return;
        }

        var source = SourceLine.Match(line);
        if (source.Success && lastFailure is not null)
        {
            Flush(int.Parse(source.Groups[1].Value, CultureInfo.InvariantCulture));
            return;
        }

        if (line.StartsWith("ERROR: ", StringComparison.Ordinal) || line.StartsWith("ERROR ", StringComparison.Ordinal))
        {
            errors.Add(line.Substring(6).Trim());
        }
    }

    private void Flush(int sourceLine)
    {
        if (lastFailure is { } failure)
        {
            failures.Add(new FailedStep(failure.Target, failure.Stage, failure.Step, failure.Error, sourceLine));
            lastFailure = null;
        }
    }

    /// <summary><c>api production 2/5</c>: target api, stage production; <c>production 2/5</c>; <c>internal</c>; <c>api internal</c>.</summary>
    private static (string? Target, string? Stage) Split(string name)
    {
        var parts = new List<string>(name.Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries));
        if (parts.Count > 0 && Position.IsMatch(parts[parts.Count - 1]))
        {
            parts.RemoveAt(parts.Count - 1);
        }

        string? target = null, stage = null;
        if (parts.Count >= 2)
        {
            target = parts[0];
            stage = parts[1];
        }
        else if (parts.Count == 1)
        {
            stage = parts[0];
        }

        return (target, stage == "internal" ? null : stage);
    }
}

using System;
using System.Collections.Generic;
using DockerDsl.Core.Diagnostics;
using DockerDsl.Core.Lint;
using DockerDsl.Core.Model;

namespace DockerDsl.Cli.Tests.Infrastructure;

/// <summary>A stand-in for DockerfileLinter.Lint: records every call and answers with the results it is told.</summary>
internal sealed class FakeLinter
{
    private readonly Dictionary<string, Func<string, LintOptions, LintResult>> _answers = new(StringComparer.Ordinal);

    /// <summary>Each call, in order: the path as the CLI named it, the text and the options.</summary>
    public List<(string Path, string Text, LintOptions Options)> Calls { get; } = new();

    /// <summary>Answers for <paramref name="path"/> with these findings (their Source is made to point into the file).</summary>
    public FakeLinter Returns(string path, params (string RuleId, int Line, int Column, RuleSeverity Severity)[] findings)
    {
        _answers[path] = (_, _) => Result(path, findings);
        return this;
    }

    public FakeLinter ReturnsError(string path, int line, string message)
    {
        _answers[path] = (_, _) => new LintResult(path, Array.Empty<LintFinding>(), new LintError(path, line, message));
        return this;
    }

    public FakeLinter Answers(string path, Func<string, LintOptions, LintResult> answer)
    {
        _answers[path] = answer;
        return this;
    }

    public LintResult Lint(string path, string text, LintOptions options)
    {
        Calls.Add((path, text, options));
        return _answers.TryGetValue(path, out var answer) ? answer(text, options) : new LintResult(path, Array.Empty<LintFinding>(), null);
    }

    public static LintResult Result(string path, params (string RuleId, int Line, int Column, RuleSeverity Severity)[] findings)
    {
        var list = new List<LintFinding>();
        foreach (var (ruleId, line, column, severity) in findings)
        {
            list.Add(Finding(path, ruleId, line, column, severity));
        }

        return new LintResult(path, list, null);
    }

    public static LintFinding Finding(string path, string ruleId, int line, int column, RuleSeverity severity, int endLine = 0)
    {
        var rule = RuleCatalog.Find(ruleId) ?? throw new ArgumentException($"No rule {ruleId}.", nameof(ruleId));
        return new LintFinding(rule, severity, SourceRef.InFile(path, line, column, endLine == 0 ? line : endLine), $"{rule.Title} (line {line})");
    }
}

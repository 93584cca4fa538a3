using System;
using System.Collections.Generic;
using System.Linq;
using DockerDsl.Core.Diagnostics;
using DockerDsl.Core.Lint;

namespace DockerDsl.Cli.Reports;

/// <summary>One linted Dockerfile: how reports name it, where it is, and its findings in report order.</summary>
/// <param name="Path">Relative to the current directory, with '/'.</param>
internal sealed record LintedFile(string Path, string FullPath, IReadOnlyList<LintFinding> Findings);

/// <summary>Everything one <c>dockerdsl lint</c> found, in the order every format reports it.</summary>
/// <param name="Files">In ordinal path order.</param>
/// <param name="Errors">Inputs that could not be linted, in the order they were met.</param>
internal sealed class LintReport
{
    public LintReport(IReadOnlyList<LintedFile> files, IReadOnlyList<LintError> errors)
    {
        Files = files;
        Errors = errors;
        Findings = files
            .SelectMany(file => Ordered(file.Findings).Where(finding => finding.Severity != RuleSeverity.Hidden).Select(finding => new ReportedFinding(file, finding)))
            .ToList();
    }

    public IReadOnlyList<LintedFile> Files { get; }

    public IReadOnlyList<LintError> Errors { get; }

    /// <summary>The findings every format shows: all but hidden ones (.editorconfig <c>silent</c>), by file, line, column and rule.</summary>
    public IReadOnlyList<ReportedFinding> Findings { get; }

    public int Count(RuleSeverity severity) => Findings.Count(finding => finding.Finding.Severity == severity);

    private static IEnumerable<LintFinding> Ordered(IEnumerable<LintFinding> findings) => findings
        .OrderBy(finding => finding.Source.Line)
        .ThenBy(finding => finding.Source.Column)
        .ThenBy(finding => finding.Rule.Id, StringComparer.Ordinal)
        .ThenBy(finding => finding.Message, StringComparer.Ordinal);
}

/// <summary>A finding with the file it is in.</summary>
internal sealed record ReportedFinding(LintedFile File, LintFinding Finding);

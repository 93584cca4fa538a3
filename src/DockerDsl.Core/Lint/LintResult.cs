using System.Collections.Generic;
using DockerDsl.Core.Diagnostics;
using DockerDsl.Core.Model;

namespace DockerDsl.Core.Lint;

/// <summary>One rule broken at one place of a Dockerfile.</summary>
/// <param name="Source">The instruction at fault: <see cref="SourceRef.Origin"/> is the file's path, with its line and column.</param>
/// <param name="Message">The rule's Dockerfile message with its arguments filled in.</param>
public sealed record LintFinding(RuleDescriptor Rule, RuleSeverity Severity, SourceRef Source, string Message);

/// <summary>Why a Dockerfile could not be read as BuildKit reads it: <c>docker build</c> would fail on it too.</summary>
/// <param name="Line">1-based; 0 when the error is about the whole file.</param>
public sealed record LintError(string Path, int Line, string Message)
{
    /// <summary>One line for a terminal or a CI log: <c>path:line: error: message</c>.</summary>
    public override string ToString() => Line > 0 ? $"{Path}:{Line}: error: {Message}" : $"{Path}: error: {Message}";
}

/// <summary>What linting one Dockerfile found; findings are ordered by line, column and rule ID.</summary>
/// <param name="Error">Why BuildKit would refuse the file, or null. With an error, the findings are those of the checks BuildKit makes while reading, up to the instruction it refused.</param>
public sealed record LintResult(string Path, IReadOnlyList<LintFinding> Findings, LintError? Error);

using System.Collections.Generic;
using DockerDsl.Cli.Reports;
using DockerDsl.Core.Diagnostics;

namespace DockerDsl.Cli.Linting;

/// <summary>One <c>dockerdsl lint</c> invocation's checked options.</summary>
/// <param name="Inputs">Paths, folders and globs as given (relative to the current directory).</param>
/// <param name="OutputPath">The full path of <c>--output</c>; null for standard output.</param>
/// <param name="ContextDirectory">The full path of <c>--context</c>; null for each Dockerfile's folder.</param>
/// <param name="FailLevel">The lowest severity that makes the exit code 1; null never does.</param>
/// <param name="LockPath">The full path of <c>--lock</c>; null for the <c>dockerdsl.lock.json</c> beside each Dockerfile, if any.</param>
internal sealed record LintSettings(
    IReadOnlyList<string> Inputs,
    ReportFormat Format,
    string? OutputPath,
    IReadOnlyDictionary<string, string> BuildArgs,
    string? Target,
    string? ContextDirectory,
    RuleSeverity? FailLevel,
    string? LockPath = null);

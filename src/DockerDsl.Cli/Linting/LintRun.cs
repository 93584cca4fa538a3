using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using DockerDsl.Cli.EditorConfig;
using DockerDsl.Cli.Inputs;
using DockerDsl.Cli.Reports;
using DockerDsl.Core.Diagnostics;
using DockerDsl.Core.Lint;
using DockerDsl.Core.Lock;
using DockerDsl.Core.Model;

namespace DockerDsl.Cli.Linting;

/// <summary>
/// One <c>dockerdsl lint</c>: finds the Dockerfiles, reads each with its .dockerignore and .editorconfig
/// severities, lints it, then writes the report, the errors and a summary. An input that cannot be read is
/// reported and the others are still linted.
/// </summary>
internal sealed class LintRun
{
    private readonly CliContext _context;
    private readonly SeverityConfiguration _severities = new();
    private readonly HashSet<EditorConfigWarning> _reportedWarnings = new();
    private readonly List<LintError> _errors = new();
    private readonly LintSettings _settings;

    // Lock files read so far, by path; null for none there. A path in _unreadableLocks was reported once.
    private readonly Dictionary<string, LockFile?> _locks = new(StringComparer.Ordinal);
    private readonly HashSet<string> _unreadableLocks = new(StringComparer.Ordinal);

    public LintRun(CliContext context, LintSettings settings)
    {
        _context = context;
        _settings = settings;
    }

    /// <summary>Between the report and the rename of <c>--output</c>; a test seam.</summary>
    internal Action? BeforeOutputReplaced { get; init; }

    public int Execute()
    {
        var inputs = InputExpander.Expand(_settings.Inputs, _context.CurrentDirectory);
        foreach (var error in inputs.Errors)
        {
            ReportError(error);
        }

        var files = new List<LintedFile>();
        foreach (var file in inputs.Files)
        {
            if (Lint(file) is { } linted)
            {
                files.Add(linted);
            }
        }

        var report = new LintReport(files, _errors);
        var text = ReportFormats.Write(_settings.Format, report);
        if (_settings.OutputPath is null)
        {
            _context.Out.Write(text);
            _context.Out.Flush();
        }
        else if (!TryWriteOutput(_settings.OutputPath, text))
        {
            return ExitCodes.Error;
        }

        _context.Error.WriteLine(Summary(report));
        if (_errors.Count > 0)
        {
            return ExitCodes.Error;
        }

        return _settings.FailLevel is { } failLevel && report.Findings.Any(finding => finding.Finding.Severity >= failLevel)
            ? ExitCodes.FindingsAtFailLevel
            : ExitCodes.Success;
    }

    private LintedFile? Lint(string fullPath)
    {
        var path = DisplayPaths.Relative(_context.CurrentDirectory, fullPath);
        if (!TextFileReader.TryRead(fullPath, path, out var text, out var readError))
        {
            ReportError(readError!);
            return null;
        }

        string? dockerignore = null;
        if (DockerignoreLocator.Find(fullPath, _settings.ContextDirectory) is { } ignoreFile)
        {
            var ignorePath = DisplayPaths.Relative(_context.CurrentDirectory, ignoreFile);
            if (!TextFileReader.TryRead(ignoreFile, ignorePath, out var ignoreText, out var ignoreError))
            {
                ReportError(ignoreError!);
                return null;
            }

            dockerignore = ignoreText;
        }

        var configured = _severities.Resolve(fullPath);
        foreach (var warning in configured.Warnings)
        {
            if (_reportedWarnings.Add(warning))
            {
                _context.Error.WriteLine($"{DisplayPaths.Relative(_context.CurrentDirectory, warning.File)}:{warning.Line}: warning: {warning.Message}");
            }
        }

        if (!TryReadLock(fullPath, out var lockFile))
        {
            return null;
        }

        var options = new LintOptions
        {
            BuildArgs = _settings.BuildArgs,
            Target = _settings.Target,
            Dockerignore = dockerignore,
            Severities = configured.Severities,
            Lock = lockFile,
            ImageEnvironments = lockFile?.ImageEnvironments() ?? new Dictionary<string, IReadOnlyList<string>>(),
        };
        var result = _context.Lint(path, text, options);
        if (result.Error is not null)
        {
            ReportError(result.Error);
        }

        return new LintedFile(path, fullPath, result.Findings);
    }

    /// <summary>The lock of <paramref name="dockerfile"/>: <c>--lock</c>, else the <c>dockerdsl.lock.json</c> beside it; false when it cannot be read.</summary>
    private bool TryReadLock(string dockerfile, out LockFile? lockFile)
    {
        lockFile = null;
        var path = _settings.LockPath ?? Path.Combine(Path.GetDirectoryName(dockerfile)!, LockFile.FileName);
        if (_locks.TryGetValue(path, out lockFile))
        {
            return true;
        }

        if (!_unreadableLocks.Add(path))
        {
            return false;
        }

        if (!File.Exists(path))
        {
            if (_settings.LockPath is not null)
            {
                ReportError(new LintError(DisplayPaths.Relative(_context.CurrentDirectory, path), 0, "does not exist (--lock)"));
                return false;
            }

            _unreadableLocks.Remove(path);
            _locks[path] = null;
            return true;
        }

        var display = DisplayPaths.Relative(_context.CurrentDirectory, path);
        if (!TextFileReader.TryRead(path, display, out var text, out var error))
        {
            ReportError(error!);
            return false;
        }

        try
        {
            lockFile = LockFileReader.Read(text);
        }
        catch (LockFileException exception)
        {
            ReportError(new LintError(display, exception.Line, $"is not a lock file dockerdsl reads: {exception.Message}"));
            return false;
        }

        _unreadableLocks.Remove(path);
        _locks[path] = lockFile;
        return true;
    }

    private void ReportError(LintError error)
    {
        _errors.Add(error);
        _context.Error.WriteLine(error.ToString());
    }

    private bool TryWriteOutput(string path, string text)
    {
        try
        {
            ReportFile.Write(path, text, BeforeOutputReplaced);
            return true;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            _context.Error.WriteLine($"{DisplayPaths.Relative(_context.CurrentDirectory, path)}: error: the report cannot be written: {exception.Message}");
            return false;
        }
    }

    private static string Summary(LintReport report)
    {
        var summary = $"{Count(report.Files.Count, "Dockerfile")} linted: {Count(report.Count(RuleSeverity.Error), "error")}, {Count(report.Count(RuleSeverity.Warning), "warning")}, {Count(report.Count(RuleSeverity.Info), "info", "info")}";
        return report.Errors.Count > 0 ? $"{summary}; {Count(report.Errors.Count, "input")} could not be linted" : summary;
    }

    private static string Count(int count, string singular, string? plural = null) =>
        $"{count} {(count == 1 ? singular : plural ?? singular + "s")}";
}

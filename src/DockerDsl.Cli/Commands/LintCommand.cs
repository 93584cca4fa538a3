using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using DockerDsl.Cli.Linting;
using DockerDsl.Cli.Reports;
using DockerDsl.Core.Diagnostics;

namespace DockerDsl.Cli.Commands;

/// <summary><c>dockerdsl lint [paths...]</c>: its options, checked and turned into <see cref="LintSettings"/>.</summary>
internal static class LintCommand
{
    public static Command Create(CliContext context)
    {
        var paths = new Argument<string[]>("paths")
        {
            Arity = ArgumentArity.ZeroOrMore,
            Description = "Dockerfiles, folders (searched recursively for Dockerfile, *.Dockerfile and Dockerfile.*) or globs such as '**/Dockerfile*'. Default: the current folder.",
        };
        var format = new Option<string>("--format", "-f")
        {
            Description = "The report format: human (one line per finding), json or sarif (SARIF 2.1.0, for GitHub code scanning).",
            DefaultValueFactory = _ => "human",
        };
        format.AcceptOnlyFromAmong(ReportFormats.Names);
        var output = new Option<string>("--output", "-o")
        {
            Description = "Write the report to FILE instead of standard output; the file is replaced whole or not at all.",
            HelpName = "FILE",
        };
        var buildArgs = new Option<string[]>("--build-arg")
        {
            Description = "A build argument, as docker build takes it; NAME alone takes the value from the environment (skipped when unset). Repeatable.",
            HelpName = "NAME[=VALUE]",
        };
        var target = new Option<string>("--target")
        {
            Description = "The stage docker build --target would build; the rules that follow the built stage check that one. Default: every stage.",
            HelpName = "STAGE",
        };
        var buildContext = new Option<string>("--context")
        {
            Description = "The build context, whose .dockerignore applies when no <Dockerfile>.dockerignore is beside the Dockerfile. Default: the Dockerfile's folder.",
            HelpName = "DIR",
        };
        var failLevel = new Option<string>("--fail-level")
        {
            Description = "Exit with 1 when a finding has this severity or a higher one; none never does.",
            DefaultValueFactory = _ => "warning",
        };
        failLevel.AcceptOnlyFromAmong("error", "warning", "info", "none");
        var lockFile = new Option<string>("--lock")
        {
            Description = "The lock file dockerdsl lock wrote: the rules read each locked base image's user, health check, environment and platforms. Default: dockerdsl.lock.json beside each Dockerfile, if there is one.",
            HelpName = "FILE",
        };

        var command = new Command("lint", "Lints Dockerfiles. Severities come from .editorconfig (dotnet_diagnostic.<ID>.severity), as in the IDE. Exit codes: 0 no finding at the fail level, 1 some, 2 usage error or unreadable input.")
        {
            paths, format, output, buildArgs, target, buildContext, failLevel, lockFile,
        };
        command.SetAction(parseResult =>
        {
            var problems = new List<string>();
            var inputs = parseResult.GetValue(paths) ?? Array.Empty<string>();
            foreach (var input in inputs)
            {
                // System.CommandLine takes an unknown option for a path; a file whose name starts with '-' is ./-name.
                if (input.Length > 1 && input[0] == '-')
                {
                    problems.Add($"Unrecognized option '{input}'.");
                }
                else if (input.Length == 0)
                {
                    problems.Add("A path is empty.");
                }
            }

            var arguments = BuildArguments.Parse(parseResult.GetValue(buildArgs) ?? Array.Empty<string>(), context.Environment, problems);
            var stage = parseResult.GetValue(target);
            if (stage is { Length: 0 })
            {
                problems.Add("--target needs a stage name.");
            }

            var contextDirectory = ResolveContext(parseResult.GetValue(buildContext), context.CurrentDirectory, problems);
            var outputPath = ResolveOutput(parseResult.GetValue(output), context.CurrentDirectory, problems);
            var lockPath = parseResult.GetValue(lockFile) is { } lockValue
                ? lockValue.Length == 0 ? null : Path.GetFullPath(lockValue, context.CurrentDirectory)
                : null;
            if (parseResult.GetValue(lockFile) is { Length: 0 })
            {
                problems.Add("--lock needs a file name.");
            }

            if (problems.Count > 0)
            {
                return Usage.Error(context, command, problems);
            }

            var settings = new LintSettings(
                inputs.Length > 0 ? inputs : new[] { "." },
                ReportFormats.Parse(parseResult.GetValue(format)!),
                outputPath,
                arguments,
                stage,
                contextDirectory,
                ParseFailLevel(parseResult.GetValue(failLevel)!),
                lockPath);
            return new LintRun(context, settings).Execute();
        });
        return command;
    }

    private static string? ResolveContext(string? value, string currentDirectory, List<string> problems)
    {
        if (value is null)
        {
            return null;
        }

        var path = value.Length == 0 ? value : Path.GetFullPath(value, currentDirectory);
        if (path.Length == 0 || !Directory.Exists(path))
        {
            problems.Add($"--context '{value}' is not a folder.");
            return null;
        }

        return path;
    }

    private static string? ResolveOutput(string? value, string currentDirectory, List<string> problems)
    {
        if (value is null)
        {
            return null;
        }

        if (value.Length == 0)
        {
            problems.Add("--output needs a file name.");
            return null;
        }

        var path = Path.GetFullPath(value, currentDirectory);
        if (Directory.Exists(path))
        {
            problems.Add($"--output '{value}' is a folder; name a file.");
            return null;
        }

        return path;
    }

    /// <summary>The lowest severity that fails the run; null for <c>none</c>.</summary>
    private static RuleSeverity? ParseFailLevel(string value) => value switch
    {
        "error" => RuleSeverity.Error,
        "warning" => RuleSeverity.Warning,
        "info" => RuleSeverity.Info,
        _ => null,
    };
}

using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using DockerDsl.Cli.Inputs;
using DockerDsl.Cli.Reports;
using DockerDsl.Core.Import;

namespace DockerDsl.Cli.Commands;

/// <summary>
/// <c>dockerdsl import &lt;Dockerfile&gt; [--class Name] [--namespace Ns] [-o File.cs]</c>: the C# declaration of an
/// existing Dockerfile, on standard output or in a file written whole or not at all; the counts on standard error.
/// </summary>
internal static class ImportCommand
{
    public static Command Create(CliContext context)
    {
        var dockerfile = new Argument<string>("Dockerfile") { Description = "The Dockerfile to import." };
        var className = new Option<string>("--class")
        {
            Description = "The name of the [Dockerfile] class. Default: one derived from the file name (api/Dockerfile gives ApiDockerfile).",
            HelpName = "NAME",
        };
        var ns = new Option<string>("--namespace")
        {
            Description = "The namespace of the class (a file-scoped namespace). Default: none.",
            HelpName = "NAMESPACE",
        };
        var output = new Option<string>("--output", "-o")
        {
            Description = "Write the C# to FILE instead of standard output; the file is replaced whole or not at all.",
            HelpName = "FILE",
        };

        var command = new Command("import", "Writes the C# declaration of an existing Dockerfile: one [Dockerfile] class, a nested class per stage, mount and build argument. The .dockerignore beside it becomes Ignore. Exit codes: 0 imported, 2 usage error or input BuildKit refuses (the import is still written where it can be).")
        {
            dockerfile, className, ns, output,
        };
        command.SetAction(parseResult => Run(context, command, parseResult.GetValue(dockerfile)!, parseResult.GetValue(className), parseResult.GetValue(ns), parseResult.GetValue(output)));
        return command;
    }

    private static int Run(CliContext context, Command command, string input, string? className, string? ns, string? output)
    {
        if (input.Length == 0 || (input.Length > 1 && input[0] == '-'))
        {
            return Usage.Error(context, command, input.Length == 0 ? "The Dockerfile path is empty." : $"Unrecognized option '{input}'.");
        }

        var fullPath = Path.GetFullPath(input, context.CurrentDirectory);
        var display = DisplayPaths.Relative(context.CurrentDirectory, fullPath);
        if (Directory.Exists(fullPath))
        {
            return Usage.Error(context, command, $"'{input}' is a folder; name a Dockerfile.");
        }

        string? outputPath = null;
        if (output is not null)
        {
            outputPath = output.Length == 0 ? null : Path.GetFullPath(output, context.CurrentDirectory);
            if (outputPath is null || Directory.Exists(outputPath))
            {
                return Usage.Error(context, command, output.Length == 0 ? "--output needs a file name." : $"--output '{output}' is a folder; name a file.");
            }
        }

        var name = className ?? DockerfileImporter.ClassNameFor(display);
        if (className is not null && !IsIdentifier(className))
        {
            return Usage.Error(context, command, $"--class '{className}' is not a C# class name.");
        }

        if (!File.Exists(fullPath))
        {
            context.Error.WriteLine($"{display}: error: no such file");
            return ExitCodes.Error;
        }

        if (!TextFileReader.TryRead(fullPath, display, out var text, out var readError))
        {
            context.Error.WriteLine(readError!.ToString());
            return ExitCodes.Error;
        }

        string? dockerignore = null;
        if (DockerignoreLocator.Find(fullPath, null) is { } ignorePath && !TextFileReader.TryRead(ignorePath, DisplayPaths.Relative(context.CurrentDirectory, ignorePath), out dockerignore, out var ignoreError))
        {
            context.Error.WriteLine(ignoreError!.ToString());
            return ExitCodes.Error;
        }

        // The declaration names the Dockerfile relative to the project folder: the nearest folder with a .csproj at or
        // above the output file (or the current folder), else that folder itself.
        var projectFolder = ProjectFolder(outputPath is null ? context.CurrentDirectory : Path.GetDirectoryName(outputPath)!);
        var options = new ImportOptions(name)
        {
            Namespace = ns,
            DockerfilePath = DisplayPaths.Relative(projectFolder, fullPath),
            Dockerignore = dockerignore,
        };

        ImportAttempt attempt;
        try
        {
            attempt = ImportAttempt.Run(display, text, options);
        }
        catch (ArgumentException exception)
        {
            return Usage.Error(context, command, exception.Message);
        }

        foreach (var error in attempt.Errors)
        {
            context.Error.WriteLine(error.Line > 0 ? $"{display}:{error.Line}: error: {error.Message}" : $"{display}: error: {error.Message}");
        }

        if (attempt.Result is not { } result)
        {
            return ExitCodes.Error;
        }

        if (outputPath is null)
        {
            context.Out.Write(result.Source);
        }
        else
        {
            try
            {
                ReportFile.Write(outputPath, result.Source);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                context.Error.WriteLine($"{DisplayPaths.Relative(context.CurrentDirectory, outputPath)}: error: cannot be written: {exception.Message}");
                return ExitCodes.Error;
            }
        }

        var report = result.Report;
        context.Error.WriteLine(
            $"{display}: {report.Instructions.Count} instructions: {report.TypedCount} typed, {report.RawCount} [Instruction], {report.NotExpressibleCount} not expressible yet");
        foreach (var instruction in report.Instructions)
        {
            if (instruction.Outcome != ImportOutcome.Typed)
            {
                var what = instruction.Outcome == ImportOutcome.Raw ? "[Instruction]" : "not expressible yet";
                context.Error.WriteLine($"{display}:{instruction.Line}: {instruction.Keyword} {what}: {instruction.Reason}");
            }
        }

        foreach (var pattern in report.SkippedIgnorePatterns)
        {
            context.Error.WriteLine($"{display}: .dockerignore pattern left out (BuildKit refuses it): {pattern}");
        }

        return attempt.Errors.Count > 0 ? ExitCodes.Error : ExitCodes.Success;
    }

    private static string ProjectFolder(string start)
    {
        for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
        {
            if (folder.Exists && folder.EnumerateFiles("*.csproj").Any())
            {
                return folder.FullName;
            }
        }

        return start;
    }

    private static bool IsIdentifier(string name) =>
        name.Length > 0 && (char.IsLetter(name[0]) || name[0] == '_') && name.IndexOf(' ') < 0 && name.All(c => char.IsLetterOrDigit(c) || c == '_');
}

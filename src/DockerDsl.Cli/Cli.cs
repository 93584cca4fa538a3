using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DockerDsl.Cli.Commands;
using DockerDsl.Core.Lint;

namespace DockerDsl.Cli;

/// <summary>The <c>dockerdsl</c> command line, runnable in-process: everything it prints goes to the writers it is given.</summary>
public static class Cli
{
    /// <summary>Runs <c>dockerdsl</c> with <paramref name="args"/> (without the program name) and returns its exit code (<see cref="ExitCodes"/>).</summary>
    /// <param name="currentDirectory">What relative paths in arguments and reports are relative to.</param>
    /// <param name="environment">The environment variables, for <c>--build-arg NAME</c> without a value.</param>
    public static Task<int> RunAsync(
        IReadOnlyList<string> args,
        TextWriter stdout,
        TextWriter stderr,
        string currentDirectory,
        IReadOnlyDictionary<string, string> environment,
        CancellationToken cancellationToken = default) =>
        RunAsync(args, new CliContext(stdout, stderr, currentDirectory, environment, DockerfileLinter.Lint), cancellationToken);

    internal static async Task<int> RunAsync(IReadOnlyList<string> args, CliContext context, CancellationToken cancellationToken)
    {
        try
        {
            context = context with { CurrentDirectory = Path.GetFullPath(context.CurrentDirectory) };
            var parseResult = CreateRootCommand(context).Parse(args);
            if (parseResult.Action is not HelpAction && parseResult.Errors.Count > 0)
            {
                return Usage.Error(context, parseResult.CommandResult.Command, parseResult.Errors.Select(error => error.Message));
            }

            var configuration = new InvocationConfiguration
            {
                Output = context.Out,
                Error = context.Error,
                // Unexpected exceptions reach the catch below, which prints one line instead of a stack trace.
                EnableDefaultExceptionHandler = false,
                ProcessTerminationTimeout = null,
            };
            return await parseResult.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            context.Error.WriteLine($"{ToolInfo.Name}: internal error: {exception.GetType().Name}: {Usage.OneLine(exception.Message)}");
            return ExitCodes.Error;
        }
    }

    private static Command CreateRootCommand(CliContext context)
    {
        var root = new Command(ToolInfo.Name, "Lints Dockerfiles with the DockerDsl rules (the checks BuildKit runs, hadolint's best practices and DockerDsl's own) and imports them into C# declarations.");
        root.Options.Add(new HelpOption());
        root.Options.Add(new VersionOption { Action = new PrintVersionAction() });
        root.Subcommands.Add(LintCommand.Create(context));
        root.Subcommands.Add(LockCommand.Create(context));
        root.Subcommands.Add(RulesCommand.Create(context));
        root.Subcommands.Add(ImportCommand.Create(context));
        return root;
    }

    /// <summary>Prints the package version; System.CommandLine's own would print the entry assembly's (the test host's in tests).</summary>
    private sealed class PrintVersionAction : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            parseResult.InvocationConfiguration.Output.WriteLine(ToolInfo.Version);
            return ExitCodes.Success;
        }
    }
}

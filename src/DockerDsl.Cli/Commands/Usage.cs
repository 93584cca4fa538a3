using System.Collections.Generic;
using System.CommandLine;
using System.Text;

namespace DockerDsl.Cli.Commands;

/// <summary>How a usage error is reported: one line per problem, then where to read the usage; exit code 2.</summary>
internal static class Usage
{
    public static int Error(CliContext context, Command command, IEnumerable<string> messages)
    {
        var name = CommandPath(command);
        foreach (var message in messages)
        {
            context.Error.WriteLine($"{name}: error: {OneLine(message)}");
        }

        context.Error.WriteLine($"Run '{name} --help' for usage.");
        return ExitCodes.Error;
    }

    public static int Error(CliContext context, Command command, string message) => Error(context, command, new[] { message });

    /// <summary>The message with every run of white space that holds a line break folded into one space.</summary>
    public static string OneLine(string message)
    {
        var builder = new StringBuilder(message.Length);
        var pendingBreak = false;
        var pendingSpace = new StringBuilder();
        foreach (var character in message)
        {
            if (char.IsWhiteSpace(character))
            {
                pendingBreak |= character is '\n' or '\r';
                pendingSpace.Append(character);
                continue;
            }

            Flush();
            builder.Append(character);
        }

        return builder.ToString();

        void Flush()
        {
            if (pendingSpace.Length > 0 && builder.Length > 0)
            {
                builder.Append(pendingBreak ? " " : pendingSpace.ToString());
            }

            pendingSpace.Clear();
            pendingBreak = false;
        }
    }

    private static string CommandPath(Command command)
    {
        var names = new List<string>();
        for (Symbol? symbol = command; symbol is not null; symbol = FirstParent(symbol))
        {
            names.Insert(0, symbol.Name);
        }

        return string.Join(" ", names);
    }

    private static Command? FirstParent(Symbol symbol)
    {
        foreach (var parent in symbol.Parents)
        {
            if (parent is Command command)
            {
                return command;
            }
        }

        return null;
    }
}

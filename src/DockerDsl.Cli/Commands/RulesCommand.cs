using System.CommandLine;
using System.Linq;
using DockerDsl.Cli.Reports;
using DockerDsl.Core.Diagnostics;

namespace DockerDsl.Cli.Commands;

/// <summary><c>dockerdsl rules</c>: every rule <c>dockerdsl lint</c> runs, as a table.</summary>
internal static class RulesCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("rules", "Lists the rules that apply to Dockerfiles: ID, default severity, whether it is on by default, the BuildKit check it matches, and title.");
        command.SetAction(_ =>
        {
            Write(context);
            return ExitCodes.Success;
        });
        return command;
    }

    private static void Write(CliContext context)
    {
        var rules = RuleCatalog.All.Where(rule => rule.AppliesToDockerfiles).ToList();
        var rows = rules.Select(rule => new[]
        {
            rule.Id,
            SeverityNames.Of(rule.DefaultSeverity),
            rule.EnabledByDefault ? "on" : "off",
            rule.BuildKitRule ?? "-",
            rule.Title,
        }).Prepend(new[] { "ID", "SEVERITY", "DEFAULT", "BUILDKIT", "TITLE" }).ToList();
        var widths = Enumerable.Range(0, 4).Select(column => rows.Max(row => row[column].Length)).ToArray();
        foreach (var row in rows)
        {
            var padded = Enumerable.Range(0, 4).Select(column => row[column].PadRight(widths[column]));
            context.Out.WriteLine(string.Join("  ", padded) + "  " + row[4]);
        }
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using DockerDsl.Core.Emit;
using DockerDsl.Core.Model;
using DockerDsl.Core.Text;
using DockerDsl.Core.Text.Syntax;

namespace DockerDsl.Core.Import;

internal sealed partial class ImportSession
{
    private CSharpAttribute? MapRun(StagePlan plan, DockerfileNode node, out string? reason)
    {
        reason = null;
        var flags = new InstructionFlags(node.Flags, node.StartLine).Strings("mount").String("network").String("security").Strings("device").Parse();
        var named = new List<(string Name, string Code)>();
        var devices = flags.Values("device");
        if (devices.Count > 0)
        {
            // A device is a CDI name with an optional ",required" (dockerfile2llb/convert_rundevice.go), written as given.
            if (devices.Any(d => !DeclarationValues.LiteralWord(d, _escape)))
            {
                reason = "a RUN --device with a build variable, a quote or white space";
                return null;
            }
        }

        var mounts = new List<string>();
        foreach (var value in flags.Values("mount"))
        {
            var mount = MountClass(plan, node, value, out reason);
            if (mount is null)
            {
                return null;
            }

            mounts.Add($"typeof({mount})");
        }

        if (mounts.Count > 0)
        {
            named.Add(("Mounts", "new[] { " + string.Join(", ", mounts) + " }"));
        }

        if (devices.Count > 0)
        {
            named.Add(("Devices", "new[] { " + string.Join(", ", devices.Select(CSharpCode.String)) + " }"));
        }

        switch (flags.Value("network"))
        {
            case null or "default": break;
            case "none": named.Add(("Network", "RunNetwork.None")); break;
            case "host": named.Add(("Network", "RunNetwork.Host")); break;
            default:
                reason = "a RUN --network DockerDsl does not type";
                return null;
        }

        switch (flags.Value("security"))
        {
            case null: break;
            case "sandbox": named.Add(("Security", "RunSecurity.Sandbox")); break;
            case "insecure": named.Add(("Security", "RunSecurity.Insecure")); break;
            default:
                reason = "a RUN --security DockerDsl does not type";
                return null;
        }

        CSharpAttribute? attribute;
        if (node.IsJson)
        {
            attribute = node.Next.Count == 0 ? null : new CSharpAttribute("RunExec");
            foreach (var item in node.Next)
            {
                attribute?.Add(CSharpExpression.String(item));
            }

            reason = attribute is null ? "an empty exec form" : null;
        }
        else if (node.Heredocs.Count > 0)
        {
            attribute = RunHeredoc(node, out reason);
        }
        else
        {
            attribute = RunShell(node, out reason);
        }

        if (attribute is null)
        {
            return null;
        }

        foreach (var (name, code) in named)
        {
            attribute.Named(name, code);
        }

        return attribute;
    }

    /// <summary><c>[Run]</c> with one argument per top-level <c>&amp;&amp;</c> command, each over the lines it was written on.</summary>
    private CSharpAttribute? RunShell(DockerfileNode node, out string? reason)
    {
        reason = null;
        if (node.Next.Count == 0)
        {
            reason = "a RUN without a command";
            return null;
        }

        var text = node.Next[0];
        var breaks = new List<int>();
        var comments = new Dictionary<int, List<string>>();
        var outside = new List<string>();
        if (_layout.LineOf(node) is { } line)
        {
            var joined = line.Text.TrimEnd(' ', '\t');
            if (joined.EndsWith(text, StringComparison.Ordinal))
            {
                var start = joined.Length - text.Length;
                foreach (var offset in line.Breaks)
                {
                    if (offset > start)
                    {
                        breaks.Add(offset - start);
                    }
                }

                foreach (var pair in line.Comments)
                {
                    if (pair.Key > start)
                    {
                        comments[pair.Key - start] = pair.Value;
                    }
                    else
                    {
                        outside.AddRange(pair.Value);
                    }
                }
            }
            else
            {
                outside.AddRange(line.AllComments);
            }
        }

        var commands = ShellCommands.Split(text, breaks, comments, _windows, out var trailing);
        if (!commands.All(c => DeclarationValues.ShellLine(c.Text, _escape)) || !SameCommand(text, commands))
        {
            // As one command, exactly as written.
            commands = ShellCommands.Split(text, breaks, comments, exact: true, out trailing);
            if (commands.Count != 1 || commands[0].Text != text || !DeclarationValues.ShellLine(text, _escape))
            {
                reason = text.Contains("<<") ? "'<<' in a shell command (BuildKit would read a heredoc)" : "a command DockerDsl does not take as one line";
                return null;
            }
        }

        // Comments after the last command have no line of their own in an attribute: they go before it.
        outside.AddRange(trailing);
        var attribute = new CSharpAttribute("Run");
        for (var i = 0; i < commands.Count; i++)
        {
            var command = commands[i];
            var leading = command.Pieces[0].Comments.ToList();
            if (i == 0)
            {
                leading.InsertRange(0, outside);
            }

            var expression = command.Pieces.Count == 1
                ? CSharpExpression.String(command.Pieces[0].Piece)
                : CSharpExpression.Concatenation(command.Pieces);
            attribute.Add(expression.WithLeadingComments(leading));
        }

        return attribute;
    }

    /// <summary>Whether the commands, chained as <c>[Run]</c> writes them, are the shell words of <paramref name="text"/>.</summary>
    private bool SameCommand(string text, List<ShellCommands.Command> commands)
    {
        var chained = string.Join(" && ", commands.Select(c => c.Text));
        if (_windows)
        {
            return chained == text;
        }

        var original = ShellCommands.Normalized(text);
        return original is not null && original == ShellCommands.Normalized(chained);
    }

    /// <summary>
    /// <c>[RunHeredoc]</c> for a RUN whose command is one heredoc: BuildKit runs its body with the shell (or, with
    /// <c>#!</c>, as a file named after the heredoc), whatever its quotes; a <c>&lt;&lt;-</c> body is run without its leading tabs.
    /// </summary>
    private CSharpAttribute? RunHeredoc(DockerfileNode node, out string? reason)
    {
        reason = "a heredoc RUN other than one script, or one command ending in its heredoc (several heredocs, a file descriptor)";
        if (node.Heredocs.Count != 1 || node.Next.Count != 1)
        {
            return null;
        }

        // RUN <<EOF, or RUN <command> <<EOF ([RunHeredoc] Command): the heredoc is the line's last word.
        var line = node.Next[0].Trim();
        var last = line.LastIndexOfAny(new[] { ' ', '\t' });
        var heredocWord = last < 0 ? line : line.Substring(last + 1);
        var command = last < 0 ? null : line.Substring(0, last).Trim();
        if (!heredocWord.StartsWith("<<", StringComparison.Ordinal) || HeredocWord.Parse(heredocWord) is not { } word || word.Name != node.Heredocs[0].Name
            || (command is not null && (!DeclarationValues.ShellLine(command, _escape) || HeredocWord.FromLine(command).Count > 0)))
        {
            return null;
        }

        // The marker is kept as written (its name, quotes and '-'), so the body is kept as read: BuildKit strips the tabs.
        var markerText = heredocWord.Substring(2);
        if (HeredocMarker.Parse(markerText) is not { } marker)
        {
            reason = "a heredoc marker DockerDsl does not take (a name with characters other than letters, digits, '_' and '.')";
            return null;
        }

        var script = node.Heredocs[0].Content;
        if (!DeclarationValues.HeredocBody(script) || (marker.Chomp ? Heredoc.ChompContent(script) : script).Trim().Length == 0)
        {
            reason = "a heredoc script that is empty or holds a carriage return";
            return null;
        }

        reason = null;
        var attribute = new CSharpAttribute("RunHeredoc").Add(CSharpExpression.Text(HeredocValue(script)));
        if (command is not null)
        {
            attribute.NamedString("Command", command);
        }

        return markerText == Quoting.HeredocMarker(script) ? attribute : attribute.NamedString("Marker", markerText);
    }

    /// <summary>The body without its last line break, which the emitter writes back, unless that would lose an empty last line.</summary>
    private static string HeredocValue(string body) =>
        body.EndsWith("\n", StringComparison.Ordinal) && !body.EndsWith("\n\n", StringComparison.Ordinal) ? body.Substring(0, body.Length - 1) : body;
}

using System;
using System.Collections.Generic;
using System.Linq;
using DockerDsl.Core.Text;
using DockerDsl.Core.Text.Shell;
using DockerDsl.Core.Text.Syntax;

namespace DockerDsl.Import.Tests.Infrastructure;

/// <summary>
/// Whether two Dockerfiles mean the same to BuildKit, read with our BuildKit parser: the same parser directives,
/// the same stages and the same instructions with the same flags, arguments and heredoc bodies. Words are compared
/// as BuildKit's shell lexer reads them (quoting and escaping may differ, a variable reference may not), and a shell
/// form's command by its words with quotes kept, so white space between words, comments and continuations may differ.
/// An unnamed stage may get a name, when nothing in the original refers to that name.
/// </summary>
internal static class DockerfileComparison
{
    private static readonly IShellEnvironment[] Probes = { ShellEnvironment.Empty, new EveryName(empty: false), new EveryName(empty: true) };

    // Instructions whose shell form is a command line for the shell, which BuildKit passes on unexpanded
    // (frontend/dockerfile/instructions/parse.go); the other instructions' words are expanded by BuildKit itself.
    private static readonly HashSet<string> ShellForms = new(StringComparer.Ordinal) { "run", "cmd", "entrypoint", "healthcheck" };

    /// <summary>Null when both mean the same; otherwise the first difference, with the instruction of both files.</summary>
    public static string? Difference(string original, string regenerated)
    {
        var left = DockerfileReader.Read("original/Dockerfile", original);
        var right = DockerfileReader.Read("regenerated/Dockerfile", regenerated);

        var leftDirectives = Directives(left.Syntax);
        var rightDirectives = Directives(right.Syntax);
        if (!leftDirectives.SequenceEqual(rightDirectives))
        {
            return $"parser directives differ: original [{string.Join(", ", leftDirectives)}], regenerated [{string.Join(", ", rightDirectives)}]";
        }

        var lexer = new ShellLexer(left.Syntax.EscapeToken);
        var rightLexer = new ShellLexer(right.Syntax.EscapeToken);
        var references = ReferenceWords(left.Syntax.Root);
        var leftStages = StageNames(left.Syntax.Root);
        var rightStages = StageNames(right.Syntax.Root);
        var a = Flatten(left.Syntax.Root.Children);
        var b = Flatten(right.Syntax.Root.Children);
        for (var i = 0; i < Math.Max(a.Count, b.Count); i++)
        {
            if (i >= a.Count)
            {
                return $"the regenerated file has an instruction more:\n  regenerated line {b[i].Node.StartLine}: {b[i].Node.Original}";
            }

            if (i >= b.Count)
            {
                return $"the regenerated file lacks an instruction:\n  original line {a[i].Node.StartLine}: {a[i].Node.Original}";
            }

            var why = a[i].Arg is not null && b[i].Arg is not null
                ? (Equivalent(lexer, a[i].Arg!, rightLexer, b[i].Arg!) ? null : "the build arguments differ")
                : Compare(a[i].Node, b[i].Node, lexer, rightLexer, references, leftStages, rightStages);
            if (why is not null)
            {
                return $"{why}:\n  original line {a[i].Node.StartLine}: {a[i].Node.Original}\n  regenerated line {b[i].Node.StartLine}: {b[i].Node.Original}";
            }
        }

        return null;
    }

    // An escape directive that names the default escape character means what its absence means (parser/directives.go).
    // An ARG that declares several build arguments means what one ARG per argument, in order, means (instructions/parse.go parseArg).
    private static List<(DockerfileNode Node, string? Arg)> Flatten(IReadOnlyList<DockerfileNode> nodes)
    {
        var items = new List<(DockerfileNode Node, string? Arg)>();
        foreach (var node in nodes)
        {
            if (node.Value == "arg" && node.Flags.Count == 0 && node.Next.Count > 0)
            {
                items.AddRange(node.Next.Select(word => (node, (string?)word)));
            }
            else
            {
                items.Add((node, null));
            }
        }

        return items;
    }

    private static List<string> Directives(DockerfileParseResult syntax) =>
        syntax.Directives
            .Where(d => !(d.Name.Equals("escape", StringComparison.OrdinalIgnoreCase) && d.Value == "\\"))
            .Select(d => d.Name.ToLowerInvariant() + "=" + d.Value)
            .ToList();

    private static string? Compare(
        DockerfileNode a, DockerfileNode b, ShellLexer left, ShellLexer right, HashSet<string> references, Dictionary<string, int> leftStages, Dictionary<string, int> rightStages)
    {
        if (a.Value != b.Value)
        {
            return "the keywords differ";
        }

        var flagsA = Flags(a, leftStages);
        var flagsB = Flags(b, rightStages);
        if (!flagsA.SequenceEqual(flagsB))
        {
            return $"the flags differ: [{string.Join(" ", flagsA)}] and [{string.Join(" ", flagsB)}]";
        }

        if (a.Heredocs.Count != b.Heredocs.Count)
        {
            return "the heredoc counts differ";
        }

        for (var h = 0; h < a.Heredocs.Count; h++)
        {
            var x = a.Heredocs[h];
            var y = b.Heredocs[h];
            // Expansion changes nothing in a body without '$', '`' or an escape (BuildKit and the shell expand only those).
            var expandMatters = x.Content.IndexOfAny(new[] { '$', '`', '\\' }) >= 0;
            if (x.Content != y.Content || (expandMatters && x.Expand != y.Expand) || x.Chomp != y.Chomp || x.FileDescriptor != y.FileDescriptor)
            {
                return $"heredoc {x.Name} differs (body, expansion, <<- or file descriptor)";
            }
        }

        if (a.Value == "onbuild")
        {
            if (a.Children.Count != b.Children.Count)
            {
                return "the ONBUILD triggers differ";
            }

            return a.Children.Count == 0 ? null : Compare(a.Children[0], b.Children[0], left, right, references, leftStages, rightStages);
        }

        if (a.Value == "from")
        {
            return CompareFrom(a, b, left, right, references);
        }

        if (ShellForms.Contains(a.Value))
        {
            if (a.IsJson != b.IsJson)
            {
                return "one is in exec form, the other in shell form";
            }

            if (a.IsJson || a.Next.Count != 1 || b.Next.Count != 1)
            {
                return a.Next.SequenceEqual(b.Next, StringComparer.Ordinal) ? null : "the arguments differ";
            }

            return a.Next[0] == b.Next[0] || CommandWords(left, Markers(a)).SequenceEqual(CommandWords(right, Markers(b)))
                ? null
                : "the commands differ";
        }

        var wordsA = ArgumentWords(a, left);
        var wordsB = ArgumentWords(b, right);
        if (wordsA.Count != wordsB.Count)
        {
            return "the argument counts differ";
        }

        for (var w = 0; w < wordsA.Count; w++)
        {
            if (!Equivalent(left, wordsA[w], right, wordsB[w]))
            {
                return $"argument {w + 1} differs: '{wordsA[w]}' and '{wordsB[w]}'";
            }
        }

        return null;
    }

    private static string? CompareFrom(DockerfileNode a, DockerfileNode b, ShellLexer left, ShellLexer right, HashSet<string> references)
    {
        // FROM image [AS name]: BuildKit splits the rest on white space (parseStringsWhitespaceDelimited).
        if (a.Next.Count == 0 || b.Next.Count == 0 || !Equivalent(left, a.Next[0], right, b.Next[0]))
        {
            return "the base images differ";
        }

        var nameA = a.Next.Count >= 3 ? a.Next[2].ToLowerInvariant() : null;
        var nameB = b.Next.Count >= 3 ? b.Next[2].ToLowerInvariant() : null;
        if (nameA == nameB)
        {
            return null;
        }

        // A name given to an unnamed stage changes nothing while nothing refers to it.
        return nameA is null && nameB is not null && !references.Contains(nameB) ? null : $"the stage names differ: '{nameA}' and '{nameB}'";
    }

    /// <summary>The flags as BuildKit's flag parser reads them: by name, a repeated flag's values in order.</summary>
    private static List<string> Flags(DockerfileNode node, Dictionary<string, int> stages) =>
        node.Flags
            .Select((flag, index) => (Name: FlagName(flag), Flag: Normalize(flag, stages), Index: index))
            .OrderBy(f => f.Name, StringComparer.Ordinal)
            .ThenBy(f => f.Index)
            .Select(f => f.Flag)
            .ToList();

    private static string FlagName(string flag)
    {
        var equals = flag.IndexOf('=');
        return equals < 0 ? flag : flag.Substring(0, equals);
    }

    // A boolean flag without a value is true (BuildKit's BFlags: "--link" and "--link=true"); a mount is its type and
    // its fields in any order, with their aliases read (instructions/commands_runmount.go).
    private static string Normalize(string flag, Dictionary<string, int> stages)
    {
        if (flag.IndexOf('=') < 0)
        {
            return flag + "=true";
        }

        if (flag.StartsWith("--from=", StringComparison.Ordinal))
        {
            return "--from=" + Stage(flag.Substring("--from=".Length), stages);
        }

        if (!flag.StartsWith("--mount=", StringComparison.Ordinal))
        {
            return flag;
        }

        try
        {
            var mount = RunMounts.Parse(flag.Substring("--mount=".Length), default);
            var options = mount.Options.Select(o => o.Key switch
            {
                "ro" => (Key: "ro", Value: o.Value is "" or "true" ? "true" : o.Value),
                "rw" => (Key: "ro", Value: o.Value is "" or "true" ? "false" : "true"),
                "from" => (Key: o.Key, Value: Stage(o.Value, stages)),
                _ => (Key: o.Key, Value: o.Value),
            });

            // A bind mount is read-only unless rw is given, a cache mount writable unless ro is.
            var readOnlyDefault = mount.Type == "bind" ? "true" : "false";
            options = options.Where(o => !(o.Key == "ro" && o.Value == readOnlyDefault));
            return "--mount=type=" + mount.Type + string.Concat(options.OrderBy(o => o.Key, StringComparer.Ordinal).ThenBy(o => o.Value, StringComparer.Ordinal).Select(o => "," + o.Key + "=" + o.Value));
        }
        catch (DockerfileReadException)
        {
            return flag;
        }
    }

    private static IReadOnlyList<string> ArgumentWords(DockerfileNode node, ShellLexer lexer)
    {
        // A JSON array's strings are words as they are; a shell form splits on white space (parseStringsWhitespaceDelimited).
        if (node.IsJson || node.Value == "arg")
        {
            return node.Next;
        }

        // ENV and LABEL: BuildKit's chain is name, value, separator ("=" or "" for the legacy form), which means nothing.
        if (node.Value is "env" or "label")
        {
            return node.Next.Where((_, index) => index % 3 != 2).ToList();
        }

        return node.Next.SelectMany(n => n.Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries)).ToList();
    }

    private static bool Equivalent(ShellLexer left, string a, ShellLexer right, string b)
    {
        if (a == b)
        {
            return true;
        }

        foreach (var environment in Probes)
        {
            if (Process(left, a, environment) != Process(right, b, environment))
            {
                return false;
            }
        }

        return true;
    }

    private static string? Process(ShellLexer lexer, string word, IShellEnvironment environment)
    {
        try
        {
            return lexer.ProcessWord(word, environment);
        }
        catch (ShellLexException)
        {
            return null;
        }
    }

    // A heredoc's terminator word means nothing once its body, quoting and <<- are compared: each becomes its position.
    private static string Markers(DockerfileNode node)
    {
        var command = node.Next[0];
        for (var h = 0; h < node.Heredocs.Count; h++)
        {
            var name = System.Text.RegularExpressions.Regex.Escape(node.Heredocs[h].Name);
            command = System.Text.RegularExpressions.Regex.Replace(command, "<<(-?)[\"']?" + name + "[\"']?", "<<$1\u2983heredoc" + h + "\u2984");
        }

        return command;
    }

    // The words of a shell command as a POSIX shell splits them, quotes, escapes and substitutions kept: white space
    // outside quotes separates words. BuildKit passes a RUN's command to the shell unread, so the shell's reading is
    // the one that counts; BuildKit's own lexer knows no $(...) and would see its inner quotes as closing outer ones.
    private static IReadOnlyList<string> CommandWords(ShellLexer lexer, string command)
    {
        var escape = lexer.EscapeToken;
        var words = new List<string>();
        var word = new System.Text.StringBuilder();
        var open = new Stack<char>();
        for (var i = 0; i < command.Length; i++)
        {
            var c = command[i];
            var top = open.Count == 0 ? '\0' : open.Peek();
            if (top == '\0' && char.IsWhiteSpace(c))
            {
                if (word.Length > 0)
                {
                    words.Add(word.ToString());
                    word.Clear();
                }

                continue;
            }

            word.Append(c);
            if (top == '\'')
            {
                if (c == '\'')
                {
                    open.Pop();
                }
            }
            else if (c == escape && i + 1 < command.Length)
            {
                word.Append(command[++i]);
            }
            else if (c == '$' && i + 1 < command.Length && command[i + 1] == '(')
            {
                word.Append(command[++i]);
                open.Push('(');
            }
            else if (top == '"')
            {
                if (c == '"')
                {
                    open.Pop();
                }
            }
            else if (c is '\'' or '"')
            {
                open.Push(c);
            }
            else if (top == '(' && c == '(')
            {
                open.Push('(');
            }
            else if (top == '(' && c == ')')
            {
                open.Pop();
            }
        }

        if (word.Length > 0)
        {
            words.Add(word.ToString());
        }

        return words;
    }

    // A stage is named by its name or its index (instructions/parse.go): both become the index, so renaming is no difference.
    private static string Stage(string reference, Dictionary<string, int> stages) =>
        stages.TryGetValue(reference, out var index) ? "stage#" + index.ToString(System.Globalization.CultureInfo.InvariantCulture)
        : reference.Length > 0 && reference.All(char.IsDigit) ? "stage#" + reference
        : reference;

    private static Dictionary<string, int> StageNames(DockerfileNode root)
    {
        var names = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var index = 0;
        foreach (var node in root.Children.Where(n => n.Value == "from"))
        {
            if (node.Next.Count >= 3 && !names.ContainsKey(node.Next[2]))
            {
                names[node.Next[2]] = index;
            }

            index++;
        }

        return names;
    }

    /// <summary>Every word of the original that could name a stage: FROM images and --from values, in lower case.</summary>
    private static HashSet<string> ReferenceWords(DockerfileNode root)
    {
        var words = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var node in root.Children)
        {
            for (var n = node; ; n = n.Children[0])
            {
                if (n.Value == "from" && n.Next.Count > 0)
                {
                    words.Add(n.Next[0]);
                }

                foreach (var flag in n.Flags)
                {
                    words.Add(flag.Substring(flag.IndexOf('=') + 1));
                    foreach (var part in flag.Split(',', '='))
                    {
                        words.Add(part);
                    }
                }

                if (n.Children.Count == 0)
                {
                    break;
                }
            }
        }

        return words;
    }

    private sealed class EveryName : IShellEnvironment
    {
        private readonly bool _empty;

        public EveryName(bool empty) => _empty = empty;

        public bool TryGetValue(string name, out string value)
        {
            value = _empty ? string.Empty : "\u2983" + name + "\u2984";
            return true;
        }
    }
}

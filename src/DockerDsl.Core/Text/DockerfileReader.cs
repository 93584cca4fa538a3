using System;
using System.Collections.Generic;
using System.Linq;
using DockerDsl.Core.Model;
using DockerDsl.Core.Text.Syntax;

namespace DockerDsl.Core.Text;

/// <summary>
/// Dockerfile text to <see cref="DockerfileModel"/>: the syntax tree of <see cref="DockerfileParser"/>,
/// then each instruction given its meaning as BuildKit's instructions package does
/// (frontend/dockerfile/instructions/parse.go): the same flags, argument counts and errors. Values stay
/// words as written, for BuildKit to expand when it builds.
/// </summary>
public static class DockerfileReader
{
    /// <summary>Reads <paramref name="text"/>; throws <see cref="DockerfileParseException"/> or <see cref="DockerfileReadException"/> for text BuildKit refuses.</summary>
    /// <param name="path">The file's path as the model's sources should name it.</param>
    public static DockerfileDocument Read(string path, string text)
    {
        var document = ReadUntilError(path, text, out var error);
        if (error is not null)
        {
            throw error;
        }

        return document;
    }

    /// <summary>
    /// Reads <paramref name="text"/> as far as BuildKit's instructions package does: when an instruction is
    /// refused, the document holds the instructions before it and <paramref name="error"/> says why (the
    /// checks BuildKit makes while reading report what they found up to there). Throws
    /// <see cref="DockerfileParseException"/> for text the parser refuses.
    /// </summary>
    internal static DockerfileDocument ReadUntilError(string path, string text, out DockerfileReadException? error)
    {
        error = null;
        var syntax = DockerfileParser.Parse(text);
        var nodes = syntax.Root.Children;
        var globalArgs = new List<ArgInstruction>();
        var stages = new List<StageBuilder>();
        var read = 0;
        for (; read < nodes.Count; read++)
        {
            var node = nodes[read];
            try
            {
                Add(node, DockerfileDocument.SourceOf(path, node), syntax.EscapeToken, globalArgs, stages);
            }
            catch (DockerfileReadException e)
            {
                error = e;
                break;
            }
        }

        if (error is null && stages.Count == 0)
        {
            error = new DockerfileReadException("dockerfile contains no stages to build", 0);
        }

        var model = new DockerfileModel(
            TypeName: System.IO.Path.GetFileName(path),
            Target: new PartialTypeTarget(null, EquatableArray<string>.Empty),
            Path: path,
            Syntax: Directive(syntax, "syntax"),
            Escape: syntax.EscapeToken,
            Check: Directive(syntax, "check"),
            Image: ImageSettings.Default,
            GlobalArgs: globalArgs.ToEquatableArray(),
            Stages: stages.Select((s, i) => s.Build(i)).ToEquatableArray(),
            Problems: EquatableArray<Problem>.Empty,
            Source: SourceRef.InFile(path, 1, 1, 1));
        return new DockerfileDocument(path, syntax, model, read == nodes.Count ? nodes : nodes.Take(read).ToList());
    }

    private static void Add(DockerfileNode node, SourceRef source, char escape, List<ArgInstruction> globalArgs, List<StageBuilder> stages)
    {
        if (node.Value == "from")
        {
            stages.Add(ReadFrom(node, source, stages));
            return;
        }

        var instruction = ReadInstruction(node, source, escape);
        if (stages.Count == 0)
        {
            if (instruction is ArgInstruction arg)
            {
                globalArgs.Add(arg);
                return;
            }

            throw new DockerfileReadException("no build stage in current context", node.StartLine);
        }

        stages[stages.Count - 1].Instructions.Add(instruction);
    }

    private static string? Directive(DockerfileParseResult syntax, string name) =>
        syntax.Directives.FirstOrDefault(d => d.Name == name)?.Value;

    private static StageBuilder ReadFrom(DockerfileNode node, SourceRef source, List<StageBuilder> earlier)
    {
        var args = node.Next;
        string name;
        if (args.Count == 3 && args[1].Equals("as", StringComparison.OrdinalIgnoreCase))
        {
            name = args[2];
            if (!IsStageName(name.ToLowerInvariant()))
            {
                throw new DockerfileReadException($"invalid name for build stage: \"{name}\", name can't start with a number or contain symbols", node.StartLine);
            }
        }
        else if (args.Count == 1)
        {
            name = string.Empty;
        }
        else
        {
            throw new DockerfileReadException("FROM requires either one or three arguments", node.StartLine);
        }

        var flags = new InstructionFlags(node.Flags, node.StartLine).String("platform").Parse();

        // A FROM names an earlier stage (case-insensitively) before it names an image.
        var isStage = earlier.Any(s => s.Name.Length > 0 && s.Name.Equals(args[0], StringComparison.OrdinalIgnoreCase));
        var stageBase = isStage ? StageBase.FromStage(args[0]) : StageBase.FromImage(args[0]);
        return new StageBuilder(name, stageBase, flags.Value("platform"), source);
    }

    // BuildKit's validStageName, applied to the lower-cased name.
    private static bool IsStageName(string name) =>
        name.Length > 0 && name[0] is >= 'a' and <= 'z'
        && name.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_' or '.');

    private static Instruction ReadInstruction(DockerfileNode node, SourceRef source, char escape)
    {
        var args = node.Next;
        var line = node.StartLine;
        InstructionFlags Flags() => new(node.Flags, line);
        switch (node.Value)
        {
            case "arg":
                Flags().Parse();
                return ReadArg(args, source, line);
            case "env":
                Flags().Parse();
                return new EnvInstruction(Pairs(args, "ENV", line, escape), source);
            case "label":
                Flags().Parse();
                return new LabelInstruction(Pairs(args, "LABEL", line, escape), source);
            case "run":
                return ReadRun(node, source);
            case "copy":
            case "add":
                return ReadCopy(node, source, escape);
            case "workdir":
                Flags().Parse();
                return new WorkDirInstruction(ExactlyOne(args, "WORKDIR", line), source);
            case "user":
                Flags().Parse();
                var user = ExactlyOne(args, "USER", line);
                var colon = user.IndexOf(':');
                return colon < 0 ? new UserInstruction(user, null, source) : new UserInstruction(user.Substring(0, colon), user.Substring(colon + 1), source);
            case "expose":
                Flags().Parse();
                return ReadExpose(node, source);
            case "volume":
                Flags().Parse();
                if (args.Count == 0)
                {
                    throw new DockerfileReadException("VOLUME requires at least one argument", line);
                }

                if (args.Any(a => a.Trim().Length == 0))
                {
                    throw new DockerfileReadException("VOLUME specified can not be an empty string", line);
                }

                return new VolumeInstruction(args.Select(a => a.Trim()).ToEquatableArray(), source);
            case "cmd":
            case "entrypoint":
                Flags().Parse();
                var kind = node.Value == "cmd" ? CommandKind.Cmd : CommandKind.Entrypoint;
                if (!node.IsJson && args.Count == 0)
                {
                    return Raw(node, source);
                }

                return new CommandInstruction(kind, node.IsJson, (node.IsJson ? args : new[] { args[0] }).ToEquatableArray(), source);
            case "healthcheck":
                return ReadHealthCheck(node, source);
            case "shell":
                Flags().Parse();
                if (args.Count == 0)
                {
                    throw new DockerfileReadException("SHELL requires at least one argument", line);
                }

                if (!node.IsJson)
                {
                    throw new DockerfileReadException($"SHELL requires the arguments to be in JSON form", line);
                }

                return new ShellInstruction(args.ToEquatableArray(), source);
            case "stopsignal":
                return new StopSignalInstruction(ExactlyOne(args, "STOPSIGNAL", line), source);
            case "onbuild":
                return ReadOnBuild(node, source, escape);
            case "maintainer":
                Flags().Parse();
                ExactlyOne(args, "MAINTAINER", line);
                return Raw(node, source);
            default:
                throw new DockerfileReadException($"unknown instruction: {node.Keyword}", line);
        }
    }

    private static ArgInstruction ReadArg(IReadOnlyList<string> args, SourceRef source, int line)
    {
        if (args.Count == 0)
        {
            throw new DockerfileReadException("ARG requires at least one argument", line);
        }

        var definitions = new List<ArgDefinition>();
        foreach (var arg in args)
        {
            var equals = arg.IndexOf('=');
            if (equals == 0)
            {
                throw new DockerfileReadException("ARG names can not be blank", line);
            }

            definitions.Add(equals < 0 ? new ArgDefinition(arg, null) : new ArgDefinition(arg.Substring(0, equals), arg.Substring(equals + 1)));
        }

        return new ArgInstruction(definitions.ToEquatableArray(), source);
    }

    // The parser gives ENV and LABEL as (key, value, delimiter) triples; the delimiter is "=" or "" for the legacy form.
    private static EquatableArray<KeyValue> Pairs(IReadOnlyList<string> args, string keyword, int line, char escape)
    {
        if (args.Count == 0)
        {
            throw new DockerfileReadException($"{keyword} requires at least one argument", line);
        }

        if (args.Count % 3 != 0)
        {
            throw new DockerfileReadException($"Bad input to {keyword}, too many arguments", line);
        }

        var pairs = new List<KeyValue>();
        for (var i = 0; i < args.Count; i += 3)
        {
            if (args[i].Length == 0)
            {
                throw new DockerfileReadException($"{keyword} names can not be blank", line);
            }

            pairs.Add(new KeyValue(args[i], args[i + 2].Length == 0 ? LegacyValueAsWord(args[i + 1], escape) : args[i + 1]));
        }

        return pairs.ToEquatableArray();
    }

    // The value of the legacy form (ENV NAME value with spaces) is the rest of the line, which BuildKit
    // expands as one word; the model holds words of the NAME=value form, so its white space is quoted or escaped.
    private static string LegacyValueAsWord(string value, char escape)
    {
        if (!value.Any(char.IsWhiteSpace))
        {
            return value;
        }

        if (value.IndexOfAny(new[] { '"', '\'', escape }) < 0)
        {
            return "\"" + value + "\"";
        }

        var word = new System.Text.StringBuilder(value.Length + 8);
        var quote = '\0';
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == escape && quote != '\'' && i + 1 < value.Length)
            {
                word.Append(c).Append(value[++i]);
                continue;
            }

            if (quote == '\0' && c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == quote)
            {
                quote = '\0';
            }
            else if (quote == '\0' && char.IsWhiteSpace(c))
            {
                word.Append(escape);
            }

            word.Append(c);
        }

        return word.ToString();
    }

    private static string ExactlyOne(IReadOnlyList<string> args, string keyword, int line) =>
        args.Count == 1 ? args[0] : throw new DockerfileReadException($"{keyword} requires exactly one argument", line);

    private static Instruction ReadRun(DockerfileNode node, SourceRef source)
    {
        var flags = new InstructionFlags(node.Flags, node.StartLine).Strings("mount").String("network").String("security").Strings("device").Parse();
        var mounts = flags.Values("mount").Select(m => RunMounts.Parse(m, source)).ToEquatableArray();
        var args = node.Next;

        var devices = new List<RunDevice>();
        foreach (var value in flags.Values("device"))
        {
            // Quoted CSV fields and names the model would write otherwise keep the RUN's text, which the rules still read by keyword.
            if (value.IndexOf('"') >= 0)
            {
                return Raw(node, source);
            }

            var device = RunDevice.Read(value, out var error) ?? throw new DockerfileReadException(error!, node.StartLine);
            if (!device.IsWritable)
            {
                return Raw(node, source);
            }

            devices.Add(device);
        }

        RunInstruction Run(RunForm form, IEnumerable<string> lines, HeredocMarker? marker = null, string? command = null) =>
            new(form, lines.ToEquatableArray(), mounts, flags.Value("network"), flags.Value("security"), source, devices.ToEquatableArray(), marker, command);

        if (node.IsJson)
        {
            return Run(RunForm.Exec, args);
        }

        if (node.Heredocs.Count > 0)
        {
            // One script the shell runs keeps its marker as written (<<EOF, <<-'EOT'); a command line that opens
            // heredocs (python3 <<EOF, <<A cat > a && <<B cat > b) is kept as written, with the bodies in order.
            if (args.Count != 1)
            {
                return Raw(node, source);
            }

            if (node.Heredocs.Count == 1 && MarkerOf(args[0].Trim(), node.Heredocs[0]) is { } marker)
            {
                return Run(RunForm.Heredoc, new[] { node.Heredocs[0].Content }, marker);
            }

            var opened = Syntax.HeredocWord.FromLine(args[0]).Select(h => h.Name);
            return opened.SequenceEqual(node.Heredocs.Select(h => h.Name))
                ? Run(RunForm.Heredoc, node.Heredocs.Select(h => h.Content), command: args[0])
                : Raw(node, source);
        }

        return args.Count == 0 ? Raw(node, source) : Run(RunForm.Shell, new[] { args[0] });
    }

    private static Instruction ReadCopy(DockerfileNode node, SourceRef source, char escape)
    {
        var isAdd = node.Value == "add";
        var keyword = isAdd ? "ADD" : "COPY";
        var args = node.Next;
        if (args.Count < 2)
        {
            throw new DockerfileReadException($"{keyword} requires at least two arguments, but only one was provided. Destination could not be determined", node.StartLine);
        }

        var flags = new InstructionFlags(node.Flags, node.StartLine).String("chown").String("chmod").Bool("link").Strings("exclude");
        if (isAdd)
        {
            flags.String("checksum").Bool("keep-git-dir").Bool("unpack");
        }
        else
        {
            flags.String("from").Bool("parents");
        }

        flags.Parse();
        var destination = args[args.Count - 1];
        if (HeredocWord(destination))
        {
            throw new DockerfileReadException($"{keyword} cannot accept a heredoc as a destination", node.StartLine);
        }

        var sources = args.Take(args.Count - 1).ToList();
        string? content = null;
        HeredocMarker? marker = null;
        if (node.Heredocs.Count > 0 || sources.Any(HeredocWord))
        {
            // The model's heredoc COPY is one file, its marker kept as written (<<'EOF' takes the body as it is, <<EOF expands it).
            marker = node.Heredocs.Count == 1 && sources.Count == 1 ? MarkerOf(sources[0], node.Heredocs[0]) : null;
            if (marker is null)
            {
                return Raw(node, source);
            }

            content = node.Heredocs[0].Content;
            sources.Clear();
        }

        // BuildKit expands a JSON element as the word it is; the emitter writes the shell form unless a path needs
        // the JSON one, so elements that form would read otherwise (an empty word, a flag, a line continuation) keep their text.
        if (node.IsJson && !JsonPathsAreWords(sources, destination, escape))
        {
            return Raw(node, source);
        }

        return new CopyInstruction(
            isAdd ? CopyKind.Add : CopyKind.Copy,
            sources.ToEquatableArray(),
            destination,
            isAdd ? null : flags.Value("from"),
            flags.Value("chown"),
            flags.Value("chmod"),
            flags.IsTrue("link"),
            flags.Values("exclude").ToEquatableArray(),
            !isAdd && flags.IsTrue("parents"),
            isAdd ? flags.Value("checksum") : null,
            isAdd && flags.IsTrue("keep-git-dir"),
            content,
            source,
            isAdd && flags.Value("unpack") is not null ? flags.IsTrue("unpack") : null,
            marker);
    }

    // The marker of a word that opens exactly this heredoc in the plain form the model writes back; null for others (3<<EOF, <<"E"OF).
    private static HeredocMarker? MarkerOf(string word, Syntax.Heredoc heredoc)
    {
        var marker = word.StartsWith("<<", StringComparison.Ordinal) ? HeredocMarker.Parse(word.Substring(2)) : null;
        return marker is { } m && m.Name == heredoc.Name && m.Expand == heredoc.Expand && m.Chomp == heredoc.Chomp && heredoc.FileDescriptor == 0 ? m : null;
    }

    private static bool JsonPathsAreWords(List<string> sources, string destination, char escape)
    {
        var paths = sources.Concat(new[] { destination }).ToList();
        if (paths.Any(p => p.Length == 0))
        {
            return false;
        }

        return paths.Any(Emit.DockerfileEmitter.NeedsJsonForm)
            || (!paths[0].StartsWith("--", StringComparison.Ordinal) && !destination.EndsWith(escape.ToString(), StringComparison.Ordinal));
    }

    private static bool HeredocWord(string word) =>
        word.StartsWith("<<", StringComparison.Ordinal) && word.Length > 2 && word[2] != '<';

    private static Instruction ReadExpose(DockerfileNode node, SourceRef source)
    {
        if (node.Next.Count == 0)
        {
            throw new DockerfileReadException("EXPOSE requires at least one argument", node.StartLine);
        }

        // The ports stay words as written: BuildKit expands and checks them when it builds (dockerfile2llb/convert_expose.go).
        return new ExposeInstruction(node.Next.ToEquatableArray(), source);
    }

    private static Instruction ReadHealthCheck(DockerfileNode node, SourceRef source)
    {
        var args = node.Next;
        var line = node.StartLine;
        if (args.Count == 0)
        {
            throw new DockerfileReadException("HEALTHCHECK requires at least one argument", line);
        }

        var type = args[0].ToUpperInvariant();
        if (type == "NONE")
        {
            new InstructionFlags(node.Flags, line).Parse();
            if (args.Count != 1)
            {
                throw new DockerfileReadException("HEALTHCHECK NONE takes no arguments", line);
            }

            return new HealthCheckInstruction(true, false, EquatableArray<string>.Empty, null, null, null, null, null, source);
        }

        var flags = new InstructionFlags(node.Flags, line).String("interval").String("timeout").String("start-period").String("start-interval").String("retries").Parse();
        if (type != "CMD")
        {
            throw new DockerfileReadException($"Unknown type \"{type}\" in HEALTHCHECK (try CMD)", line);
        }

        var command = args.Skip(1).ToList();
        if (command.Count == 0)
        {
            throw new DockerfileReadException("Missing command after HEALTHCHECK CMD", line);
        }

        int? retries = null;
        if (flags.Value("retries") is { } text)
        {
            if (!int.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var value))
            {
                throw new DockerfileReadException($"strconv.ParseInt: parsing \"{text}\": invalid syntax", line);
            }

            if (value < 0)
            {
                throw new DockerfileReadException($"--retries cannot be negative ({value})", line);
            }

            retries = value;
        }

        return new HealthCheckInstruction(
            false,
            node.IsJson,
            (node.IsJson ? command : new List<string> { command[0] }).ToEquatableArray(),
            flags.Value("interval"),
            flags.Value("timeout"),
            flags.Value("start-period"),
            flags.Value("start-interval"),
            retries,
            source);
    }

    private static Instruction ReadOnBuild(DockerfileNode node, SourceRef source, char escape)
    {
        new InstructionFlags(node.Flags, node.StartLine).Parse();
        if (node.Children.Count == 0)
        {
            throw new DockerfileReadException("ONBUILD requires at least one argument", node.StartLine);
        }

        var trigger = node.Children[0].Value.ToUpperInvariant();
        if (trigger == "ONBUILD")
        {
            throw new DockerfileReadException("Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed", node.StartLine);
        }

        if (trigger is "MAINTAINER" or "FROM")
        {
            throw new DockerfileReadException($"{trigger} isn't allowed as an ONBUILD trigger", node.StartLine);
        }

        // BuildKit keeps the trigger as the text after ONBUILD, with the heredocs it reads appended.
        var expression = OnBuildPrefix.Replace(node.Original, string.Empty);
        foreach (var heredoc in node.Heredocs)
        {
            expression += "\n" + heredoc.Content + heredoc.Name;
        }

        return new OnBuildInstruction(expression, source, ReadTrigger(expression, source, escape));
    }

    /// <summary>
    /// An ONBUILD trigger read as the instruction it is, as BuildKit reads it when a later build runs it
    /// (dockerfile2llb's dispatchOnBuildTriggers parses it on its own); null when the model cannot type it or BuildKit refuses it.
    /// </summary>
    public static Instruction? ReadTrigger(string trigger, SourceRef source, char escape)
    {
        var text = (escape == '\\' ? string.Empty : "# escape=" + escape + "\n") + "FROM scratch\n" + trigger + "\n";
        try
        {
            var document = ReadUntilError(source.Origin ?? "ONBUILD", text, out var error);
            var instructions = document.Model.Stages.Count == 1 ? document.Model.Stages[0].Instructions : EquatableArray<Instruction>.Empty;
            return error is null && instructions.Count == 1 && instructions[0] is not (RawInstruction or OnBuildInstruction) ? instructions[0] with { Source = source } : null;
        }
        catch (Exception e) when (e is Syntax.DockerfileParseException or DockerfileReadException)
        {
            return null;
        }
    }

    private static readonly System.Text.RegularExpressions.Regex OnBuildPrefix =
        new(@"^\s*ONBUILD\s*", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    private static RawInstruction Raw(DockerfileNode node, SourceRef source) =>
        new(node.Value.ToUpperInvariant(), node.Original.Trim(), source);

    private sealed class StageBuilder
    {
        private readonly StageBase _base;
        private readonly string? _platform;
        private readonly SourceRef _source;

        public StageBuilder(string name, StageBase stageBase, string? platform, SourceRef source)
        {
            Name = name;
            _base = stageBase;
            _platform = platform;
            _source = source;
        }

        public string Name { get; }

        public List<Instruction> Instructions { get; } = new();

        public StageModel Build(int index) => new(Name, string.Empty, string.Empty, _base, _platform, Instructions.ToEquatableArray(), _source, Index: index);
    }
}

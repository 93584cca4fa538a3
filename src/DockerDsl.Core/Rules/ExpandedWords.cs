using System;
using System.Collections.Generic;
using System.Linq;
using DockerDsl.Core.Model;
using DockerDsl.Core.Text;
using DockerDsl.Core.Text.Shell;
using DockerDsl.Core.Text.Syntax;

namespace DockerDsl.Core.Rules;

/// <summary>
/// The words of every instruction of Dockerfile text as BuildKit expands them while it builds each stage
/// (dockerfile2llb's dispatch): each stage starts with the variables of the stage it is built FROM, or
/// with its image's environment and PATH; ARG and ENV add to them in order. Which words are expanded follows the
/// instructions' Expand methods (frontend/dockerfile/instructions/commands.go): ENV and LABEL keys and
/// values, ARG defaults without a --build-arg value, COPY and ADD sources, destination, --chown, --chmod
/// and --checksum and expanding heredocs, WORKDIR, USER, VOLUME, STOPSIGNAL, RUN --mount options; EXPOSE
/// is split into words. RUN, CMD, ENTRYPOINT, HEALTHCHECK and SHELL text is the shell's, not expanded.
/// The environment of a base image is known for <c>scratch</c> (PATH alone) and for the images given
/// their environment; any other image may define any variable. A model of C# declarations has no text: its
/// words are the ones its typed instructions hold, and a raw ARG or ENV it cannot read may set any variable.
/// </summary>
public sealed class ExpandedWords
{
    /// <summary>The PATH BuildKit sets in a stage whose image sets none.</summary>
    public const string DefaultPath = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    private static readonly IReadOnlyList<ExpandedWord> None = Array.Empty<ExpandedWord>();

    private readonly Dictionary<int, IReadOnlyList<ExpandedWord>> _byLine = new();
    private readonly Dictionary<Instruction, IReadOnlyList<ExpandedWord>> _byInstruction = new();
    private readonly ShellLexer _rawLexer = new('\\', new ShellLexerOptions { SkipProcessQuotes = true });
    private readonly IReadOnlyDictionary<string, string> _buildArgs;
    private readonly IReadOnlyDictionary<string, IReadOnlyList<string>> _imageEnvironments;

    private ExpandedWords(GlobalArguments global, IReadOnlyDictionary<string, string> buildArgs, IReadOnlyDictionary<string, IReadOnlyList<string>> imageEnvironments)
    {
        Global = global;
        _buildArgs = buildArgs;
        _imageEnvironments = imageEnvironments;
    }

    /// <summary>The global arguments the stages start from.</summary>
    public GlobalArguments Global { get; }

    /// <summary>Expands the stages of <paramref name="document"/>'s model for a build with <paramref name="buildArgs"/> of <paramref name="target"/>.</summary>
    /// <param name="imageEnvironments">The environment (<c>NAME=value</c> entries) of base images, by the reference FROM names them with.</param>
    public static ExpandedWords Of(
        DockerfileDocument document,
        IReadOnlyDictionary<string, string> buildArgs,
        string? target = null,
        IReadOnlyDictionary<string, IReadOnlyList<string>>? imageEnvironments = null)
    {
        var words = new ExpandedWords(
            GlobalArguments.Of(document.Model, buildArgs, target),
            buildArgs,
            imageEnvironments ?? new Dictionary<string, IReadOnlyList<string>>());
        words.Dispatch(document.Model, document);
        return words;
    }

    /// <summary>Expands the stages of <paramref name="model"/>, a model of declarations or of text, from the words its typed instructions hold.</summary>
    public static ExpandedWords Of(
        DockerfileModel model,
        IReadOnlyDictionary<string, string>? buildArgs = null,
        string? target = null,
        IReadOnlyDictionary<string, IReadOnlyList<string>>? imageEnvironments = null)
    {
        buildArgs ??= new Dictionary<string, string>();
        var words = new ExpandedWords(
            GlobalArguments.Of(model, buildArgs, target),
            buildArgs,
            imageEnvironments ?? new Dictionary<string, IReadOnlyList<string>>());
        words.Dispatch(model, document: null);
        return words;
    }

    /// <summary>The words of <paramref name="instruction"/> in the order BuildKit expands them; empty when it expands none, or when an earlier word of its stage already failed the build.</summary>
    public IReadOnlyList<ExpandedWord> Of(Instruction instruction) =>
        (instruction.Source.IsInFile ? _byLine.TryGetValue(instruction.Source.Line, out var words) : _byInstruction.TryGetValue(instruction, out words)) ? words : None;

    /// <summary>The first word of <paramref name="instruction"/> in <paramref name="role"/>, or null.</summary>
    public ExpandedWord? Of(Instruction instruction, string role) => Of(instruction).FirstOrDefault(w => w.Role == role);

    private void Dispatch(DockerfileModel model, DockerfileDocument? document)
    {
        var stages = model.Stages;
        var finalScopes = new VariableScope?[stages.Count];
        for (var i = 0; i < stages.Count; i++)
        {
            var baseIndex = BaseIndex(model, i);
            var scope = baseIndex is { } b ? finalScopes[b]?.Clone() : ImageScope(stages[i]);
            foreach (var instruction in stages[i].Instructions)
            {
                if (scope is null)
                {
                    break;
                }

                DockerfileNode? node = null;
                if (document is not null && (node = document.InstructionAt(instruction.Source.Line)) is null)
                {
                    continue;
                }

                var words = new List<ExpandedWord>();
                if (document is null)
                {
                    _byInstruction[instruction] = words;
                }
                else
                {
                    _byLine[instruction.Source.Line] = words;
                }

                // BuildKit's build stops at a word its lexer refuses: nothing after it in the stage, or in a stage built FROM it, is known.
                if (!Dispatch(instruction, node, scope, words) || words.Any(w => w.Result is null))
                {
                    scope = null;
                }
            }

            finalScopes[i] = scope;
        }
    }

    // What a stage built on an image starts with: the image's environment, with PATH always set.
    private VariableScope ImageScope(StageModel stage)
    {
        var image = stage.Base.Image is { } word ? Global.Expand(WordRoles.Source, word).Result : null;
        IReadOnlyList<string>? environment = image == "scratch" ? Array.Empty<string>()
            : image is not null && _imageEnvironments.TryGetValue(image, out var known) ? known
            : null;
        var scope = new VariableScope(isComplete: environment is not null);
        foreach (var entry in environment ?? Array.Empty<string>())
        {
            var equals = entry.IndexOf('=');
            scope.Set(equals < 0 ? entry : entry.Substring(0, equals), equals < 0 ? string.Empty : entry.Substring(equals + 1));
        }

        if (!scope.TryGetValue("PATH", out _))
        {
            scope.Set("PATH", DefaultPath, uncertain: environment is null);
        }

        return scope;
    }

    // The index of the stage the stage at index is built FROM (StageChain.BaseOf: the latest earlier one of that name).
    private static int? BaseIndex(DockerfileModel model, int index)
    {
        if (StageChain.BaseOf(model, model.Stages[index]) is not { } stage)
        {
            return null;
        }

        for (var i = 0; i < index; i++)
        {
            if (ReferenceEquals(model.Stages[i], stage))
            {
                return i;
            }
        }

        return null;
    }

    // False when the lexer refuses a word whose value the stage needs.
    private bool Dispatch(Instruction instruction, DockerfileNode? node, VariableScope scope, List<ExpandedWord> words)
    {
        var lexer = Global.Lexer;
        ExpandedWord Add(string role, string word, bool checksUndefined = true)
        {
            var expanded = ExpandedWord.Expand(lexer, scope, role, word, checksUndefined);
            words.Add(expanded);
            return expanded;
        }

        switch (instruction)
        {
            case ArgInstruction arg:
                return DispatchArg(arg, scope, words);
            case EnvInstruction env:
                var pairs = env.Variables.Select(v => (Key: Add(WordRoles.Key, v.Key), Value: Add(WordRoles.Value, v.Value))).ToList();

                // Every value is expanded with the variables set before the ENV, then all are set.
                foreach (var (key, value) in pairs)
                {
                    if (key.Result is null || value.Result is null)
                    {
                        return false;
                    }

                    scope.Set(key.Result, value.Result, key.Uncertain || value.Uncertain);
                }

                return true;
            case LabelInstruction label:
                foreach (var pair in label.Labels)
                {
                    Add(WordRoles.Key, pair.Key);
                    Add(WordRoles.Value, pair.Value);
                }

                return true;
        }

        return node is null ? DispatchTyped(instruction, scope, Add) : DispatchNode(instruction, node, scope, words, Add);
    }

    // The words of a typed instruction of a model without text, in the order BuildKit expands them.
    private static bool DispatchTyped(Instruction instruction, VariableScope scope, Func<string, string, bool, ExpandedWord> add)
    {
        switch (instruction)
        {
            case CopyInstruction copy:
                foreach (var flag in new[] { copy.Chown, copy.Chmod, copy.Checksum })
                {
                    if (flag is not null)
                    {
                        add(WordRoles.Flag, flag, true);
                    }
                }

                foreach (var source in copy.Sources)
                {
                    add(WordRoles.Source, source, true);
                }

                add(WordRoles.Destination, copy.Destination, true);
                return true;
            case WorkDirInstruction workDir:
                add(WordRoles.Path, workDir.Path, true);
                return true;
            case UserInstruction user:
                add(WordRoles.User, user.Text, true);
                return true;
            case StopSignalInstruction stopSignal:
                add(WordRoles.Signal, stopSignal.Signal, true);
                return true;
            case VolumeInstruction volume:
                foreach (var path in volume.Paths)
                {
                    add(WordRoles.Volume, path, true);
                }

                return true;
            case ExposeInstruction expose:
                foreach (var port in expose.Ports)
                {
                    add(WordRoles.Port, port, false);
                }

                return true;
            case RunInstruction run:
                foreach (var option in run.Mounts.SelectMany(m => m.Options))
                {
                    add(WordRoles.Mount, option.Value, true);
                }

                return true;
            case RawInstruction { Keyword: "USER" } raw:
                add(WordRoles.User, UserRules.UserOf(raw)!, true);
                return true;
            case RawInstruction { Keyword: "ARG" or "ENV" }:
                // What it sets is not read: any variable may now have any value.
                scope.MarkUnknown();
                return true;
            default:
                return true;
        }
    }

    private bool DispatchNode(Instruction instruction, DockerfileNode node, VariableScope scope, List<ExpandedWord> words, Func<string, string, bool, ExpandedWord> add)
    {
        ExpandedWord Add(string role, string word, bool checksUndefined = true) => add(role, word, checksUndefined);
        switch (node.Value)
        {
            case "copy":
            case "add":
                foreach (var flag in node.Flags)
                {
                    if (FlagValue(flag, "chown", "chmod", node.Value == "add" ? "checksum" : null) is { } value)
                    {
                        Add(WordRoles.Flag, value);
                    }
                }

                for (var i = 0; i < node.Next.Count; i++)
                {
                    var word = node.Next[i];
                    var last = i == node.Next.Count - 1;
                    if (!last && HeredocWord.Parse(word) is { } marker)
                    {
                        if (node.Heredocs.FirstOrDefault(h => h.Name == marker.Name) is { Expand: true } heredoc)
                        {
                            var content = heredoc.Chomp ? Heredoc.ChompContent(heredoc.Content) : heredoc.Content;
                            words.Add(ExpandedWord.Expand(_rawLexer, scope, WordRoles.Heredoc, content, checksUndefined: true));
                        }

                        continue;
                    }

                    Add(last ? WordRoles.Destination : WordRoles.Source, word);
                }

                return true;
            case "workdir":
                AddFirst(node, WordRoles.Path, Add);
                return true;
            case "user":
                AddFirst(node, WordRoles.User, Add);
                return true;
            case "stopsignal":
                AddFirst(node, WordRoles.Signal, Add);
                return true;
            case "volume":
                foreach (var volume in node.Next)
                {
                    Add(WordRoles.Volume, volume);
                }

                return true;
            case "expose":
                foreach (var port in node.Next)
                {
                    Add(WordRoles.Port, port, checksUndefined: false);
                }

                return true;
            case "run" when instruction is RunInstruction run:
                foreach (var option in run.Mounts.SelectMany(m => m.Options))
                {
                    Add(WordRoles.Mount, option.Value);
                }

                return true;
            default:
                return true;
        }
    }

    // dispatchArg: one build argument after the other, each seeing the ones before it.
    private bool DispatchArg(ArgInstruction arg, VariableScope scope, List<ExpandedWord> words)
    {
        foreach (var definition in arg.Args)
        {
            string? value = null;
            var uncertain = false;
            if (_buildArgs.TryGetValue(definition.Name, out var given))
            {
                value = given;
            }
            else if (definition.Default is { } word)
            {
                var expanded = ExpandedWord.Expand(Global.Lexer, scope, WordRoles.Default, word, checksUndefined: true);
                words.Add(expanded);
                if (expanded.Result is null)
                {
                    return false;
                }

                (value, uncertain) = (expanded.Result, expanded.Uncertain);
            }
            else if (Global.Values.TryGetValue(definition.Name, out var inherited))
            {
                value = inherited;
            }

            if (value is not null && !ExpandedWord.IsNonEnvironmentArg(definition.Name))
            {
                scope.Set(definition.Name, value, uncertain);
            }

            scope.Declare(definition.Name);
        }

        return true;
    }

    private static void AddFirst(DockerfileNode node, string role, Func<string, string, bool, ExpandedWord> add)
    {
        if (node.Next.Count > 0)
        {
            add(role, node.Next[0], true);
        }
    }

    // The value of a --name=value flag when name is one of those given.
    private static string? FlagValue(string flag, params string?[] names)
    {
        var text = flag.StartsWith("--", StringComparison.Ordinal) ? flag.Substring(2) : flag;
        var equals = text.IndexOf('=');
        return equals > 0 && names.Contains(text.Substring(0, equals)) ? text.Substring(equals + 1) : null;
    }
}

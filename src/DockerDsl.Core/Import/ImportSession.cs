using System;
using System.Collections.Generic;
using System.Linq;
using DockerDsl.Core.Model;
using DockerDsl.Core.Text;
using DockerDsl.Core.Text.Syntax;

namespace DockerDsl.Core.Import;

/// <summary>One import: names the declarations, maps each instruction, then writes the C# file.</summary>
internal sealed partial class ImportSession
{
    private static readonly HashSet<string> ReservedNames = new(StringComparer.Ordinal)
    {
        // What the generator adds to the Dockerfile class, and the namespace.
        "DockerfilePath", "DockerfileText", "Stages", "StageNames", "DockerDsl", "System",

        // A nested class with an attribute's name would hide the attribute.
        "Dockerfile", "Stage", "BuildTarget", "BuildArg", "Arg", "Run", "RunExec", "RunHeredoc", "Copy", "CopyFrom",
        "CopyHeredoc", "Add", "WorkDir", "User", "Env", "Label", "Expose", "Volume", "Cmd", "CmdShell", "Entrypoint",
        "EntrypointShell", "HealthCheck", "NoHealthCheck", "Shell", "StopSignal", "OnBuild", "Instruction", "AptInstall",
        "NonRootUser", "Ccache", "StripDebugSymbols", "CacheMount", "SecretMount", "SshMount", "BindMount", "TmpfsMount",
        "GeneratedFile", "CacheSharing", "RunNetwork", "RunSecurity", "ExposeProtocol", "DockerfileSyntax",
    };

    private readonly DockerfileDocument _document;
    private readonly ImportOptions _options;
    private readonly char _escape;
    private readonly Words _words;
    private readonly SourceLayout _layout;
    private readonly HashSet<string> _classNames = new(StringComparer.Ordinal);
    private readonly List<StagePlan> _stages = new();
    private readonly List<BuildArgDeclaration> _buildArgs = new();
    private readonly List<MountDeclaration> _mounts = new();
    private readonly List<ImportedInstruction> _report = new();
    private readonly List<Mapped> _globalArgs = new();
    private readonly bool _windows;

    public ImportSession(DockerfileDocument document, ImportOptions options)
    {
        _document = document;
        _options = options;
        _escape = document.Model.Escape;
        _words = new Words(_escape);
        _layout = SourceLayout.Read(document, options.Text);
        _classNames.Add(options.ClassName);
        _windows = _escape == '`' || document.Model.Stages.Any(s => s.Base.Image is { } image && IsWindowsImage(image));
    }

    public ImportResult Run()
    {
        PlanStages();
        var nodes = _document.Syntax.Root.Children;
        var stage = -1;
        var refused = 0;
        foreach (var node in nodes)
        {
            for (; refused < _options.Refused.Count && _options.Refused[refused].Node.StartLine < node.StartLine; refused++)
            {
                AddRefused(_options.Refused[refused], stage);
            }

            if (node.Value == "from")
            {
                stage++;
                _stages[stage].Header = MapFrom(_stages[stage], node);
                continue;
            }

            if (stage < 0)
            {
                _globalArgs.Add(MapGlobalArg(node));
                continue;
            }

            var plan = _stages[stage];
            plan.Instructions.Add(MapInstruction(plan, node));
        }

        for (; refused < _options.Refused.Count; refused++)
        {
            AddRefused(_options.Refused[refused], stage);
        }

        var ignore = IgnorePatterns(out var skipped);
        var source = Write(ignore);
        return new ImportResult(source, new ImportReport(_report, skipped));
    }

    // An instruction BuildKit refuses is written back as it was, so nothing of the file is lost; it stays an error there.
    private void AddRefused(RefusedInstruction refused, int stage)
    {
        var reason = "BuildKit refuses this instruction: " + refused.Reason;
        if (stage < 0)
        {
            _globalArgs.Add(Fallback(null, refused.Node, reason));
        }
        else
        {
            _stages[stage].Instructions.Add(Fallback(_stages[stage], refused.Node, reason));
        }
    }

    private static bool IsWindowsImage(string image)
    {
        var lowered = image.ToLowerInvariant();
        return lowered.Contains("windows") || lowered.Contains("nanoserver") || lowered.Contains("servercore");
    }

    private void Record(DockerfileNode node, ImportOutcome outcome, string? reason) =>
        _report.Add(new ImportedInstruction(node.StartLine, node.Value.ToUpperInvariant(), outcome, reason));

    /// <summary>A name for a new class: the first of <paramref name="preferred"/> not taken, or with <paramref name="suffix"/>, or numbered.</summary>
    private string ClassName(string preferred, string suffix, params string[] alternatives)
    {
        if (!CSharpCode.IsIdentifier(preferred))
        {
            preferred = suffix;
        }

        var candidates = new List<string> { preferred };
        candidates.AddRange(alternatives.Where(CSharpCode.IsIdentifier));
        candidates.Add(preferred.EndsWith(suffix, StringComparison.Ordinal) ? preferred : preferred + suffix);
        foreach (var candidate in candidates)
        {
            if (!ReservedNames.Contains(candidate) && _classNames.Add(candidate))
            {
                return candidate;
            }
        }

        for (var i = 2; ; i++)
        {
            var candidate = preferred + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (!ReservedNames.Contains(candidate) && _classNames.Add(candidate))
            {
                return candidate;
            }
        }
    }

    private List<string> IgnorePatterns(out List<string> skipped)
    {
        var patterns = new List<string>();
        skipped = new List<string>();
        if (_options.Dockerignore is null)
        {
            return patterns;
        }

        foreach (var raw in _options.Dockerignore.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Trim().Length == 0 || line.TrimStart().StartsWith("#", StringComparison.Ordinal))
            {
                continue;
            }

            if (DeclarationValues.IgnorePattern(line))
            {
                patterns.Add(line);
            }
            else
            {
                skipped.Add(line);
            }
        }

        return patterns;
    }

    /// <summary>A stage of the file: the name it has (or is given), its class and its instructions.</summary>
    private sealed class StagePlan
    {
        public StagePlan(StageModel model) => Model = model;

        public StageModel Model { get; }

        public string Name { get; set; } = string.Empty;

        public string ClassName { get; set; } = string.Empty;

        public Mapped? Header { get; set; }

        public List<Mapped> Instructions { get; } = new();

        /// <summary>The owner COPY and ADD get without --chown, as the C# front end computes it, at the end of the stage.</summary>
        public string? Owner { get; set; }
    }

    /// <summary>One instruction as C#: its attribute (with the comments before it) and what it became.</summary>
    private sealed class Mapped
    {
        public Mapped(DockerfileNode node, params CSharpAttribute[] attributes)
        {
            Node = node;
            Attributes = attributes;
        }

        public DockerfileNode Node { get; }

        /// <summary>One attribute, or one per build argument of an ARG that declares several.</summary>
        public IReadOnlyList<CSharpAttribute> Attributes { get; }

        /// <summary>A line to write before the attribute, saying why it is not typed.</summary>
        public string? Note { get; init; }

        /// <summary>Comments from inside the instruction's lines that the attribute does not place itself.</summary>
        public List<string> InnerComments { get; } = new();
    }

    private sealed record BuildArgDeclaration(string ClassName, string Name, string? Default, bool Expand);

    private sealed record MountDeclaration(string ClassName, string Key, CSharpAttribute Attribute);
}

using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using DockerDsl.Core.Emit;
using DockerDsl.Core.Helpers;
using DockerDsl.Core.Model;
using Microsoft.CodeAnalysis;

namespace DockerDsl.Declarations.Parsing;

/// <summary>Parses one stage class: its FROM and its instruction attributes in source order.</summary>
internal sealed partial class StageParser
{
    private static readonly HashSet<string> InstructionNames = new()
    {
        "Arg", "Env", "Label", "Run", "RunExec", "RunHeredoc", "Copy", "CopyFrom", "CopyHeredoc", "Add",
        "WorkDir", "User", "Expose", "Volume", "Cmd", "CmdShell", "Entrypoint", "EntrypointShell",
        "HealthCheck", "NoHealthCheck", "Shell", "StopSignal", "OnBuild", "Instruction",
        "AptInstall", "ApkInstall", "DnfInstall", "NonRootUser", "Ccache", "StripDebugSymbols",
    };

    private readonly ParseSession _session;
    private readonly INamedTypeSymbol _stage;
    private readonly string _typeName;
    private readonly List<Instruction> _instructions = new();
    private StageInheritance _state = StageInheritance.None;

    public StageParser(ParseSession session, INamedTypeSymbol stage)
    {
        _session = session;
        _stage = stage;
        _typeName = SymbolNames.MetadataName(stage);
    }

    private char Escape => _session.Escape;

    public static bool IsInstruction(string attributeName) =>
        InstructionNames.Contains(ShortName(attributeName));

    public ParsedStage Parse()
    {
        var attributes = _stage.GetAttributes();
        var stageIndex = ParseSession.IndexOf(attributes, AttributeNames.Stage);
        var stageSource = SourceRef.Attribute(_typeName, stageIndex);
        var stageReader = _session.Read(attributes[stageIndex], stageSource);

        var name = stageReader.NamedString("Name") ?? Naming.ToKebabCase(_stage.Name);
        _session.Check(ValueRules.StageName(name), stageReader.HasNamed("Name") ? stageSource.WithArgument("Name") : stageSource, $"The stage name '{name}'", ProblemKind.InvalidStageName);

        var stageBase = ParseBase(stageReader);
        var platform = stageReader.NamedString("Platform");
        if (platform is not null)
        {
            _session.Check(ValueRules.StagePlatform(platform, Escape), stageSource.WithArgument("Platform"), "Platform", ProblemKind.InvalidValue);
        }

        CheckNotSplit(attributes, stageSource);

        for (var i = 0; i < attributes.Length; i++)
        {
            var attributeName = AttributeNames.Of(attributes[i]);
            if (attributeName is null || i == stageIndex || !IsInstruction(attributeName))
            {
                continue;
            }

            var reader = _session.Read(attributes[i], SourceRef.Attribute(_typeName, i));
            if (attributes[i].AttributeConstructor is null)
            {
                _session.Report(ProblemKind.AttributeHasErrors, $"[{ShortName(attributeName)}] does not compile.", reader.Source);
                continue;
            }

            ParseInstruction(ShortName(attributeName), reader);
        }

        var model = new StageModel(name, _stage.Name, _typeName, stageBase, platform, _instructions.ToEquatableArray(), stageSource, ParseBuildTarget(attributes));
        return new ParsedStage(model, _state);
    }

    /// <summary>The bake tags of a stage marked [BuildTarget]; null when it is not one.</summary>
    private EquatableArray<string>? ParseBuildTarget(ImmutableArray<AttributeData> attributes)
    {
        var index = ParseSession.IndexOf(attributes, "DockerDsl.BuildTargetAttribute");
        if (index < 0)
        {
            return null;
        }

        var reader = _session.Read(attributes[index], SourceRef.Attribute(_typeName, index));
        var tags = reader.NamedStrings("Tags");
        CheckAll(tags, ValueRules.Tag, reader.Source.WithArgument("Tags"), "Tag", ProblemKind.InvalidValue);
        return Strings(tags);
    }

    private static string ShortName(string attributeName)
    {
        var name = attributeName.Substring(attributeName.LastIndexOf('.') + 1);
        return name.EndsWith("Attribute", System.StringComparison.Ordinal) ? name.Substring(0, name.Length - "Attribute".Length) : name;
    }

    private StageBase ParseBase(AttributeReader reader)
    {
        var from = reader.Named("From");
        var source = reader.Source.WithArgument("From");
        if (from.Kind == TypedConstantKind.Type && from.Value is INamedTypeSymbol baseStage)
        {
            var parsed = _session.Visit(baseStage, source);
            if (parsed is not null)
            {
                _state = parsed.Inheritance;
                return StageBase.FromStage(parsed.Model.Name);
            }

            return StageBase.FromStage(ParseSession.StageNameOf(baseStage));
        }

        if (from.Kind == TypedConstantKind.Primitive && from.Value is string image)
        {
            _session.Check(ValueRules.Image(image, Escape), source, $"The base image '{image}'", ProblemKind.InvalidStageBase);
            _state = _state with { BaseImage = image, Family = _session.FamilyOf(image) };
            return StageBase.FromImage(image);
        }

        _session.Report(
            ProblemKind.InvalidStageBase,
            $"Stage {_stage.Name} has no base; set From to an image (\"debian:bookworm-slim\") or a stage (typeof(Base)).",
            reader.HasNamed("From") ? source : reader.Source);
        return StageBase.FromImage("scratch");
    }

    /// <summary>Instruction order is source order, which partial declarations in several places do not define.</summary>
    private void CheckNotSplit(ImmutableArray<AttributeData> attributes, SourceRef stageSource)
    {
        if (_stage.DeclaringSyntaxReferences.Length < 2)
        {
            return;
        }

        var owners = new HashSet<SyntaxNode>();
        foreach (var attribute in attributes)
        {
            var name = AttributeNames.Of(attribute);
            if (name is null || !IsInstruction(name))
            {
                continue;
            }

            var owner = attribute.ApplicationSyntaxReference?.GetSyntax()?.Parent?.Parent;
            if (owner is not null)
            {
                owners.Add(owner);
            }
        }

        if (owners.Count > 1)
        {
            _session.Report(
                ProblemKind.SplitStage,
                $"The instructions of stage {_stage.Name} are spread over {owners.Count} partial declarations, so their order is undefined; keep them on one declaration.",
                stageSource);
        }
    }

    /// <summary>A stage or image named by a <c>typeof</c> or a string, as used by --from.</summary>
    private string? ParseFrom(TypedConstant from, SourceRef source)
    {
        if (from.Kind == TypedConstantKind.Type && from.Value is INamedTypeSymbol stage)
        {
            return _session.Visit(stage, source)?.Model.Name ?? ParseSession.StageNameOf(stage);
        }

        if (from.Kind == TypedConstantKind.Primitive && from.Value is string image)
        {
            _session.Check(ValueRules.Image(image, Escape), source, $"The image '{image}'", ProblemKind.InvalidValue);
            return image;
        }

        if (from.Kind != TypedConstantKind.Error && !from.IsNull)
        {
            _session.Report(ProblemKind.InvalidReference, "--from must be typeof a stage class or an image string.", source);
        }

        return null;
    }

    private void Add(Instruction instruction)
    {
        if (WrittenAsDeclared(instruction))
        {
            _instructions.Add(instruction);
        }
    }

    /// <summary>
    /// Whether BuildKit's parser reads the instruction DockerDsl writes for <paramref name="instruction"/> as one
    /// instruction with the heredocs the model has, and no more: the net under every value a helper or attribute
    /// writes into a RUN, COPY or ADD line, where a word such as <c>&lt;&lt;EOF</c> would open a heredoc
    /// (parser.go: heredocs are read in RUN, COPY and ADD, also under ONBUILD, in the shell form).
    /// </summary>
    private bool WrittenAsDeclared(Instruction instruction)
    {
        var expected = instruction switch
        {
            RunInstruction { Form: RunForm.Heredoc } run => run.Lines.Count,
            CopyInstruction { HeredocContent: not null } => 1,
            _ => 0,
        };
        string? problem;
        try
        {
            var nodes = Core.Text.Syntax.DockerfileParser.Parse(DockerfileEmitter.EmitInstruction(instruction, Escape)).Root.Children;
            var heredocs = nodes.Count == 1 ? nodes[0].Heredocs : null;
            problem = heredocs is null ? "would be read as several instructions"
                : heredocs.Count > expected ? $"holds '<<{heredocs[expected].Name}', which BuildKit reads as the start of a heredoc in {nodes[0].Value.ToUpperInvariant()}; remove the '<<' or write the script or content with [RunHeredoc] or [CopyHeredoc]"
                : heredocs.Count < expected ? "would lose its heredoc" : null;
        }
        catch (Core.Text.Syntax.DockerfileParseException exception)
        {
            problem = $"would be written as an instruction BuildKit's parser refuses: {exception.Reason}";
        }

        return _session.Check(problem, instruction.Source, "A value of this attribute");
    }

    private bool CheckAll(IEnumerable<string?> values, System.Func<string?, string?> rule, SourceRef source, string what, ProblemKind kind = ProblemKind.UnsafeValue)
    {
        var ok = true;
        var index = 0;
        foreach (var value in values)
        {
            index++;
            ok &= _session.Check(rule(value), source, $"{what} {index}", kind);
        }

        return ok;
    }

    private static EquatableArray<string> Strings(ImmutableArray<string?> values) =>
        values.Select(v => v ?? string.Empty).ToEquatableArray();
}

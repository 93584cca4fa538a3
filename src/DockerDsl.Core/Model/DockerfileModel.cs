namespace DockerDsl.Core.Model;

/// <summary>One declared Dockerfile: everything needed to emit its text and its C# companion.</summary>
/// <param name="TypeName">The declaring type, fully qualified, for the header comment.</param>
/// <param name="Target">Where the generated C# members go.</param>
/// <param name="Path">Output path relative to the project folder.</param>
/// <param name="Syntax">The declared <c># syntax=</c> value; null means the project default.</param>
/// <param name="Escape">The escape character: <c>\</c> or <c>`</c>.</param>
/// <param name="Check">The <c># check=</c> directive, if any.</param>
/// <param name="GlobalArgs">ARG instructions before the first FROM.</param>
/// <param name="Stages">Stages in emission order: every reference points backwards.</param>
/// <param name="Image">Build context, ignore patterns and the bake settings.</param>
/// <param name="Problems">What makes the declaration unusable; the Dockerfile is withheld when there is any.</param>
public sealed record DockerfileModel(
    string TypeName,
    PartialTypeTarget Target,
    string Path,
    string? Syntax,
    char Escape,
    string? Check,
    ImageSettings Image,
    EquatableArray<ArgInstruction> GlobalArgs,
    EquatableArray<StageModel> Stages,
    EquatableArray<Problem> Problems,
    SourceRef Source)
{
    public bool HasProblems => !Problems.IsEmpty;

    public StageModel? FinalStage => Stages.IsEmpty ? null : Stages[Stages.Count - 1];

    /// <summary>The first stage named <paramref name="name"/>; BuildKit compares stage names without case.</summary>
    public StageModel? FindStage(string name)
    {
        foreach (var stage in Stages)
        {
            if (stage.Name.Length > 0 && string.Equals(stage.Name, name, System.StringComparison.OrdinalIgnoreCase))
            {
                return stage;
            }
        }

        return null;
    }
}

/// <summary>A stage: <c>FROM &lt;Base&gt; AS &lt;Name&gt;</c> and its instructions.</summary>
/// <param name="Name">The stage name used in FROM ... AS, --from and --target, as written; empty for a stage of Dockerfile text that has no AS.</param>
/// <param name="MemberName">The C# name of the stage class, used for the generated name constant.</param>
/// <param name="TypeMetadataName">Metadata name of the stage class.</param>
/// <param name="Base">What the stage starts from.</param>
/// <param name="Platform">The --platform flag, if any.</param>
/// <param name="BuildTarget">Set when the stage is also built on its own ([BuildTarget]): its bake tags.</param>
/// <param name="Index">For a stage of Dockerfile text, its position among the file's stages (what <c>--from=N</c> names); -1 for declarations.</param>
public sealed record StageModel(
    string Name,
    string MemberName,
    string TypeMetadataName,
    StageBase Base,
    string? Platform,
    EquatableArray<Instruction> Instructions,
    SourceRef Source,
    EquatableArray<string>? BuildTarget = null,
    int Index = -1)
{
    /// <summary>How messages name the stage: its name, or <c>stage-N</c> for an unnamed one, as BuildKit's build output does.</summary>
    public string Label => Name.Length > 0 ? Name : "stage-" + Index.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>How the image is built: context and ignore patterns (.dockerignore) and the bake target settings.</summary>
/// <param name="Context">Build context relative to the project folder, with '/'.</param>
public sealed record ImageSettings(
    string Context,
    EquatableArray<string> Ignore,
    EquatableArray<string> Tags,
    EquatableArray<string> Platforms,
    EquatableArray<string> CacheFrom,
    EquatableArray<string> CacheTo,
    bool DotNetIgnore = true,
    bool DefaultIgnore = true)
{
    public static readonly ImageSettings Default = new(".", EquatableArray<string>.Empty, EquatableArray<string>.Empty, EquatableArray<string>.Empty, EquatableArray<string>.Empty, EquatableArray<string>.Empty);
}

/// <summary>
/// A stage's base: an image reference, or another stage of the same Dockerfile. Both are set for a FROM of
/// Dockerfile text whose word names a stage only once its variables are expanded: <see cref="Image"/> is the
/// word as written and <see cref="Stage"/> the stage it names.
/// </summary>
public readonly record struct StageBase(string? Image, string? Stage)
{
    public static StageBase FromImage(string image) => new(image, null);

    public static StageBase FromStage(string stage) => new(null, stage);

    public string Text => Stage ?? Image ?? "scratch";
}

/// <summary>The partial type the generator extends: its namespace and its chain of containing types.</summary>
/// <param name="Namespace">Null for the global namespace.</param>
/// <param name="Types">Outermost first; each entry is the declaration keyword(s) and the name, for example <c>class PlumberApi</c>.</param>
public sealed record PartialTypeTarget(string? Namespace, EquatableArray<string> Types);

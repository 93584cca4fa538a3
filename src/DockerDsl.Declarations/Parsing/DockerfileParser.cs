using System.Collections.Generic;
using System.Linq;
using System.Threading;
using DockerDsl.Core.Emit;
using DockerDsl.Core.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DockerDsl.Declarations.Parsing;

/// <summary>
/// Turns a class marked <c>[Dockerfile]</c> into a <see cref="DockerfileModel"/>. It reads symbols only
/// (so stages from referenced assemblies work) and never throws on bad input: what it cannot use
/// becomes a <see cref="Problem"/>.
/// </summary>
public static class DockerfileParser
{
    /// <summary>The name a model's <c>Source.Origin</c> holds for <paramref name="type"/>, which <c>Compilation.GetTypeByMetadataName</c> finds.</summary>
    public static string MetadataName(INamedTypeSymbol type) => SymbolNames.MetadataName(type);

    /// <param name="lockFile">The project's lock file: the family its layers tell of a locked base image is the one its helpers write for.</param>
    public static DockerfileModel Parse(INamedTypeSymbol type, CancellationToken cancellationToken = default, DockerDsl.Core.Lock.LockFile? lockFile = null) =>
        new ParseSession(type, cancellationToken, lockFile?.ImageFamilies()).Run();
}

/// <summary>State of one parse: stages are parsed depth-first, so a stage's references are parsed before it.</summary>
internal sealed class ParseSession
{
    private static readonly HashSet<string> ReservedStageNames = new() { "scratch", "context" };

    private readonly INamedTypeSymbol _type;
    private readonly CancellationToken _cancellationToken;
    private readonly Dictionary<INamedTypeSymbol, ParsedStage> _parsed = new(SymbolEqualityComparer.Default);
    private readonly HashSet<INamedTypeSymbol> _visiting = new(SymbolEqualityComparer.Default);
    private readonly List<StageModel> _order = new();
    private readonly HashSet<AttributeData> _enumsChecked = new();

    private readonly IReadOnlyDictionary<string, DockerDsl.Core.Helpers.ImageFamily>? _lockedFamilies;

    public ParseSession(INamedTypeSymbol type, CancellationToken cancellationToken, IReadOnlyDictionary<string, DockerDsl.Core.Helpers.ImageFamily>? lockedFamilies = null)
    {
        _type = type;
        _cancellationToken = cancellationToken;
        _lockedFamilies = lockedFamilies;
    }

    /// <summary>
    /// The family of the base image <paramref name="image"/>: what the lock file read from its layers, when it holds that
    /// (the file system is the truth, so it wins over the name), else what its name tells (BaseFamilies.Infer).
    /// </summary>
    public DockerDsl.Core.Helpers.ImageFamily? FamilyOf(string image) =>
        _lockedFamilies is not null && _lockedFamilies.TryGetValue(image, out var locked) ? locked : DockerDsl.Core.Helpers.BaseFamilies.Infer(image);

    public List<Problem> Problems { get; } = new();

    public char Escape { get; private set; } = '\\';

    public DockerfileModel Run()
    {
        var typeName = SymbolNames.MetadataName(_type);
        var attributes = _type.GetAttributes();
        var index = IndexOf(attributes, AttributeNames.Dockerfile);
        var source = SourceRef.Attribute(typeName, index);
        var reader = Read(attributes[index], source);

        var path = reader.String(0);
        var pathProblem = OutputPathProblem(path);
        if (pathProblem is not null)
        {
            Report(ProblemKind.InvalidOutputPath, $"The Dockerfile path {pathProblem}.", source.WithArgument(0));
        }

        var escape = reader.NamedChar("Escape") ?? '\\';
        if (escape is not ('\\' or '`'))
        {
            Report(ProblemKind.InvalidValue, "Escape must be '\\\\' or '`'.", source.WithArgument("Escape"));
            escape = '\\';
        }

        Escape = escape;
        var syntax = reader.NamedString("Syntax");
        if (syntax is not null)
        {
            Check(ValueRules.LiteralWord(syntax, '\0'), source.WithArgument("Syntax"), "Syntax");
        }

        var check = reader.NamedString("Check");
        if (check is not null)
        {
            Check(ValueRules.LiteralWord(check, '\0'), source.WithArgument("Check"), "Check");
        }

        var image = ParseImageSettings(reader);
        var globalArgs = new List<ArgInstruction>();
        for (var i = 0; i < attributes.Length; i++)
        {
            var name = AttributeNames.Of(attributes[i]);
            if (name is null || i == index)
            {
                continue;
            }

            var attributeSource = SourceRef.Attribute(typeName, i);
            if (name == "DockerDsl.ArgAttribute")
            {
                var arg = ParseArg(Read(attributes[i], attributeSource));
                if (arg is not null)
                {
                    globalArgs.Add(arg);
                }
            }
            else if (StageParser.IsInstruction(name))
            {
                Report(ProblemKind.MisplacedAttribute, $"[{attributes[i].AttributeClass!.Name.Replace("Attribute", string.Empty)}] is on the Dockerfile class; move it to a stage class.", attributeSource);
            }
        }

        CheckNotSplit(attributes, source);

        // Stages in the order of their [Stage] attributes in the one declaration that holds them: a stage class's
        // other partial declarations, in files before it, do not move it (Roslyn lists a member where it first meets it).
        var stages = _type.GetTypeMembers()
            .Select(member => (Member: member, At: StageAttributePosition(member)))
            .Where(stage => stage.At >= 0)
            .OrderBy(stage => stage.At)
            .ThenBy(stage => stage.Member.MetadataName, System.StringComparer.Ordinal);
        foreach (var (member, _) in stages)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            Visit(member, source);
        }

        if (_order.Count == 0)
        {
            Report(ProblemKind.NoStages, $"{_type.Name} declares no stage; add a nested class marked [Stage(From = \"image\")].", source);
        }

        CheckStageNames();

        return new DockerfileModel(
            _type.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat),
            TargetOf(_type, source),
            (path ?? string.Empty).Replace('\\', '/'),
            syntax,
            escape,
            check,
            image,
            globalArgs.ToEquatableArray(),
            _order.ToEquatableArray(),
            Problems.ToEquatableArray(),
            source);
    }

    private ImageSettings ParseImageSettings(AttributeReader reader)
    {
        var rawContext = (reader.NamedString("Context") ?? ".").Replace('\\', '/');
        var context = rawContext.Length > 1 ? rawContext.TrimEnd('/') : rawContext;
        var contextProblem = context.Length == 0 ? null : OutputPathProblem(context);
        if (contextProblem is not null)
        {
            Report(ProblemKind.InvalidValue, $"Context {contextProblem.Replace("give a path", "give a folder")}.", reader.Source.WithArgument("Context"));
        }

        EquatableArray<string> List(string name, System.Func<string?, string?> rule, string what)
        {
            var values = reader.NamedStrings(name);
            var index = 0;
            foreach (var value in values)
            {
                index++;
                Check(rule(value), reader.Source.WithArgument(name), $"{what} {index}");
            }

            return values.Select(v => v ?? string.Empty).ToEquatableArray();
        }

        // The .NET patterns belong where the context holds this .NET project: its folder or one above it.
        var resolvedContext = context.Length > 0 ? context : ".";
        var holdsProject = resolvedContext.Split('/').All(segment => segment is "." or ".." or "");
        var dotNetIgnore = reader.NamedEnum("DotNetIgnore") switch
        {
            1 => true,
            2 => false,
            _ => holdsProject,
        };
        return new ImageSettings(
            resolvedContext,
            List("Ignore", ValueRules.IgnorePattern, "Ignore pattern"),
            List("Tags", ValueRules.Tag, "Tag"),
            List("Platforms", ValueRules.Platform, "Platform"),
            List("CacheFrom", v => ValueRules.LiteralWord(v, '\0'), "CacheFrom entry"),
            List("CacheTo", v => ValueRules.LiteralWord(v, '\0'), "CacheTo entry"),
            dotNetIgnore,
            reader.NamedBool("DefaultIgnore") ?? true);
    }

    /// <summary>Parses <paramref name="stage"/> if needed and returns it; null when it is not a stage.</summary>
    public ParsedStage? Visit(INamedTypeSymbol stage, SourceRef referencedAt)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        if (_parsed.TryGetValue(stage, out var done))
        {
            return done;
        }

        if (!Has(stage, AttributeNames.Stage))
        {
            Report(ProblemKind.InvalidReference, $"{stage.Name} is not a stage; mark it [Stage(From = ...)] or reference a stage class.", referencedAt);
            return null;
        }

        if (!_visiting.Add(stage))
        {
            Report(ProblemKind.StageCycle, $"Stage {stage.Name} depends on itself through this reference; stages must form a chain without cycles.", referencedAt);
            return null;
        }

        var parsed = new StageParser(this, stage).Parse();
        _visiting.Remove(stage);
        _parsed[stage] = parsed;
        _order.Add(parsed.Model);
        return parsed;
    }

    /// <summary>The stage name of <paramref name="stage"/>, derived without parsing it.</summary>
    public static string StageNameOf(INamedTypeSymbol stage)
    {
        foreach (var attribute in stage.GetAttributes())
        {
            if (AttributeNames.Of(attribute) == AttributeNames.Stage)
            {
                foreach (var pair in attribute.NamedArguments)
                {
                    if (pair.Key == "Name" && pair.Value.Value is string name)
                    {
                        return name;
                    }
                }
            }
        }

        return Naming.ToKebabCase(stage.Name);
    }

    public ArgInstruction? ParseArg(AttributeReader reader)
    {
        var argType = reader.Type(0);
        if (argType is null)
        {
            Report(ProblemKind.AttributeHasErrors, "[Arg] needs typeof a build argument class.", reader.Source.WithArgument(0));
            return null;
        }

        var attributes = argType.GetAttributes();
        var index = IndexOf(attributes, AttributeNames.BuildArg);
        if (index < 0)
        {
            Report(ProblemKind.InvalidReference, $"{argType.Name} is not a build argument; mark it [BuildArg].", reader.Source.WithArgument(0));
            return null;
        }

        var declaration = Read(attributes[index], SourceRef.Attribute(SymbolNames.MetadataName(argType), index));
        var name = declaration.NamedString("Name") ?? Naming.ToUpperSnakeCase(argType.Name);
        Check(ValueRules.VariableName(name), declaration.Source.WithArgument("Name"), "The build argument name", ProblemKind.InvalidValue);
        var defaultValue = declaration.NamedString("Default");
        var expand = declaration.NamedBool("Expand") ?? false;
        if (defaultValue is not null)
        {
            // With Expand the references stay in the quoted word BuildKit processes; check that word.
            var problem = ValueRules.QuotedValue(defaultValue)
                ?? (expand ? Core.Text.Shell.VariableReferences.Problem(Quoting.DoubleQuoted(defaultValue, Escape, expand: true), Escape) : null);
            Check(problem, declaration.Source.WithArgument("Default"), "The default value");
        }

        return new ArgInstruction(name, defaultValue is null ? null : Quoting.DoubleQuoted(defaultValue, Escape, expand), reader.Source);
    }

    /// <summary>
    /// A reader of <paramref name="data"/>; the first time an attribute is read, an enum-typed argument with a value
    /// its enum does not define is reported at that argument, so no enum value is ever dropped or read as the default.
    /// </summary>
    public AttributeReader Read(AttributeData data, SourceRef source)
    {
        var reader = new AttributeReader(data, source);
        if (_enumsChecked.Add(data))
        {
            foreach (var (at, message) in reader.UndefinedEnumValues())
            {
                Report(ProblemKind.InvalidValue, message, at);
            }
        }

        return reader;
    }

    public void Report(ProblemKind kind, string message, SourceRef source) =>
        Problems.Add(new Problem(kind, message, source));

    /// <summary>Records a problem when <paramref name="reason"/> is not null; returns whether the value is fine.</summary>
    public bool Check(string? reason, SourceRef source, string what, ProblemKind kind = ProblemKind.UnsafeValue)
    {
        if (reason is null)
        {
            return true;
        }

        Report(kind, $"{what} {reason}.", source);
        return false;
    }

    public static bool Has(INamedTypeSymbol type, string attributeName) =>
        type.GetAttributes().Any(a => AttributeNames.Of(a) == attributeName);

    public static int IndexOf(System.Collections.Immutable.ImmutableArray<AttributeData> attributes, string attributeName)
    {
        for (var i = 0; i < attributes.Length; i++)
        {
            if (AttributeNames.Of(attributes[i]) == attributeName)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// Stage and global ARG order is declaration order, and Roslyn merges the members and attributes of partial
    /// declarations in the order of the compilation's files: stages or build arguments declared in more than one
    /// partial declaration of the Dockerfile class would be ordered by file order, so that is an error.
    /// </summary>
    private void CheckNotSplit(System.Collections.Immutable.ImmutableArray<AttributeData> attributes, SourceRef source)
    {
        if (_type.DeclaringSyntaxReferences.Length < 2)
        {
            return;
        }

        var owners = new HashSet<SyntaxNode>();
        foreach (var attribute in attributes)
        {
            if (AttributeNames.Of(attribute) == "DockerDsl.ArgAttribute" && attribute.ApplicationSyntaxReference?.GetSyntax(_cancellationToken).Parent?.Parent is { } owner)
            {
                owners.Add(owner);
            }
        }

        foreach (var member in _type.GetTypeMembers())
        {
            foreach (var attribute in member.GetAttributes())
            {
                // The declaration of the Dockerfile class that holds the stage's [Stage] attribute.
                if (AttributeNames.Of(attribute) == AttributeNames.Stage && attribute.ApplicationSyntaxReference?.GetSyntax(_cancellationToken).Parent?.Parent?.Parent is { } owner)
                {
                    owners.Add(owner);
                }
            }
        }

        if (owners.Count > 1)
        {
            Report(
                ProblemKind.SplitStage,
                $"The stages and build arguments of {_type.Name} are declared in {owners.Count} partial declarations, so their order would follow the order of files in the compilation; declare them all in one declaration of {_type.Name}.",
                source);
        }
    }

    // Where the [Stage] attribute of a member is in its file; -1 when the member is not a stage.
    private static int StageAttributePosition(INamedTypeSymbol member)
    {
        foreach (var attribute in member.GetAttributes())
        {
            if (AttributeNames.Of(attribute) == AttributeNames.Stage)
            {
                return attribute.ApplicationSyntaxReference?.Span.Start ?? 0;
            }
        }

        return -1;
    }

    private void CheckStageNames()
    {
        var seen = new HashSet<string>();
        foreach (var stage in _order)
        {
            if (ReservedStageNames.Contains(stage.Name.ToLowerInvariant()))
            {
                Report(ProblemKind.InvalidStageName, $"The stage name '{stage.Name}' is reserved; set Name to another one.", stage.Source);
            }
            else if (!seen.Add(stage.Name.ToLowerInvariant()))
            {
                Report(ProblemKind.InvalidStageName, $"Two stages are named '{stage.Name}'; stage names must be unique (set Name).", stage.Source);
            }
        }
    }

    private static string? OutputPathProblem(string? path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return "is empty";
        }

        foreach (var c in path!)
        {
            if (char.IsControl(c))
            {
                return "contains a control character";
            }
        }

        var normalized = path.Replace('\\', '/');
        if (normalized.StartsWith("/", System.StringComparison.Ordinal) || (normalized.Length > 1 && normalized[1] == ':'))
        {
            return "is absolute; give a path relative to the project folder";
        }

        if (normalized.EndsWith("/", System.StringComparison.Ordinal))
        {
            return "names a folder; end it with a file name such as 'Dockerfile'";
        }

        return null;
    }

    private PartialTypeTarget TargetOf(INamedTypeSymbol type, SourceRef source)
    {
        var chain = new List<string>();
        for (var current = type; current is not null; current = current.ContainingType)
        {
            if (current.IsGenericType)
            {
                Report(ProblemKind.TypeCannotBeExtended, $"{current.Name} is generic; declare Dockerfiles in non-generic classes.", source);
            }

            if (!IsPartial(current))
            {
                Report(ProblemKind.TypeCannotBeExtended, $"{current.Name} must be partial so DockerDsl can add the Dockerfile text and stage names to it.", source);
            }

            chain.Insert(0, Keyword(current) + " " + current.Name);
        }

        var ns = type.ContainingNamespace;
        return new PartialTypeTarget(ns is null || ns.IsGlobalNamespace ? null : ns.ToDisplayString(), chain.ToEquatableArray());
    }

    private static bool IsPartial(INamedTypeSymbol type) =>
        type.DeclaringSyntaxReferences.Length > 0 &&
        type.DeclaringSyntaxReferences.Any(r => r.GetSyntax() is TypeDeclarationSyntax declaration &&
            declaration.Modifiers.Any(m => m.IsKind(SyntaxKind.PartialKeyword)));

    private static string Keyword(INamedTypeSymbol type) => type switch
    {
        { IsRecord: true, TypeKind: TypeKind.Struct } => "partial record struct",
        { IsRecord: true } => "partial record",
        { TypeKind: TypeKind.Struct } => "partial struct",
        { TypeKind: TypeKind.Interface } => "partial interface",
        _ => "partial class",
    };
}

/// <summary>A parsed stage and what later stages built FROM it inherit.</summary>
internal sealed record ParsedStage(StageModel Model, StageInheritance Inheritance);

/// <summary>
/// What a stage hands to stages built FROM it: the owner for --chown, the ccache mount, and the image at the root
/// of its FROM chain with the family inferred from it (null when the name does not tell).
/// </summary>
internal sealed record StageInheritance(string? Owner, Mount? CcacheMount, string? BaseImage = null, DockerDsl.Core.Helpers.ImageFamily? Family = null)
{
    public static readonly StageInheritance None = new(null, null);
}

using System;
using System.Collections.Generic;
using DockerDsl.Core.Model;
using DockerDsl.Core.Text.Shell;

namespace DockerDsl.Core.Rules;

/// <summary>
/// The build arguments FROM lines see, as BuildKit builds them (dockerfile2llb: defaultArgs, then
/// buildMetaArgs): the automatic platform arguments and TARGETSTAGE, which --build-arg may override,
/// then the ARGs before the first FROM in order, each set to its --build-arg value or its default
/// expanded with what came before; an ARG with neither stays unset but declared.
/// </summary>
public sealed class GlobalArguments
{
    /// <summary>The platform the linter assumes for the build and its target: BuildKit's default on the usual build host.</summary>
    public const string DefaultPlatform = "linux/amd64";

    private static readonly string[] PlatformArguments =
    {
        "BUILDPLATFORM", "BUILDOS", "BUILDOSVERSION", "BUILDARCH", "BUILDVARIANT",
        "TARGETPLATFORM", "TARGETOS", "TARGETOSVERSION", "TARGETARCH", "TARGETVARIANT",
    };

    private GlobalArguments(ShellLexer lexer, VariableScope values, VariableScope? defaults, bool valuesFailed, HashSet<string> names)
    {
        Lexer = lexer;
        Values = values;
        Defaults = defaults;
        ValuesFailed = valuesFailed;
        Names = names;
    }

    /// <summary>The lexer of the file (its escape character).</summary>
    public ShellLexer Lexer { get; }

    /// <summary>The global arguments of this build, --build-arg values applied (BuildKit's globalArgs).</summary>
    public VariableScope Values { get; }

    /// <summary>The global arguments with only the ARG defaults, as a build without --build-arg has them; null when a default cannot be expanded.</summary>
    public VariableScope? Defaults { get; }

    /// <summary>True when BuildKit's lexer refuses the default of a global ARG this build uses: the build fails before any stage.</summary>
    public bool ValuesFailed { get; }

    /// <summary>Every name FROM may use: the automatic arguments and every global ARG, set or not.</summary>
    public IReadOnlyCollection<string> Names { get; }

    /// <summary>The arguments BuildKit defines for every build without an ARG: the build and target platforms and the target stage.</summary>
    public static IEnumerable<string> AutomaticNames
    {
        get
        {
            foreach (var name in PlatformArguments)
            {
                yield return name;
            }

            yield return "TARGETSTAGE";
        }
    }

    /// <summary>The global arguments of <paramref name="model"/> for a build with <paramref name="buildArgs"/> of <paramref name="target"/> (the last stage when null).</summary>
    public static GlobalArguments Of(DockerfileModel model, IReadOnlyDictionary<string, string>? buildArgs = null, string? target = null)
    {
        buildArgs ??= new Dictionary<string, string>();
        var lexer = new ShellLexer(model.Escape);
        var automatic = Automatic(target ?? model.FinalStage?.Name ?? string.Empty, buildArgs);
        var names = new HashSet<string>(automatic.Keys, StringComparer.Ordinal);
        foreach (var definition in Definitions(model))
        {
            names.Add(definition.Name);
        }

        var values = automatic.Clone();
        var valuesFailed = !Apply(lexer, values, model, buildArgs);
        var defaults = automatic.Clone();
        var defaultsFailed = !Apply(lexer, defaults, model, new Dictionary<string, string>());
        return new GlobalArguments(lexer, values, defaultsFailed ? null : defaults, valuesFailed, names);
    }

    /// <summary><paramref name="word"/> of a FROM line expanded with <see cref="Values"/>.</summary>
    public ExpandedWord Expand(string role, string word) => ExpandedWord.Expand(Lexer, Values, role, word, checksUndefined: false);

    private static VariableScope Automatic(string target, IReadOnlyDictionary<string, string> buildArgs)
    {
        PlatformSpecifier.TryParse(DefaultPlatform, out var platform);
        var defaults = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["BUILDPLATFORM"] = DefaultPlatform,
            ["BUILDOS"] = platform.OS,
            ["BUILDOSVERSION"] = string.Empty,
            ["BUILDARCH"] = platform.Architecture,
            ["BUILDVARIANT"] = platform.Variant,
            ["TARGETPLATFORM"] = DefaultPlatform,
            ["TARGETOS"] = platform.OS,
            ["TARGETOSVERSION"] = string.Empty,
            ["TARGETARCH"] = platform.Architecture,
            ["TARGETVARIANT"] = platform.Variant,
            ["TARGETSTAGE"] = target,
        };
        var scope = new VariableScope();
        foreach (var name in AutomaticNames)
        {
            scope.Set(name, buildArgs.TryGetValue(name, out var value) ? value : defaults[name]);
        }

        return scope;
    }

    // False when the lexer refuses a default, which fails BuildKit's build.
    private static bool Apply(ShellLexer lexer, VariableScope scope, DockerfileModel model, IReadOnlyDictionary<string, string> buildArgs)
    {
        foreach (var definition in Definitions(model))
        {
            string? value;
            if (buildArgs.TryGetValue(definition.Name, out var given))
            {
                value = given;
            }
            else if (definition.Default is { } word)
            {
                try
                {
                    value = lexer.ProcessWordWithMatches(word, scope).Result;
                }
                catch (ShellLexException)
                {
                    return false;
                }
            }
            else
            {
                value = null;
            }

            if (value is not null)
            {
                scope.Set(definition.Name, value);
            }

            scope.Declare(definition.Name);
        }

        return true;
    }

    private static IEnumerable<ArgDefinition> Definitions(DockerfileModel model)
    {
        foreach (var arg in model.GlobalArgs)
        {
            foreach (var definition in arg.Args)
            {
                yield return definition;
            }
        }
    }
}

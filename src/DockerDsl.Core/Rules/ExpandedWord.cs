using System;
using System.Collections.Generic;
using System.Linq;
using DockerDsl.Core.Text.Shell;

namespace DockerDsl.Core.Rules;

/// <summary>A variable a word uses that nothing before it defines, and the defined name it is probably a typo of.</summary>
public readonly record struct UndefinedVariable(string Name, string? DidYouMean);

/// <summary>
/// One word of an instruction as BuildKit expands it while it builds the stage: its quotes and escapes
/// removed and its variables replaced, with the variables it used that nothing defines.
/// </summary>
/// <param name="Role">Which part of the instruction it is: one of the <see cref="WordRoles"/>.</param>
/// <param name="Word">The word as written.</param>
/// <param name="Result">The expanded word; null when BuildKit's lexer refuses it (the build fails there).</param>
/// <param name="Words">The result split at unquoted white space, for the instructions BuildKit splits (EXPOSE).</param>
/// <param name="Undefined">The variables it used that nothing defines: no ARG or ENV before it and, when its environment is known, not the base image (PATH is always defined).</param>
/// <param name="Uncertain">True when the result depends on a value the linter cannot know: a variable only a base image whose environment is not known could set.</param>
/// <param name="ChecksUndefined">True for the words whose undefined variables BuildKit's UndefinedVar check reports.</param>
/// <param name="Unassigned">The build arguments it used that an ARG declares without a value: empty unless the build passes one with --build-arg.</param>
/// <param name="Unknown">The variables it used whose value the linter cannot know (what makes it <see cref="Uncertain"/>).</param>
public sealed record ExpandedWord(
    string Role,
    string Word,
    string? Result,
    IReadOnlyList<string> Words,
    IReadOnlyList<UndefinedVariable> Undefined,
    bool Uncertain,
    bool ChecksUndefined,
    IReadOnlyList<string> Unassigned,
    IReadOnlyList<string> Unknown)
{
    // BuildKit's nonEnvArgs: build arguments that configure the build and never reach the environment.
    private static readonly HashSet<string> NonEnvironmentArgs = new(StringComparer.Ordinal)
    {
        "BUILDKIT_SBOM_SCAN_CONTEXT", "BUILDKIT_SBOM_SCAN_STAGE",
    };

    /// <summary>True when the linter knows what the word expands to.</summary>
    public bool IsDecided => Result is not null && !Uncertain;

    /// <summary>True for the build arguments that never become variables of the stage.</summary>
    public static bool IsNonEnvironmentArg(string name) => NonEnvironmentArgs.Contains(name);

    /// <summary>Expands <paramref name="word"/> with the variables of <paramref name="scope"/>.</summary>
    public static ExpandedWord Expand(ShellLexer lexer, VariableScope scope, string role, string word, bool checksUndefined)
    {
        ShellWordResult? result = null;
        IReadOnlyCollection<string> matched, unmatched;
        try
        {
            result = lexer.ProcessWordWithMatches(word, scope);
            (matched, unmatched) = (result.Matched, result.Unmatched);
        }
        catch (ShellLexException e)
        {
            (matched, unmatched) = (e.Matched, e.Unmatched);
        }

        var unset = unmatched.Where(n => !scope.IsDeclared(n) && !IsNonEnvironmentArg(n)).ToList();
        var undefined = scope.IsComplete
            ? unset.Select(n => new UndefinedVariable(n, Suggestions.Closest(n, scope.Keys))).ToList()
            : new List<UndefinedVariable>();
        var uncertain = result is null || (!scope.IsComplete && unset.Count > 0) || matched.Any(scope.IsUncertain);
        var unassigned = unmatched.Where(scope.IsDeclared).ToList();
        var unknown = (scope.IsComplete ? Enumerable.Empty<string>() : unset).Concat(matched.Where(scope.IsUncertain)).Distinct().ToList();
        return new ExpandedWord(role, word, result?.Result, result?.Words ?? Array.Empty<string>(), undefined, uncertain, checksUndefined, unassigned, unknown);
    }
}

/// <summary>The parts of instructions an <see cref="ExpandedWord"/> can be.</summary>
public static class WordRoles
{
    public const string Key = "key";
    public const string Value = "value";
    public const string Default = "default";
    public const string Source = "source";
    public const string Destination = "destination";
    public const string Heredoc = "heredoc";
    public const string Flag = "flag";
    public const string Path = "path";
    public const string User = "user";
    public const string Volume = "volume";
    public const string Signal = "signal";
    public const string Port = "port";
    public const string Mount = "mount";
}

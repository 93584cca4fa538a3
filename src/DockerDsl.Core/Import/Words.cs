using System.Collections.Generic;
using DockerDsl.Core.Text.Shell;

namespace DockerDsl.Core.Import;

/// <summary>
/// Dockerfile words as BuildKit's shell lexer reads them: what a word means, and whether two words mean the
/// same. Two words are equivalent when the lexer gives the same result for both with no variable set, with
/// every variable set to a value of its own, and with every variable set and empty, so a word that refers to
/// a variable is only equivalent to one that refers to it in the same way.
/// </summary>
internal sealed class Words
{
    private static readonly IShellEnvironment[] Probes = { ShellEnvironment.Empty, new EveryName(empty: false), new EveryName(empty: true) };

    private readonly ShellLexer _lexer;
    private readonly ShellLexer _keepingVariables;

    public Words(char escape)
    {
        _lexer = new ShellLexer(escape);
        _keepingVariables = new ShellLexer(escape, new ShellLexerOptions { SkipUnsetEnv = true });
    }

    public bool Equivalent(string a, string b)
    {
        if (a == b)
        {
            return true;
        }

        foreach (var environment in Probes)
        {
            var left = Process(a, environment, out var leftFailed);
            var right = Process(b, environment, out var rightFailed);
            if (leftFailed != rightFailed || left != right)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>What <paramref name="word"/> means when it refers to no variable; null when it does, or the lexer refuses it.</summary>
    public string? Literal(string word)
    {
        try
        {
            var result = _lexer.ProcessWordWithMatches(word, Probes[1]);
            return result.Matched.Count == 0 && result.Unmatched.Count == 0 ? result.Result : null;
        }
        catch (ShellLexException)
        {
            return null;
        }
    }

    /// <summary>The word with quotes and escapes removed and its variable references left as written; null when the lexer refuses it.</summary>
    public string? KeepingReferences(string word)
    {
        try
        {
            return _keepingVariables.ProcessWord(word, ShellEnvironment.Empty);
        }
        catch (ShellLexException)
        {
            return null;
        }
    }

    private string Process(string word, IShellEnvironment environment, out bool failed)
    {
        try
        {
            failed = false;
            return _lexer.ProcessWord(word, environment);
        }
        catch (ShellLexException)
        {
            failed = true;
            return string.Empty;
        }
    }

    /// <summary>Every name is set: to a value naming it, or to the empty string.</summary>
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

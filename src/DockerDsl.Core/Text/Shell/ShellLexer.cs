using System;
using System.Collections.Generic;

namespace DockerDsl.Core.Text.Shell;

/// <summary>
/// BuildKit's shell lexer (moby/buildkit frontend/dockerfile/shell/lex.go): the quote removal, escapes,
/// variable expansion and word splitting BuildKit applies to Dockerfile instruction arguments. It is not
/// a shell: there is no command substitution, globbing or arithmetic. Immutable, so safe to share between threads.
/// </summary>
public sealed class ShellLexer
{
    /// <summary>
    /// How deep <c>${...}</c> expansions may nest before the lexer refuses the word with
    /// <see cref="ShellLexErrorKind.NestingTooDeep"/>: a bound on its stack (also refused when the
    /// calling thread's stack runs short first), not one of BuildKit's.
    /// </summary>
    public const int MaxNestingDepth = 128;

    /// <summary>
    /// How long a result may grow before the lexer refuses the word with <see cref="ShellLexErrorKind.ResultTooLong"/>:
    /// <c>${VAR//?/$VAR}</c> nested a few times would otherwise exhaust memory. Not one of BuildKit's limits.
    /// </summary>
    public const int MaxResultLength = 1 << 24;

    /// <summary>A lexer with escape token <paramref name="escapeToken"/> (<c>\</c>, or <c>`</c> after <c># escape=`</c>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The escape token is neither <c>\</c> nor <c>`</c>, the two a Dockerfile can choose.</exception>
    public ShellLexer(char escapeToken = '\\', ShellLexerOptions? options = null)
    {
        if (escapeToken != '\\' && escapeToken != '`')
        {
            throw new ArgumentOutOfRangeException(nameof(escapeToken), escapeToken, "The escape token is '\\' or '`'.");
        }

        EscapeToken = escapeToken;
        Options = options ?? ShellLexerOptions.Default;
    }

    /// <summary>The character that escapes the next one, outside single quotes.</summary>
    public char EscapeToken { get; }

    /// <summary>BuildKit's switches for raw quotes, raw escapes, quotes as text and unset variables left as written.</summary>
    public ShellLexerOptions Options { get; }

    /// <summary>The word with quotes and escapes removed and variables expanded, as one string (BuildKit's ProcessWord).</summary>
    /// <exception cref="ShellLexException">The word is malformed, or a <c>${VAR?message}</c> fails.</exception>
    public string ProcessWord(string word, IShellEnvironment environment) => Run(word, environment, splitWords: false).Result;

    /// <summary>
    /// The word processed and split into words at unquoted white space, that of expanded values included
    /// (BuildKit's ProcessWords); empty quotes alone make no word.
    /// </summary>
    /// <exception cref="ShellLexException">The word is malformed, or a <c>${VAR?message}</c> fails.</exception>
    public IReadOnlyList<string> ProcessWords(string word, IShellEnvironment environment) => Run(word, environment, splitWords: true).Words;

    /// <summary>
    /// The word processed, its words, and which variable names it looked up and found or did not find
    /// (BuildKit's ProcessWordWithMatches, which its UndefinedVar check reads).
    /// </summary>
    /// <exception cref="ShellLexException">The word is malformed, or a <c>${VAR?message}</c> fails; the names looked up before are on the exception.</exception>
    public ShellWordResult ProcessWordWithMatches(string word, IShellEnvironment environment) => Run(word, environment, splitWords: true);

    private ShellWordResult Run(string word, IShellEnvironment environment, bool splitWords)
    {
        if (word is null)
        {
            throw new ArgumentNullException(nameof(word));
        }

        if (environment is null)
        {
            throw new ArgumentNullException(nameof(environment));
        }

        var processor = new ShellWordProcessor(word, EscapeToken, Options, environment);
        var words = splitWords ? new WordSplitter() : null;
        try
        {
            var result = processor.Process(words);
            return new ShellWordResult(result, words?.GetWords() ?? Array.Empty<string>(), processor.Matched, processor.Unmatched);
        }
        catch (LexFailure failure)
        {
            throw new ShellLexException(word, failure.Kind, failure.Message, processor.Matched, processor.Unmatched);
        }
    }
}

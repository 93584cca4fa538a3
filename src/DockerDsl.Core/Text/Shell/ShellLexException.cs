using System;
using System.Collections.Generic;

namespace DockerDsl.Core.Text.Shell;

/// <summary>
/// The one error <see cref="ShellLexer"/> raises for a word it cannot process. The message is
/// BuildKit's: <c>failed to process "WORD": REASON</c>, with the word quoted as Go's %q does.
/// </summary>
public sealed class ShellLexException : Exception
{
    internal ShellLexException(string word, ShellLexErrorKind kind, string reason, IReadOnlyCollection<string> matched, IReadOnlyCollection<string> unmatched)
        : base("failed to process " + GoText.QuoteEscapingLoneSurrogates(word) + ": " + reason)
    {
        Word = word;
        Kind = kind;
        Reason = reason;
        Matched = matched;
        Unmatched = unmatched;
    }

    /// <summary>The word as given to the lexer.</summary>
    public string Word { get; }

    /// <summary>What went wrong.</summary>
    public ShellLexErrorKind Kind { get; }

    /// <summary>BuildKit's message without the <c>failed to process</c> prefix, e.g. <c>syntax error: bad substitution</c>.</summary>
    public string Reason { get; }

    /// <summary>Names looked up and found before the error, as <see cref="ShellWordResult.Matched"/> (BuildKit reports them with its error too).</summary>
    public IReadOnlyCollection<string> Matched { get; }

    /// <summary>Names looked up and not found before the error, as <see cref="ShellWordResult.Unmatched"/>.</summary>
    public IReadOnlyCollection<string> Unmatched { get; }
}

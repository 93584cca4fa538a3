using System;

namespace DockerDsl.Core.Text.Shell;

/// <summary>An error inside the lexer; <see cref="ShellLexer"/> turns it into a <see cref="ShellLexException"/> that names the word.</summary>
internal sealed class LexFailure : Exception
{
    public LexFailure(ShellLexErrorKind kind, string reason)
        : base(reason)
    {
        Kind = kind;
    }

    public ShellLexErrorKind Kind { get; }

    /// <summary>Limits of ours, which BuildKit's own errors must not be mistaken for.</summary>
    public bool IsLimit => Kind == ShellLexErrorKind.NestingTooDeep || Kind == ShellLexErrorKind.ResultTooLong;

    public static LexFailure TooLong() => new(ShellLexErrorKind.ResultTooLong, "result longer than " + ShellLexer.MaxResultLength + " characters");
}

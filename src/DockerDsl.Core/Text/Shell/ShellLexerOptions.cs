namespace DockerDsl.Core.Text.Shell;

/// <summary>The switches of BuildKit's shell.Lex (lex.go); all off by default, as in <c>shell.NewLex</c>.</summary>
public sealed record ShellLexerOptions
{
    /// <summary>All switches off: quotes and escapes are removed, unset variables expand to nothing.</summary>
    public static ShellLexerOptions Default { get; } = new();

    /// <summary>Keep the quote characters in the result (their contents are still read as quoted).</summary>
    public bool RawQuotes { get; init; }

    /// <summary>Keep escape characters in the result (what they escape is still read as escaped).</summary>
    public bool RawEscapes { get; init; }

    /// <summary>Read quote characters as ordinary characters (BuildKit sets it for instructions that take their text raw).</summary>
    public bool SkipProcessQuotes { get; init; }

    /// <summary>Leave a reference to an unset variable as written (<c>$VAR</c>, <c>${VAR}</c>, <c>${VAR:-word}</c> with its word processed) instead of expanding it.</summary>
    public bool SkipUnsetEnv { get; init; }
}

namespace DockerDsl.Core.Text.Shell;

/// <summary>Why <see cref="ShellLexer"/> refused a word; <see cref="ShellLexException.Reason"/> has BuildKit's words for it.</summary>
public enum ShellLexErrorKind
{
    /// <summary>A single or double quote is not closed: "unexpected end of statement while looking for matching single-quote".</summary>
    UnterminatedQuote,

    /// <summary>The word ended inside an expansion's word: "unexpected end of statement while looking for matching }".</summary>
    UnexpectedEnd,

    /// <summary>A <c>${</c> is not closed: "syntax error: missing '}'".</summary>
    MissingBrace,

    /// <summary>A <c>${VAR/pattern</c> has no second '/': "syntax error: missing '/' in ${}".</summary>
    MissingSlash,

    /// <summary><c>${}</c>, <c>${{...}</c> or <c>${:...}</c>: "syntax error: bad substitution".</summary>
    BadSubstitution,

    /// <summary>A character after the name that is no modifier, as in <c>${VAR:=x}</c> or <c>${VAR</c>: "unsupported modifier (:=) in substitution".</summary>
    UnsupportedModifier,

    /// <summary><c>${VAR?message}</c> with VAR unset, or <c>${VAR:?message}</c> with VAR unset or empty: "VAR: message".</summary>
    RequiredVariable,

    /// <summary>A pattern of <c>#</c>, <c>%</c> or <c>/</c> escapes a character other than <c>*</c>, <c>?</c> and <c>\</c>: "invalid pattern (...) in substitution: invalid escape '\x'".</summary>
    InvalidPattern,

    /// <summary>Expansions nest deeper than <see cref="ShellLexer.MaxNestingDepth"/> (a limit of ours; BuildKit has none).</summary>
    NestingTooDeep,

    /// <summary>The result would be longer than <see cref="ShellLexer.MaxResultLength"/> characters (a limit of ours; BuildKit has none).</summary>
    ResultTooLong,
}

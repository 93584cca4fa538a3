using System.Collections.Generic;

namespace DockerDsl.Core.Text.Syntax;

/// <summary>One split instruction line: the keyword, its flags, and where its arguments are.</summary>
internal readonly struct Split
{
    public Split(string keyword, IReadOnlyList<string> flags, string source, int argumentsStart, int argumentsEnd, int keywordStart)
    {
        Keyword = keyword;
        Flags = flags;
        Source = source;
        ArgumentsStart = argumentsStart;
        ArgumentsEnd = argumentsEnd;
        KeywordStart = keywordStart;
    }

    public string Keyword { get; }

    public IReadOnlyList<string> Flags { get; }

    /// <summary>The string the argument range is in (the line, or a copy when the flags ended mid-character).</summary>
    public string Source { get; }

    public int ArgumentsStart { get; }

    public int ArgumentsEnd { get; }

    public int KeywordStart { get; }

    public string Arguments => Source.Substring(ArgumentsStart, ArgumentsEnd - ArgumentsStart);
}

using System.Collections.Generic;

namespace DockerDsl.Core.Text.Syntax;

/// <summary>What BuildKit's parser.Parse returns, plus the directives it honoured.</summary>
public sealed class DockerfileParseResult
{
    internal DockerfileParseResult(DockerfileNode root, IReadOnlyList<ParseWarning> warnings, char escapeToken, IReadOnlyList<ParserDirective> directives)
    {
        Root = root;
        Warnings = warnings;
        EscapeToken = escapeToken;
        Directives = directives;
    }

    /// <summary>The root node: its <see cref="DockerfileNode.Children"/> are the instructions.</summary>
    public DockerfileNode Root { get; }

    /// <summary>The parser's warnings (empty continuation lines), in file order.</summary>
    public IReadOnlyList<ParseWarning> Warnings { get; }

    /// <summary>The escape and line-continuation character: <c>\</c>, or <c>`</c> after <c># escape=`</c>.</summary>
    public char EscapeToken { get; }

    /// <summary>The parser directives at the top of the file, in order, as the parser read them.</summary>
    public IReadOnlyList<ParserDirective> Directives { get; }
}

using System.Collections.Generic;
using System.Text;

namespace DockerDsl.Core.Text.Syntax;

/// <summary>
/// One node of the syntax tree, shaped like BuildKit's parser.Node: the root (whose children are the
/// instructions) or one instruction with its argument words as BuildKit's line parsers leave them.
/// </summary>
public sealed class DockerfileNode
{
    private static readonly IReadOnlyList<string> NoStrings = new string[0];
    private static readonly IReadOnlyList<DockerfileNode> NoNodes = new DockerfileNode[0];
    private static readonly IReadOnlyList<Heredoc> NoHeredocs = new Heredoc[0];
    private static readonly IReadOnlyList<DockerfileComment> NoComments = new DockerfileComment[0];

    private readonly string _originalSource;
    private readonly int _originalStart;
    private readonly int _originalLength;

    internal DockerfileNode(
        string keyword,
        IReadOnlyList<string>? next,
        IReadOnlyList<DockerfileNode>? children,
        bool isJson,
        string originalSource,
        int originalStart,
        int originalLength,
        IReadOnlyList<string>? flags)
    {
        Keyword = keyword;
        Value = ParserText.ToLower(keyword);
        Next = next ?? NoStrings;
        Children = children ?? NoNodes;
        IsJson = isJson;
        _originalSource = originalSource;
        _originalStart = originalStart;
        _originalLength = originalLength;
        Flags = flags ?? NoStrings;
    }

    /// <summary>The keyword in lower case (<c>run</c>, <c>from</c>, or an unknown word as written, lowered); empty for the root.</summary>
    public string Value { get; }

    /// <summary>The keyword exactly as written (<c>Run</c>, <c>RUN</c>); empty for the root.</summary>
    public string Keyword { get; }

    /// <summary>
    /// The argument words, BuildKit's Next chain: raw words with quotes kept for ENV/LABEL/ARG, one string
    /// for shell forms, the decoded strings of a JSON array, a single empty string for an unknown instruction.
    /// </summary>
    public IReadOnlyList<string> Next { get; }

    /// <summary>For the root, the instructions; for ONBUILD, its one nested instruction; otherwise empty.</summary>
    public IReadOnlyList<DockerfileNode> Children { get; }

    /// <summary>True when the arguments were a JSON array (BuildKit's Attributes["json"]).</summary>
    public bool IsJson { get; }

    /// <summary>
    /// The instruction's text with continuation lines joined and comments inside them dropped, as BuildKit's
    /// Original. For an instruction inside an ONBUILD it is the rest of the line, made on each read and not
    /// kept: a chain of ONBUILDs would otherwise hold a copy of the line per level (Go's substrings share it).
    /// </summary>
    public string Original => _originalStart == 0 && _originalLength == _originalSource.Length
        ? _originalSource
        : _originalSource.Substring(_originalStart, _originalLength);

    /// <summary>The <c>--flag</c> words before the arguments, with quotes and escapes removed.</summary>
    public IReadOnlyList<string> Flags { get; }

    /// <summary>The 1-based first line (for the root: of the first instruction; for a nested ONBUILD instruction: of its ONBUILD, where BuildKit has 0).</summary>
    public int StartLine { get; internal set; }

    /// <summary>The 1-based last line, heredoc bodies included (for the root: of the last instruction).</summary>
    public int EndLine { get; internal set; }

    /// <summary>
    /// The 1-based column (UTF-16 code units, a byte order mark not counted) where the instruction starts on
    /// <see cref="StartLine"/>; for a nested ONBUILD instruction, the column in the joined line. Not in BuildKit.
    /// </summary>
    public int StartColumn { get; internal set; }

    /// <summary>The heredocs of the instruction, in the order their bodies follow it.</summary>
    public IReadOnlyList<Heredoc> Heredocs { get; internal set; } = NoHeredocs;

    /// <summary>The comment lines BuildKit collected before the instruction (its PrevComment), with their lines.</summary>
    public IReadOnlyList<DockerfileComment> PrevComment { get; internal set; } = NoComments;

    internal bool IsRoot { get; set; }

    /// <summary>BuildKit's Node.Dump(): one <c>(instruction ...)</c> a line for the root, with no final newline.</summary>
    public string Dump()
    {
        var builder = new StringBuilder();
        if (IsRoot)
        {
            for (var i = 0; i < Children.Count; i++)
            {
                if (i > 0)
                {
                    builder.Append('\n');
                }

                builder.Append('(').Append(Children[i].Dump()).Append(')');
            }

            return builder.ToString();
        }

        // An ONBUILD chain nests one instruction per level; walk it without recursion.
        var depth = 0;
        for (var node = this; ; node = node.Children[0])
        {
            if (depth > 0)
            {
                builder.Append(" (");
            }

            var start = builder.Length;
            builder.Append(node.Value);
            if (node.Flags.Count > 0)
            {
                builder.Append(" [");
                for (var i = 0; i < node.Flags.Count; i++)
                {
                    if (i > 0)
                    {
                        builder.Append(' ');
                    }

                    GoText.AppendQuoted(builder, node.Flags[i]);
                }

                builder.Append(']');
            }

            foreach (var value in node.Next)
            {
                builder.Append(' ');
                GoText.AppendQuoted(builder, value);
            }

            if (node.Children.Count == 0)
            {
                // Go trims each node's dump: an empty keyword leaves a space before the arguments.
                var segment = builder.ToString(start, builder.Length - start);
                builder.Length = start;
                builder.Append(GoText.TrimSpace(segment));
                break;
            }

            depth++;
        }

        builder.Append(')', depth);
        return builder.ToString();
    }
}

using System.Collections.Generic;
using System.Linq;
using DockerDsl.Core.Text;
using DockerDsl.Core.Text.Syntax;

namespace DockerDsl.Core.Import;

/// <summary>
/// How the Dockerfile was written, beyond what BuildKit reads: every comment line and the instruction it
/// precedes, blank lines between instructions, and where an instruction's lines were continued (with the
/// comments between them), so the declaration can keep them.
/// </summary>
internal sealed class SourceLayout
{
    private readonly Dictionary<DockerfileNode, List<string>> _comments = new();
    private readonly HashSet<DockerfileNode> _blankBefore = new();
    private readonly Dictionary<DockerfileNode, ContinuedLine> _lines = new();

    private SourceLayout(List<string> trailing) => TrailingComments = trailing;

    /// <summary>The comments after the last instruction.</summary>
    public IReadOnlyList<string> TrailingComments { get; }

    public IReadOnlyList<string> CommentsBefore(DockerfileNode node) => _comments.TryGetValue(node, out var comments) ? comments : new List<string>();

    public bool BlankLineBefore(DockerfileNode node) => _blankBefore.Contains(node);

    /// <summary>The instruction's line as BuildKit joined it, with where each written line starts; null without the text.</summary>
    public ContinuedLine? LineOf(DockerfileNode node) => _lines.TryGetValue(node, out var line) ? line : null;

    public static SourceLayout Read(DockerfileDocument document, string? text)
    {
        var nodes = document.Syntax.Root.Children;
        if (text is null)
        {
            var withoutText = new SourceLayout(new List<string>());
            foreach (var node in nodes)
            {
                withoutText._comments[node] = node.PrevComment.Select(c => c.Text).ToList();
            }

            return withoutText;
        }

        var lines = text.Split('\n').Select(ParserText.TrimNewline).ToArray();
        if (lines.Length > 0 && lines[0].Length > 0 && lines[0][0] == '\uFEFF')
        {
            lines[0] = lines[0].Substring(1);
        }

        var directiveLines = new HashSet<int>(document.Syntax.Directives.Where(d => d.Line > 0).Select(d => d.Line));
        var pending = new List<string>();
        var blank = false;
        var layout = new SourceLayout(pending);
        var line = 1;
        foreach (var node in nodes)
        {
            for (; line < node.StartLine && line <= lines.Length; line++)
            {
                var raw = lines[line - 1];
                if (directiveLines.Contains(line))
                {
                    continue;
                }

                if (IsComment(raw))
                {
                    pending.Add(CommentText(raw));
                }
                else if (GoText.TrimSpace(raw).Length == 0 && layout._comments.Count > 0)
                {
                    blank = true;
                }
            }

            layout._comments[node] = new List<string>(pending);
            pending.Clear();
            if (blank)
            {
                layout._blankBefore.Add(node);
                blank = false;
            }

            if (ContinuedLine.Read(lines, node, document.Syntax.EscapeToken) is { } continued)
            {
                layout._lines[node] = continued;
            }

            line = node.EndLine + 1;
        }

        for (; line <= lines.Length; line++)
        {
            if (IsComment(lines[line - 1]))
            {
                pending.Add(CommentText(lines[line - 1]));
            }
        }

        return layout;
    }

    internal static bool IsComment(string line)
    {
        var start = GoText.SkipSpace(line, 0);
        return start < line.Length && line[start] == '#';
    }

    internal static string CommentText(string line) => GoText.TrimSpace(line.Substring(GoText.SkipSpace(line, 0) + 1));
}

/// <summary>
/// One instruction's line as BuildKit's parser joins it from the lines it was written on (continuations
/// removed, comment and empty lines skipped), with the offsets where each written line starts and the
/// comments written before it.
/// </summary>
internal sealed class ContinuedLine
{
    private ContinuedLine(string text, IReadOnlyList<int> breaks, IReadOnlyDictionary<int, List<string>> comments)
    {
        Text = text;
        Breaks = breaks;
        Comments = comments;
    }

    public string Text { get; }

    /// <summary>The offsets in <see cref="Text"/> where a written line after the first starts.</summary>
    public IReadOnlyList<int> Breaks { get; }

    /// <summary>The comment lines written before the line that starts at an offset.</summary>
    public IReadOnlyDictionary<int, List<string>> Comments { get; }

    /// <summary>Every comment inside the instruction, in order.</summary>
    public IEnumerable<string> AllComments => Comments.OrderBy(c => c.Key).SelectMany(c => c.Value);

    /// <summary>The joined line of <paramref name="node"/>, or null when the lines read do not end where the parser's did.</summary>
    public static ContinuedLine? Read(string[] lines, DockerfileNode node, char escape)
    {
        var index = node.StartLine - 1;
        if (index < 0 || index >= lines.Length)
        {
            return null;
        }

        var text = new System.Text.StringBuilder();
        var breaks = new List<int>();
        var comments = new Dictionary<int, List<string>>();
        var piece = TrimContinuation(GoText.TrimLeftSpace(lines[index]), escape, out var ended);
        text.Append(piece);
        var pendingComments = new List<string>();
        while (!ended)
        {
            index++;
            if (index >= lines.Length || index + 1 > node.EndLine)
            {
                return null;
            }

            var raw = lines[index];
            if (SourceLayout.IsComment(raw))
            {
                pendingComments.Add(SourceLayout.CommentText(raw));
                continue;
            }

            if (GoText.TrimLeftSpace(raw).Length == 0)
            {
                continue;
            }

            if (pendingComments.Count > 0)
            {
                comments[text.Length] = pendingComments;
                pendingComments = new List<string>();
            }

            breaks.Add(text.Length);
            text.Append(TrimContinuation(raw, escape, out ended));
        }

        return new ContinuedLine(text.ToString(), breaks, comments);
    }

    // BuildKit's line-continuation regexp ([^E])E[ \t]*$|^E[ \t]*$ for the escape token E.
    private static string TrimContinuation(string line, char escape, out bool ended)
    {
        var end = line.Length;
        while (end > 0 && (line[end - 1] == ' ' || line[end - 1] == '\t'))
        {
            end--;
        }

        if (end == 0 || line[end - 1] != escape || (end >= 2 && line[end - 2] == escape))
        {
            ended = true;
            return line;
        }

        ended = false;
        return line.Substring(0, end - 1);
    }
}

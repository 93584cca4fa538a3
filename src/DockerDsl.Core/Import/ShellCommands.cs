using System.Collections.Generic;
using System.Text;

namespace DockerDsl.Core.Import;

/// <summary>
/// Splits a shell-form RUN into the commands <c>[Run]</c> chains with <c>&amp;&amp;</c>, and each command into the
/// lines it was written on. Only white space the shell reads as a word separator changes: around a top-level
/// <c>&amp;&amp;</c> (outside quotes, substitutions and compound commands), and where a continued line started,
/// which becomes one space. A Windows shell (cmd's <c>echo</c> prints its spaces) keeps the text as written.
/// </summary>
internal static class ShellCommands
{
    /// <summary>One command: its pieces, each with the comments written before it.</summary>
    public sealed record Command(IReadOnlyList<(string Piece, IReadOnlyList<string> Comments)> Pieces)
    {
        public string Text
        {
            get
            {
                var builder = new StringBuilder();
                foreach (var (piece, _) in Pieces)
                {
                    builder.Append(piece);
                }

                return builder.ToString();
            }
        }
    }

    /// <param name="text">The command text (BuildKit's argument of RUN).</param>
    /// <param name="breaks">Offsets in <paramref name="text"/> where a written line starts.</param>
    /// <param name="comments">The comments written before the line at an offset.</param>
    /// <param name="exact">Keep every character: no split, no white space change.</param>
    /// <param name="trailing">The comments written after the last command.</param>
    public static List<Command> Split(string text, IReadOnlyList<int> breaks, IReadOnlyDictionary<int, List<string>> comments, bool exact, out List<string> trailing)
    {
        var scan = exact ? null : Scan.Read(text);
        var segments = new List<(int Start, int End)>();
        if (scan is null)
        {
            segments.Add((0, text.Length));
        }
        else
        {
            var start = 0;
            foreach (var split in scan.Splits)
            {
                segments.Add((start, split));
                start = split + 2;
            }

            segments.Add((start, text.Length));
        }

        var commands = new List<Command>();
        var carried = new List<string>();
        foreach (var (segmentStart, segmentEnd) in segments)
        {
            var start = segmentStart;
            var end = segmentEnd;
            if (scan is not null)
            {
                while (start < end && IsBlank(text[start]))
                {
                    start++;
                }

                while (end > start && IsBlank(text[end - 1]))
                {
                    end--;
                }
            }

            var pieces = new List<(string, IReadOnlyList<string>)>();
            var pieceStart = start;
            var pieceComments = new List<string>(carried);
            carried.Clear();
            foreach (var offset in breaks)
            {
                if (offset < segmentStart || offset > segmentEnd)
                {
                    continue;
                }

                var found = comments.TryGetValue(offset, out var here) ? here : null;
                if (offset <= start || offset >= end)
                {
                    // A line that starts in the white space around the command: its comments go before the command.
                    (offset <= start ? pieceComments : carried).AddRange(found ?? new List<string>());
                    continue;
                }

                var cutEnd = offset;
                var nextStart = offset;
                var separator = string.Empty;
                if (scan is not null && scan.IsTopLevel(offset))
                {
                    while (cutEnd > pieceStart && IsBlank(text[cutEnd - 1]) && scan.IsTopLevel(cutEnd - 1))
                    {
                        cutEnd--;
                    }

                    while (nextStart < end && IsBlank(text[nextStart]))
                    {
                        nextStart++;
                    }

                    if (cutEnd < nextStart)
                    {
                        separator = " ";
                    }
                }

                if (cutEnd <= pieceStart || nextStart >= end)
                {
                    pieceComments.AddRange(found ?? new List<string>());
                    continue;
                }

                pieces.Add((text.Substring(pieceStart, cutEnd - pieceStart) + separator, pieceComments));
                pieceStart = nextStart;
                pieceComments = found is null ? new List<string>() : new List<string>(found);
            }

            pieces.Add((text.Substring(pieceStart, end - pieceStart), pieceComments));
            commands.Add(new Command(pieces));
        }

        trailing = carried;
        return commands;
    }

    /// <summary>
    /// The text with each run of white space the shell reads as a separator (outside quotes, escapes and
    /// substitutions) made one space, and none at the ends: two texts the shell splits into the same words
    /// give the same result. Null when the quotes are not balanced.
    /// </summary>
    public static string? Normalized(string text)
    {
        var scan = Scan.Read(text);
        if (scan is null)
        {
            return null;
        }

        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (IsBlank(text[i]) && scan.IsTopLevel(i))
            {
                var j = i;
                while (j < text.Length && IsBlank(text[j]) && scan.IsTopLevel(j))
                {
                    j++;
                }

                if (builder.Length > 0 && j < text.Length)
                {
                    builder.Append(' ');
                }

                i = j - 1;
                continue;
            }

            builder.Append(text[i]);
        }

        return builder.ToString();
    }

    private static bool IsBlank(char c) => c is ' ' or '\t';

    /// <summary>Which characters are outside every quote, escape and substitution, and where a top-level <c>&amp;&amp;</c> separates commands.</summary>
    private sealed class Scan
    {
        private static readonly HashSet<string> Openers = new(System.StringComparer.Ordinal) { "if", "case", "do", "{" };
        private static readonly HashSet<string> Closers = new(System.StringComparer.Ordinal) { "fi", "esac", "done", "}" };
        private static readonly HashSet<string> CommandStarts = new(System.StringComparer.Ordinal) { "if", "then", "else", "elif", "do", "while", "until", "!", "{", "}", "fi", "done", "esac" };

        private readonly bool[] _topLevel;

        private Scan(bool[] topLevel, List<int> splits)
        {
            _topLevel = topLevel;
            Splits = splits;
        }

        /// <summary>The offsets of the <c>&amp;&amp;</c> that separate commands.</summary>
        public List<int> Splits { get; }

        public bool IsTopLevel(int index) => index >= 0 && index < _topLevel.Length && _topLevel[index];

        public static Scan? Read(string text)
        {
            var topLevel = new bool[text.Length];
            var stack = new Stack<char>();
            var splits = new List<int>();
            var compound = 0;
            var commandPosition = true;
            var word = new StringBuilder();
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                var state = stack.Count == 0 ? 'T' : stack.Peek();
                if (state == '\'')
                {
                    if (c == '\'')
                    {
                        stack.Pop();
                    }

                    continue;
                }

                if (c == '\\')
                {
                    i++;
                    if (state == 'T')
                    {
                        word.Append('\\');
                    }

                    continue;
                }

                if (state == '"')
                {
                    if (c == '"')
                    {
                        stack.Pop();
                    }
                    else if (c == '`')
                    {
                        stack.Push('`');
                    }
                    else if (c == '$' && i + 1 < text.Length && text[i + 1] is '(' or '{')
                    {
                        stack.Push(text[++i]);
                    }

                    continue;
                }

                if (state == '`')
                {
                    if (c == '`')
                    {
                        stack.Pop();
                    }

                    continue;
                }

                if (c == '\'' || c == '"' || c == '`')
                {
                    stack.Push(c);
                    EndWord();
                    word.Append('q');
                    continue;
                }

                if (c == '$' && i + 1 < text.Length && text[i + 1] is '(' or '{')
                {
                    stack.Push(text[++i]);
                    word.Append('$');
                    continue;
                }

                if (state == '{')
                {
                    if (c == '}')
                    {
                        stack.Pop();
                    }

                    continue;
                }

                if (c == '(')
                {
                    stack.Push('p');
                    EndWord();
                    commandPosition = true;
                    continue;
                }

                if (c == ')')
                {
                    if (state is '(' or 'p')
                    {
                        stack.Pop();
                        EndWord();
                        continue;
                    }

                    return null;
                }

                if (state != 'T')
                {
                    continue;
                }

                topLevel[i] = true;
                if (c is ' ' or '\t')
                {
                    EndWord();
                    continue;
                }

                if (c is ';' or '&' or '|')
                {
                    EndWord();
                    if (c == '&' && i + 1 < text.Length && text[i + 1] == '&' && compound == 0
                        && i > 0 && IsBlank(text[i - 1]) && topLevel[i - 1]
                        && i + 2 < text.Length && IsBlank(text[i + 2]))
                    {
                        splits.Add(i);
                        topLevel[i + 1] = true;
                        i++;
                    }

                    commandPosition = true;
                    continue;
                }

                word.Append(c);
            }

            EndWord();
            return stack.Count == 0 ? new Scan(topLevel, splits) : null;

            void EndWord()
            {
                if (word.Length == 0)
                {
                    return;
                }

                var ended = word.ToString();
                word.Clear();
                if (commandPosition)
                {
                    if (Openers.Contains(ended))
                    {
                        compound++;
                    }
                    else if (Closers.Contains(ended) && compound > 0)
                    {
                        compound--;
                    }
                }

                commandPosition = CommandStarts.Contains(ended) && commandPosition;
            }
        }
    }
}

using System;
using System.Collections.Generic;
using System.Text;

namespace DockerDsl.Core.Rules;

/// <summary>A simple command of a shell script: its words, without leading reserved words (<c>if</c>, <c>then</c>, <c>do</c>, ...) and variable assignments.</summary>
/// <param name="PipedFrom">True when the command's output is piped into the next command with <c>|</c>.</param>
public sealed record ShellCommand(IReadOnlyList<string> Words, bool PipedFrom)
{
    public string Name => Words.Count > 0 ? Words[0] : string.Empty;

    /// <summary>The <c>NAME=value</c> words before the command name, which set its environment.</summary>
    public IReadOnlyList<string> Assignments { get; init; } = Array.Empty<string>();

    /// <summary>Where each of <see cref="Words"/> ends in the parsed text (the offset after its last character, closing quote included), so a fix can edit the text.</summary>
    public IReadOnlyList<int> WordEnds { get; init; } = Array.Empty<int>();
}

/// <summary>
/// Splits shell text into simple commands: enough of the POSIX grammar (quotes, escapes, comments,
/// operators, case patterns) to find command names and flags, not a shell. Subshells are read as
/// command boundaries. The commands of a command substitution (<c>$(...)</c>, backquotes, <c>&lt;(...)</c>),
/// quoted or not, are commands of the script too, listed before the command whose word holds them
/// (they run first); that word keeps the substitution as written.
/// </summary>
public static class ShellScript
{
    private static readonly HashSet<string> ReservedWords = new(StringComparer.Ordinal) { "!", "{", "if", "then", "elif", "else", "while", "until", "do" };

    public static IReadOnlyList<ShellCommand> Parse(string script)
    {
        var commands = new List<ShellCommand>();
        new Reader(script, commands).Read(0, script.Length);
        return commands;
    }

    private static bool IsAssignment(string word)
    {
        var equals = word.IndexOf('=');
        if (equals <= 0)
        {
            return false;
        }

        for (var i = 0; i < equals; i++)
        {
            var c = word[i];
            if (!(char.IsLetterOrDigit(c) || c == '_') || (i == 0 && char.IsDigit(c)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Reads one range of the script (all of it, or the inside of a substitution) into commands.</summary>
    private sealed class Reader
    {
        private readonly string _script;
        private readonly List<ShellCommand> _commands;

        public Reader(string script, List<ShellCommand> commands)
        {
            _script = script;
            _commands = commands;
        }

        public void Read(int start, int end)
        {
            var script = _script;
            var words = new List<string>();
            var wordEnds = new List<int>();
            var word = new StringBuilder();
            var inWord = false;
            var wordEnd = 0;

            // Open case statements, and whether the next thing to read is a case pattern ('a | b)'), which is no command.
            var openCases = 0;
            var atPattern = false;

            void EndWord()
            {
                if (inWord)
                {
                    words.Add(word.ToString());
                    wordEnds.Add(wordEnd);
                    word.Clear();
                    inWord = false;
                }
            }

            void EndCommand(bool piped)
            {
                EndWord();

                // Reserved words that open a compound command (if, then, do, !, {) come before the command they run.
                var reserved = 0;
                while (reserved < words.Count && ReservedWords.Contains(words[reserved]))
                {
                    reserved++;
                }

                if (IsCaseHeader(words, reserved))
                {
                    openCases++;
                    atPattern = true;
                }

                var first = reserved;
                while (first < words.Count && IsAssignment(words[first]))
                {
                    first++;
                }

                if (first < words.Count)
                {
                    _commands.Add(new ShellCommand(words.GetRange(first, words.Count - first), piped)
                    {
                        Assignments = words.GetRange(reserved, first - reserved),
                        WordEnds = wordEnds.GetRange(first, wordEnds.Count - first),
                    });
                }

                words.Clear();
                wordEnds.Clear();
            }

            for (var i = start; i < end; i++)
            {
                var c = script[i];
                var next = i + 1 < end ? script[i + 1] : '\0';
                if (atPattern)
                {
                    i = SkipPattern(i, end, ref atPattern, ref openCases);
                    continue;
                }

                switch (c)
                {
                    case '\\' when next == '\n':
                        // A line continuation joins the lines, as if neither character were there.
                        i++;
                        break;
                    case '\\':
                        word.Append(next);
                        inWord = true;
                        i++;
                        wordEnd = Math.Min(i + 1, end);
                        break;
                    case '\'':
                        var close = script.IndexOf('\'', i + 1, end - i - 1);
                        close = close < 0 ? end : close;
                        word.Append(script, i + 1, close - i - 1);
                        inWord = true;
                        i = close;
                        wordEnd = Math.Min(i + 1, end);
                        break;
                    case '"':
                        i = ReadDoubleQuoted(i + 1, end, word);
                        inWord = true;
                        wordEnd = Math.Min(i + 1, end);
                        break;
                    case '$' when next is '(' or '{':
                    case '`':
                    case '(' when inWord && word.Length > 0 && word[word.Length - 1] is '<' or '>' && (i - 1 < start || script[i - 1] is '<' or '>'):
                        var substitutionEnd = ReadSubstitution(i, end);
                        word.Append(script, i, substitutionEnd - i);
                        inWord = true;
                        i = substitutionEnd - 1;
                        wordEnd = substitutionEnd;
                        break;
                    case '#' when !inWord:
                        while (i + 1 < end && script[i + 1] != '\n')
                        {
                            i++;
                        }

                        break;
                    case '&' when next == '>' || (i > start && script[i - 1] is '>' or '<'):
                        word.Append(c);
                        inWord = true;
                        wordEnd = i + 1;
                        break;
                    case ';' when next == ';':
                        // The end of a case item: a pattern comes next, or esac.
                        EndCommand(false);
                        i++;
                        atPattern = openCases > 0;
                        break;
                    case '|' when next == '|':
                    case '&' when next == '&':
                        EndCommand(false);
                        i++;
                        break;
                    case '|':
                        EndCommand(true);
                        break;
                    case ';':
                    case '&':
                    case '\n':
                    case '(':
                    case ')':
                        EndCommand(false);
                        break;
                    case '{' when !inWord:
                    case '}' when !inWord:
                        EndCommand(false);
                        break;
                    default:
                        if (char.IsWhiteSpace(c))
                        {
                            EndWord();
                            if (IsCaseHeader(words, 0))
                            {
                                EndCommand(false);
                            }
                        }
                        else
                        {
                            word.Append(c);
                            inWord = true;
                            wordEnd = i + 1;
                        }

                        break;
                }
            }

            EndCommand(false);
        }

        /// <summary>
        /// At a case pattern: skips it, up to its closing <c>)</c>, and returns the index of that. When the
        /// next word is <c>esac</c> instead, the case ends there and the word is read as usual.
        /// </summary>
        private int SkipPattern(int i, int end, ref bool atPattern, ref int openCases)
        {
            var script = _script;
            if (char.IsWhiteSpace(script[i]))
            {
                return i;
            }

            if (script[i] == '#')
            {
                while (i + 1 < end && script[i + 1] != '\n')
                {
                    i++;
                }

                return i;
            }

            atPattern = false;
            if (string.CompareOrdinal(script, i, "esac", 0, 4) == 0 && (i + 4 >= end || !IsWordCharacter(script[i + 4])))
            {
                openCases--;
                return i - 1;
            }

            for (; i < end; i++)
            {
                switch (script[i])
                {
                    case '\\':
                        i++;
                        break;
                    case '\'':
                        var close = script.IndexOf('\'', i + 1, end - i - 1);
                        i = close < 0 ? end : close;
                        break;
                    case '"':
                        i = ReadDoubleQuoted(i + 1, end, new StringBuilder());
                        break;
                    case ')':
                        return i;
                }
            }

            return end;
        }

        /// <summary>
        /// Reads a double-quoted string from <paramref name="i"/> (after the opening quote) into
        /// <paramref name="word"/>: a backslash escapes only <c>$ ` " \</c> and a line break, and the
        /// commands of its substitutions are read. Returns the index of the closing quote.
        /// </summary>
        private int ReadDoubleQuoted(int i, int end, StringBuilder word)
        {
            var script = _script;
            for (; i < end; i++)
            {
                var c = script[i];
                var next = i + 1 < end ? script[i + 1] : '\0';
                switch (c)
                {
                    case '"':
                        return i;
                    case '\\' when next == '\n':
                        i++;
                        break;
                    case '\\' when next is '$' or '`' or '"' or '\\':
                        word.Append(next);
                        i++;
                        break;
                    case '$' when next is '(' or '{':
                    case '`':
                        var substitutionEnd = ReadSubstitution(i, end);
                        word.Append(script, i, substitutionEnd - i);
                        i = substitutionEnd - 1;
                        break;
                    default:
                        word.Append(c);
                        break;
                }
            }

            return end;
        }

        /// <summary>
        /// Reads the substitution that starts at <paramref name="i"/> (<c>$(...)</c>, <c>`...`</c>,
        /// <c>&lt;(...)</c>, <c>${...}</c> or <c>$((...))</c>), adding the commands of the first three,
        /// and returns the index after its end.
        /// </summary>
        private int ReadSubstitution(int i, int end)
        {
            var script = _script;
            if (script[i] == '`')
            {
                var close = i + 1;
                while (close < end && script[close] != '`')
                {
                    close += script[close] == '\\' ? 2 : 1;
                }

                close = Math.Min(close, end);
                Read(i + 1, close);
                return Math.Min(close + 1, end);
            }

            if (script[i] == '$' && script[i + 1] == '{')
            {
                var brace = Matching(i + 2, end, '{', '}');
                ReadParameter(i + 2, brace);
                return Math.Min(brace + 1, end);
            }

            var open = script[i] == '$' ? i + 2 : i + 1;
            var closing = Matching(open, end, '(', ')');
            if (!(script[i] == '$' && open < end && script[open] == '('))
            {
                // $((...)) is arithmetic, not a command.
                Read(open, closing);
            }

            return Math.Min(closing + 1, end);
        }

        /// <summary>Reads the commands of the substitutions inside a parameter expansion, such as <c>${name:-$(command)}</c>.</summary>
        private void ReadParameter(int i, int end)
        {
            var script = _script;
            for (; i < end; i++)
            {
                var c = script[i];
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '\'')
                {
                    var close = script.IndexOf('\'', i + 1, end - i - 1);
                    i = close < 0 ? end : close;
                }
                else if (c == '"')
                {
                    i = ReadDoubleQuoted(i + 1, end, new StringBuilder());
                }
                else if (c == '`' || (c == '$' && i + 1 < end && script[i + 1] is '(' or '{'))
                {
                    i = ReadSubstitution(i, end) - 1;
                }
            }
        }

        /// <summary>The index of the <paramref name="closeChar"/> that closes a bracket opened before <paramref name="i"/>, skipping quotes and nested brackets; <paramref name="end"/> when it is not closed.</summary>
        private int Matching(int i, int end, char openChar, char closeChar)
        {
            var script = _script;
            var depth = 1;
            for (; i < end; i++)
            {
                var c = script[i];
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '\'')
                {
                    var close = script.IndexOf('\'', i + 1, end - i - 1);
                    i = close < 0 ? end : close;
                }
                else if (c == '"')
                {
                    i = SkipDoubleQuoted(i + 1, end);
                }
                else if (c == openChar)
                {
                    depth++;
                }
                else if (c == closeChar && --depth == 0)
                {
                    return i;
                }
            }

            return end;
        }

        /// <summary>The index of the quote that closes a double-quoted string starting at <paramref name="i"/>, with the substitutions it holds.</summary>
        private int SkipDoubleQuoted(int i, int end)
        {
            var script = _script;
            for (; i < end; i++)
            {
                var c = script[i];
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '"')
                {
                    return i;
                }
                else if (c == '$' && i + 1 < end && script[i + 1] is '(' or '{')
                {
                    i = script[i + 1] == '(' ? Matching(i + 2, end, '(', ')') : Matching(i + 2, end, '{', '}');
                }
            }

            return end;
        }

        /// <summary>Whether <paramref name="words"/>, from <paramref name="start"/>, are <c>case WORD in</c>, after which come the patterns.</summary>
        private static bool IsCaseHeader(List<string> words, int start) =>
            words.Count == start + 3 && words[start] == "case" && words[start + 2] == "in";

        private static bool IsWordCharacter(char c) => !char.IsWhiteSpace(c) && c is not (';' or '&' or '|' or ')' or '(');
    }
}

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
/// operators) to find command names and flags, not a shell. Subshells and substitutions are read as
/// command boundaries.
/// </summary>
public static class ShellScript
{
    private static readonly HashSet<string> ReservedWords = new(StringComparer.Ordinal) { "!", "{", "if", "then", "elif", "else", "while", "until", "do" };

    public static IReadOnlyList<ShellCommand> Parse(string script)
    {
        var commands = new List<ShellCommand>();
        var words = new List<string>();
        var wordEnds = new List<int>();
        var word = new StringBuilder();
        var inWord = false;
        var wordEnd = 0;

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

            var start = reserved;
            while (start < words.Count && IsAssignment(words[start]))
            {
                start++;
            }

            if (start < words.Count)
            {
                commands.Add(new ShellCommand(words.GetRange(start, words.Count - start), piped)
                {
                    Assignments = words.GetRange(reserved, start - reserved),
                    WordEnds = wordEnds.GetRange(start, wordEnds.Count - start),
                });
            }

            words.Clear();
            wordEnds.Clear();
        }

        for (var i = 0; i < script.Length; i++)
        {
            var c = script[i];
            var next = i + 1 < script.Length ? script[i + 1] : '\0';
            switch (c)
            {
                case '\\' when next == '\n':
                    i++;
                    EndWord();
                    break;
                case '\\':
                    word.Append(next);
                    inWord = true;
                    i++;
                    wordEnd = Math.Min(i + 1, script.Length);
                    break;
                case '\'':
                case '"':
                    var close = script.IndexOf(c, i + 1);
                    if (close < 0)
                    {
                        close = script.Length;
                    }

                    word.Append(script, i + 1, close - i - 1);
                    inWord = true;
                    i = close;
                    wordEnd = Math.Min(i + 1, script.Length);
                    break;
                case '#' when !inWord:
                    while (i + 1 < script.Length && script[i + 1] != '\n')
                    {
                        i++;
                    }

                    break;
                case '&' when next == '>' || (i > 0 && script[i - 1] is '>' or '<'):
                    word.Append(c);
                    inWord = true;
                    wordEnd = i + 1;
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
                case '`':
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
}

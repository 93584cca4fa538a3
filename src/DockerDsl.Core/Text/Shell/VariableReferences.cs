using System;
using System.Collections.Generic;
using System.Text;

namespace DockerDsl.Core.Text.Shell;

/// <summary>
/// The build variable references a bare word may hold: <c>$NAME</c>, <c>${NAME}</c> and BuildKit's other
/// expansions (<c>${NAME:-word}</c>, <c>${NAME-word}</c>, <c>${NAME:+word}</c>, <c>${NAME+word}</c>,
/// <c>${NAME:?word}</c>, <c>${NAME?word}</c>, <c>${NAME#pattern}</c>, <c>${NAME##pattern}</c>,
/// <c>${NAME%pattern}</c>, <c>${NAME%%pattern}</c>, <c>${NAME/pattern/word}</c>, <c>${NAME//pattern/word}</c>),
/// nested in the words of each other, with names an ARG or ENV can define. Every <c>$</c> of such a word starts
/// one, so none is a literal <c>$</c>.
/// </summary>
public static class VariableReferences
{
    /// <summary>The text a masked reference becomes: a letter every value check accepts where a name or number may stand.</summary>
    public const string Placeholder = "x";

    private static readonly IShellEnvironment EverythingSet = new AllSet();

    /// <summary>
    /// Null when every <c>$</c> of <paramref name="word"/> starts a reference BuildKit's lexer processes
    /// without error, or the reason, phrased to finish "The value ...". Quotes, white space and the escape
    /// character are for the caller to refuse; this checks the references alone.
    /// </summary>
    public static string? Problem(string word, char escape)
    {
        if (word is null)
        {
            throw new ArgumentNullException(nameof(word));
        }

        var scanner = new Scanner(word);
        var problem = scanner.Word(stop: '\0');
        if (problem is not null)
        {
            return problem;
        }

        try
        {
            new ShellLexer(escape).ProcessWord(word, EverythingSet);
            return null;
        }
        catch (ShellLexException e)
        {
            return "is refused by BuildKit's variable expansion (" + e.Message + ")";
        }
    }

    /// <summary>True when <paramref name="word"/> holds a variable reference (any <c>$</c>).</summary>
    public static bool Any(string word) => word.IndexOf('$') >= 0;

    /// <summary>
    /// <paramref name="word"/> with each outermost reference replaced by <see cref="Placeholder"/>, for the checks
    /// of a value's form (an image reference, a platform, a user) that a variable may stand in for. Call only on a
    /// word <see cref="Problem"/> accepts.
    /// </summary>
    public static string Mask(string word)
    {
        var builder = new StringBuilder(word.Length);
        var scanner = new Scanner(word);
        var start = 0;
        foreach (var (from, to) in scanner.OuterReferences())
        {
            builder.Append(word, start, from - start).Append(Placeholder);
            start = to;
        }

        return builder.Append(word, start, word.Length - start).ToString();
    }

    /// <summary>The names of the variables <paramref name="word"/> references, outermost and nested, in order, each once.</summary>
    public static IReadOnlyList<string> Names(string word)
    {
        var scanner = new Scanner(word);
        scanner.Word(stop: '\0');
        return scanner.Names;
    }

    // Reads a word as BuildKit's lexer does (lex.go, processStopOn and processDollar), recording where references are.
    private sealed class Scanner
    {
        private readonly string _text;
        private readonly List<(int From, int To)> _outer = new();
        private readonly List<string> _names = new();
        private int _position;
        private int _depth;

        public Scanner(string text) => _text = text;

        public List<string> Names => _names;

        public IEnumerable<(int From, int To)> OuterReferences()
        {
            Word(stop: '\0');
            return _outer;
        }

        // Up to `stop` (consumed) or the end of the text when stop is '\0'.
        public string? Word(char stop)
        {
            while (_position < _text.Length)
            {
                var c = _text[_position];
                if (stop != '\0' && c == stop)
                {
                    _position++;
                    return null;
                }

                if (c != '$')
                {
                    _position++;
                    continue;
                }

                var start = _position;
                var problem = Reference();
                if (problem is not null)
                {
                    return problem;
                }

                if (_depth == 0)
                {
                    _outer.Add((start, _position));
                }
            }

            return stop == '\0' ? null : "has a '${' without its closing '}'";
        }

        private string? Reference()
        {
            _position++;
            if (_position < _text.Length && _text[_position] == '{')
            {
                _position++;
                return Braced();
            }

            var name = Name();
            return name.Length == 0
                ? "contains a '$' that starts no variable reference; a literal '$' cannot be written here"
                : NameProblem(name);
        }

        private string? Braced()
        {
            var name = Name();
            if (name.Length == 0)
            {
                return "has a '${' that names no variable";
            }

            var problem = NameProblem(name);
            if (problem is not null)
            {
                return problem;
            }

            if (_position == _text.Length)
            {
                return "has a '${' without its closing '}'";
            }

            var modifier = _text[_position++];
            _depth++;
            try
            {
                switch (modifier)
                {
                    case '}':
                        return null;
                    case ':' when _position < _text.Length && _text[_position] is '-' or '+' or '?':
                        _position++;
                        return Word('}');
                    case '-' or '+' or '?' or '#' or '%':
                        return Word('}');
                    case '/':
                        return Word('/') ?? Word('}');
                    default:
                        return $"has '${{{name}{modifier}', which is not one of BuildKit's expansions (such as ${{{name}:-default}})";
                }
            }
            finally
            {
                _depth--;
            }
        }

        // The lexer's name: letters, digits and '_' (a leading digit makes a positional parameter, which nothing sets).
        private string Name()
        {
            var start = _position;
            while (_position < _text.Length)
            {
                var rune = GoText.RuneAt(_text, _position, out var width);
                if (!GoText.IsLetter(rune) && !GoText.IsDigit(rune) && rune != '_')
                {
                    break;
                }

                _position += width;
            }

            return _text.Substring(start, _position - start);
        }

        private string? NameProblem(string name)
        {
            if (!IsVariableName(name))
            {
                return $"references '{name}', which is not a variable name an ARG or ENV can set (a letter or '_', then letters, digits or '_')";
            }

            if (!_names.Contains(name))
            {
                _names.Add(name);
            }

            return null;
        }

        private static bool IsVariableName(string name)
        {
            if (name.Length == 0 || name[0] is >= '0' and <= '9')
            {
                return false;
            }

            foreach (var c in name)
            {
                if (!(c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_'))
                {
                    return false;
                }
            }

            return true;
        }
    }

    // Every name set to a value no expansion refuses, so that only the word's form can fail.
    private sealed class AllSet : IShellEnvironment
    {
        public bool TryGetValue(string name, out string value)
        {
            value = Placeholder;
            return true;
        }
    }
}

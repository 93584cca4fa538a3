using System;
using System.Runtime.CompilerServices;
using System.Text;

namespace DockerDsl.Core.Text.Shell;

/// <summary>
/// One run of BuildKit's shellWord over one word (lex.go): reads it left to right, removing quotes and
/// escapes and expanding variables, recording every name it looks up.
/// </summary>
internal sealed class ShellWordProcessor
{
    private readonly RuneCursor _cursor;
    private readonly int _escape;
    private readonly ShellLexerOptions _options;
    private readonly IShellEnvironment _environment;
    private int _depth;

    public ShellWordProcessor(string word, char escapeToken, ShellLexerOptions options, IShellEnvironment environment)
    {
        _cursor = new RuneCursor(word, loneSurrogateAsReplacement: false);
        _escape = escapeToken;
        _options = options;
        _environment = environment;
    }

    public NameSet Matched { get; } = new();

    public NameSet Unmatched { get; } = new();

    /// <summary>Processes the whole word: the result, and its words when <paramref name="words"/> is given.</summary>
    public string Process(WordSplitter? words) => ProcessStopOn(RuneCursor.End, _options.RawEscapes, words);

    // Reads up to `stop` (consumed) or the end of the word. Only the outermost call splits words:
    // BuildKit discards the words of an expansion's inner word.
    private string ProcessStopOn(int stop, bool rawEscapes, WordSplitter? words)
    {
        var result = new StringBuilder();
        while (!_cursor.AtEnd)
        {
            var ch = _cursor.Peek();
            if (stop != RuneCursor.End && ch == stop)
            {
                _cursor.Next();
                return result.ToString();
            }

            if (ch == '$')
            {
                var value = ProcessDollar(rawEscapes);
                Append(result, value);
                words?.AddString(value);
            }
            else if ((ch == '\'' || ch == '"') && !_options.SkipProcessQuotes)
            {
                var value = ch == '\'' ? ProcessSingleQuote() : ProcessDoubleQuote(rawEscapes);
                Append(result, value);
                words?.AddRawString(value);
            }
            else
            {
                ch = _cursor.Next();
                if (ch == _escape)
                {
                    if (rawEscapes)
                    {
                        words?.AddRawChar(ch);
                        GoText.AppendCodePoint(result, ch);
                    }

                    // An escape escapes the next character; one that ends the word is dropped.
                    ch = _cursor.Next();
                    if (ch == RuneCursor.End)
                    {
                        break;
                    }

                    words?.AddRawChar(ch);
                }
                else
                {
                    words?.AddChar(ch);
                }

                GoText.AppendCodePoint(result, ch);
                CheckLength(result);
            }
        }

        if (stop != RuneCursor.End)
        {
            throw new LexFailure(ShellLexErrorKind.UnexpectedEnd, "unexpected end of statement while looking for matching " + GoText.CodePointString(stop));
        }

        return result.ToString();
    }

    // Everything up to the next single quote, as it is: there is no escaping a single quote.
    private string ProcessSingleQuote()
    {
        var result = new StringBuilder();
        var quote = _cursor.Next();
        if (_options.RawQuotes)
        {
            GoText.AppendCodePoint(result, quote);
        }

        while (true)
        {
            var ch = _cursor.Next();
            if (ch == RuneCursor.End)
            {
                throw new LexFailure(ShellLexErrorKind.UnterminatedQuote, "unexpected end of statement while looking for matching single-quote");
            }

            if (ch == '\'')
            {
                if (_options.RawQuotes)
                {
                    GoText.AppendCodePoint(result, ch);
                }

                return result.ToString();
            }

            GoText.AppendCodePoint(result, ch);
        }
    }

    // Up to the next unescaped double quote, expanding variables; the escape escapes only '"', '$' and itself.
    private string ProcessDoubleQuote(bool rawEscapes)
    {
        var result = new StringBuilder();
        var quote = _cursor.Next();
        if (_options.RawQuotes)
        {
            GoText.AppendCodePoint(result, quote);
        }

        while (true)
        {
            var next = _cursor.Peek();
            if (next == RuneCursor.End)
            {
                throw new LexFailure(ShellLexErrorKind.UnterminatedQuote, "unexpected end of statement while looking for matching double-quote");
            }

            if (next == '"')
            {
                _cursor.Next();
                if (_options.RawQuotes)
                {
                    GoText.AppendCodePoint(result, next);
                }

                return result.ToString();
            }

            if (next == '$')
            {
                Append(result, ProcessDollar(rawEscapes));
                continue;
            }

            var ch = _cursor.Next();
            if (ch == _escape)
            {
                if (rawEscapes)
                {
                    GoText.AppendCodePoint(result, ch);
                }

                var escaped = _cursor.Peek();
                if (escaped == RuneCursor.End)
                {
                    continue;
                }

                // Before any other character the escape is kept as a character (twice with raw escapes, as in BuildKit).
                if (escaped == '"' || escaped == '$' || escaped == _escape)
                {
                    ch = _cursor.Next();
                }
            }

            GoText.AppendCodePoint(result, ch);
            CheckLength(result);
        }
    }

    private string ProcessDollar(bool rawEscapes)
    {
        if (++_depth > ShellLexer.MaxNestingDepth)
        {
            throw TooDeep();
        }

        try
        {
            // A caller on a thread with a small stack may have less room than the depth limit assumes.
            RuntimeHelpers.EnsureSufficientExecutionStack();
            return ExpandDollar(rawEscapes);
        }
        catch (InsufficientExecutionStackException)
        {
            throw new LexFailure(ShellLexErrorKind.NestingTooDeep, "expansions nested too deeply for the stack of this thread");
        }
        finally
        {
            _depth--;
        }
    }

    private string ExpandDollar(bool rawEscapes)
    {
        _cursor.Next();
        if (_cursor.Peek() != '{')
        {
            // $NAME; a '$' before anything that starts no name stays a '$'.
            var plainName = ProcessName();
            if (plainName.Length == 0)
            {
                return "$";
            }

            var found = Lookup(plainName, out var plainValue);
            return !found && _options.SkipUnsetEnv ? "$" + plainName : plainValue;
        }

        _cursor.Next();
        var first = _cursor.Peek();
        if (first == RuneCursor.End)
        {
            throw MissingBrace();
        }

        if (first == '{' || first == '}' || first == ':')
        {
            throw new LexFailure(ShellLexErrorKind.BadSubstitution, "syntax error: bad substitution");
        }

        var name = ProcessName();
        var modifier = _cursor.Next();
        var modifierText = GoText.CodePointString(modifier);
        switch (modifier)
        {
            case '}':
                return Lookup(name, out var value) || !_options.SkipUnsetEnv ? value : "${" + name + "}";
            case ':':
            case '+':
            case '-':
            case '?':
            case '#':
            case '%':
                return ExpandWithWord(name, modifier, modifierText);
            case '/':
                return ExpandReplace(name);
            default:
                throw UnsupportedModifier(modifierText);
        }
    }

    // ${NAME-word}, ${NAME:-word} and the other forms whose word runs to the closing brace.
    private string ExpandWithWord(string name, int modifier, string modifierText)
    {
        // ':' makes an empty value count as unset, whatever character follows it.
        var nullIsUnset = false;
        if (modifier == ':')
        {
            nullIsUnset = true;
            modifier = _cursor.Next();
            modifierText += GoText.CodePointString(modifier);
        }

        // A pattern keeps its escapes, for the pattern to read; ${NAME:#...} and ${NAME:%...} do not exist.
        var isPattern = modifier == '#' || modifier == '%';
        if (nullIsUnset && isPattern)
        {
            throw UnsupportedModifier(modifierText);
        }

        var word = ReadUntil('}', isPattern, MissingBrace);
        var set = Lookup(name, out var value);
        if (_options.SkipUnsetEnv && !set)
        {
            return "${" + name + modifierText + word + "}";
        }

        var unset = !set || (nullIsUnset && value.Length == 0);
        switch (modifier)
        {
            case '-':
                return unset ? word : value;
            case '+':
                return unset ? string.Empty : word;
            case '?':
                if (!set)
                {
                    throw RequiredVariable(name, word, "is not allowed to be unset");
                }

                if (unset)
                {
                    throw RequiredVariable(name, word, "is not allowed to be empty");
                }

                return value;
            case '#':
            case '%':
                // One '#' or '%' removes the shortest match, two the longest.
                var greedy = word.Length > 0 && word[0] == modifier;
                var pattern = greedy ? word.Substring(1) : word;
                return modifier == '%'
                    ? PatternSubstitution.TrimSuffix(pattern, value, greedy)
                    : PatternSubstitution.TrimPrefix(pattern, value, greedy);
            default:
                throw UnsupportedModifier(modifierText);
        }
    }

    // ${NAME/pattern/string} and ${NAME//pattern/string}.
    private string ExpandReplace(string name)
    {
        var all = _cursor.Peek() == '/';
        if (all)
        {
            _cursor.Next();
        }

        var pattern = ReadUntil('/', true, () => new LexFailure(ShellLexErrorKind.MissingSlash, "syntax error: missing '/' in ${}"));
        var replacement = ReadUntil('}', true, MissingBrace);
        var set = Lookup(name, out var value);
        if (_options.SkipUnsetEnv && !set)
        {
            // BuildKit writes a single '/' back here even for '//'.
            return "${" + name + "/" + pattern + "/" + replacement + "}";
        }

        return PatternSubstitution.Replace(pattern, value, replacement, all);
    }

    // An inner word; an error that leaves the word at its end becomes the error of the missing terminator.
    private string ReadUntil(int stop, bool rawEscapes, Func<LexFailure> atEnd)
    {
        try
        {
            return ProcessStopOn(stop, rawEscapes, null);
        }
        catch (LexFailure failure) when (!failure.IsLimit && _cursor.AtEnd)
        {
            throw atEnd();
        }
    }

    // A name of letters, digits and '_'; a number (all its digits) or one special parameter character.
    private string ProcessName()
    {
        var name = new StringBuilder();
        while (!_cursor.AtEnd)
        {
            var ch = _cursor.Peek();
            if (name.Length == 0 && GoText.IsDigit(ch))
            {
                while (!_cursor.AtEnd && GoText.IsDigit(_cursor.Peek()))
                {
                    GoText.AppendCodePoint(name, _cursor.Next());
                }

                return name.ToString();
            }

            if (name.Length == 0 && IsSpecialParameter(ch))
            {
                _cursor.Next();
                return GoText.CodePointString(ch);
            }

            if (!GoText.IsLetter(ch) && !GoText.IsDigit(ch) && ch != '_')
            {
                break;
            }

            GoText.AppendCodePoint(name, _cursor.Next());
        }

        return name.ToString();
    }

    private bool Lookup(string name, out string value)
    {
        if (_environment.TryGetValue(name, out var found))
        {
            Matched.Add(name);
            value = found ?? string.Empty;
            return true;
        }

        Unmatched.Add(name);
        value = string.Empty;
        return false;
    }

    // POSIX special parameters (XCU 2.5.2), never set in a Dockerfile.
    private static bool IsSpecialParameter(int ch) =>
        ch == '@' || ch == '*' || ch == '#' || ch == '?' || ch == '-' || ch == '$' || ch == '!' || ch == '0';

    private static LexFailure TooDeep() =>
        new(ShellLexErrorKind.NestingTooDeep, "expansions nested deeper than " + ShellLexer.MaxNestingDepth + " levels");

    private static LexFailure MissingBrace() => new(ShellLexErrorKind.MissingBrace, "syntax error: missing '}'");

    private static LexFailure UnsupportedModifier(string modifier) =>
        new(ShellLexErrorKind.UnsupportedModifier, "unsupported modifier (" + modifier + ") in substitution");

    private static LexFailure RequiredVariable(string name, string word, string otherwise) =>
        new(ShellLexErrorKind.RequiredVariable, name + ": " + (word.Length > 0 ? word : otherwise));

    private static void Append(StringBuilder result, string value)
    {
        if ((long)result.Length + value.Length > ShellLexer.MaxResultLength)
        {
            throw LexFailure.TooLong();
        }

        result.Append(value);
    }

    private static void CheckLength(StringBuilder result)
    {
        if (result.Length > ShellLexer.MaxResultLength)
        {
            throw LexFailure.TooLong();
        }
    }
}

using System.Collections.Generic;
using System.Text;

namespace DockerDsl.Core.Text.Syntax;

/// <summary>
/// The part of BuildKit's shell lexer (frontend/dockerfile/shell/lex.go, ProcessWords with an empty
/// environment and SkipUnsetEnv) that the parser uses to find heredoc words: quotes, escapes,
/// <c>$</c> references kept as written, and <c>&lt;&lt;</c> keeping the blanks that follow it.
/// The escape character is always the backslash here, whatever the escape directive says.
/// </summary>
internal sealed class HeredocLexer
{
    private const int Eof = RuneCursor.End;
    private const char EscapeToken = '\\';

    private readonly RuneCursor _cursor;
    private readonly bool _rawQuotes;
    private bool _rawEscapes;
    private string _error = string.Empty;

    private HeredocLexer(string source, bool rawQuotes, bool rawEscapes)
    {
        _cursor = new RuneCursor(source, loneSurrogateAsReplacement: true);
        _rawQuotes = rawQuotes;
        _rawEscapes = rawEscapes;
    }

    /// <summary>The words of <paramref name="source"/>; throws <see cref="LexException"/> on a syntax error.</summary>
    public static List<string> ProcessWords(string source, bool rawQuotes, bool rawEscapes)
    {
        var lexer = new HeredocLexer(source, rawQuotes, rawEscapes);
        var words = new Words();
        if (!lexer.ProcessStopOn(Eof, rawEscapes, new StringBuilder(), words))
        {
            throw new LexException($"failed to process {GoText.Quote(source)}: {lexer._error}");
        }

        return words.GetWords();
    }

    private bool Fail(string message)
    {
        _error = message;
        return false;
    }

    // Appends what it reads to text (each nested level writes straight into its caller's text, so nesting
    // stays linear); words, when given, receives the word splitting of the top level. False on an error.
    private bool ProcessStopOn(int stopChar, bool rawEscapes, StringBuilder text, Words? words)
    {
        var saved = _rawEscapes;
        _rawEscapes = rawEscapes;
        try
        {
            while (_cursor.Peek() != Eof)
            {
                var ch = _cursor.Peek();
                if (stopChar != Eof && ch == stopChar)
                {
                    _cursor.Next();
                    return true;
                }

                if (ch == '$' || ch == '<' || ch == '\'' || ch == '"')
                {
                    var from = text.Length;
                    var ok = ch == '$' ? ProcessDollar(text) : ch == '<' ? ProcessPossibleHeredoc(text) : ch == '\'' ? ProcessSingleQuote(text) : ProcessDoubleQuote(text);
                    if (!ok)
                    {
                        return false;
                    }

                    if (ch == '$')
                    {
                        words?.AddString(text, from);
                    }
                    else
                    {
                        words?.AddRawString(text, from);
                    }

                    continue;
                }

                ch = _cursor.Next();
                if (ch == EscapeToken)
                {
                    if (_rawEscapes)
                    {
                        words?.AddRawChar(ch);
                        GoText.AppendCodePoint(text, ch);
                    }

                    ch = _cursor.Next();
                    if (ch == Eof)
                    {
                        break;
                    }

                    words?.AddRawChar(ch);
                }
                else
                {
                    words?.AddChar(ch);
                }

                GoText.AppendCodePoint(text, ch);
            }

            if (stopChar != Eof)
            {
                return Fail($"unexpected end of statement while looking for matching {GoText.RuneString(stopChar)}");
            }

            return true;
        }
        finally
        {
            _rawEscapes = saved;
        }
    }

    private bool ProcessSingleQuote(StringBuilder result)
    {
        var ch = _cursor.Next();
        if (_rawQuotes)
        {
            GoText.AppendCodePoint(result, ch);
        }

        while (true)
        {
            ch = _cursor.Next();
            if (ch == Eof)
            {
                return Fail("unexpected end of statement while looking for matching single-quote");
            }

            if (ch == '\'')
            {
                if (_rawQuotes)
                {
                    GoText.AppendCodePoint(result, ch);
                }

                return true;
            }

            GoText.AppendCodePoint(result, ch);
        }
    }

    private bool ProcessDoubleQuote(StringBuilder result)
    {
        var ch = _cursor.Next();
        if (_rawQuotes)
        {
            GoText.AppendCodePoint(result, ch);
        }

        while (true)
        {
            var peek = _cursor.Peek();
            if (peek == Eof)
            {
                return Fail("unexpected end of statement while looking for matching double-quote");
            }

            if (peek == '"')
            {
                ch = _cursor.Next();
                if (_rawQuotes)
                {
                    GoText.AppendCodePoint(result, ch);
                }

                return true;
            }

            if (peek == '$')
            {
                if (!ProcessDollar(result))
                {
                    return false;
                }

                continue;
            }

            ch = _cursor.Next();
            if (ch == EscapeToken)
            {
                if (_rawEscapes)
                {
                    GoText.AppendCodePoint(result, ch);
                }

                var after = _cursor.Peek();
                if (after == Eof)
                {
                    continue;
                }

                if (after == '"' || after == '$' || after == EscapeToken)
                {
                    ch = _cursor.Next();
                }
            }

            GoText.AppendCodePoint(result, ch);
        }
    }

    // With no variables set and SkipUnsetEnv, every reference comes back as written (after its syntax is checked).
    private bool ProcessDollar(StringBuilder result)
    {
        _cursor.Next();
        if (_cursor.Peek() != '{')
        {
            var simple = ProcessName();
            result.Append('$').Append(simple);
            return true;
        }

        _cursor.Next();
        var first = _cursor.Peek();
        if (first == Eof)
        {
            return Fail("syntax error: missing '}'");
        }

        if (first == '{' || first == '}' || first == ':')
        {
            return Fail("syntax error: bad substitution");
        }

        var name = ProcessName();
        var ch = _cursor.Next();
        var modifier = GoText.RuneString(ch);
        switch (ch)
        {
            case '}':
                result.Append("${").Append(name).Append('}');
                return true;
            case ':':
            case '+':
            case '-':
            case '?':
            case '#':
            case '%':
                return ProcessModifier(result, name, ch, modifier);
            case '/':
                return ProcessReplacement(result, name);
            default:
                return Fail($"unsupported modifier ({modifier}) in substitution");
        }
    }

    // ${name:-word} and the other modifiers: the word is read (and checked), the reference kept as written.
    private bool ProcessModifier(StringBuilder result, string name, int ch, string modifier)
    {
        if (ch == ':')
        {
            ch = _cursor.Next();
            modifier += GoText.RuneString(ch);
        }

        result.Append("${").Append(name).Append(modifier);
        return StopOnOrMissing('}', ch == '#' || ch == '%', result, "syntax error: missing '}'") && Append(result, "}");
    }

    // ${name/pattern/replacement}, with Go's Sprintf dropping the second slash of ${name//...}.
    private bool ProcessReplacement(StringBuilder result, string name)
    {
        if (_cursor.Peek() == '/')
        {
            _cursor.Next();
        }

        result.Append("${").Append(name).Append('/');
        return StopOnOrMissing('/', true, result, "syntax error: missing '/' in ${}")
            && Append(result, "/")
            && StopOnOrMissing('}', true, result, "syntax error: missing '}'")
            && Append(result, "}");
    }

    private static bool Append(StringBuilder result, string text)
    {
        result.Append(text);
        return true;
    }

    private bool StopOnOrMissing(char stop, bool rawEscapes, StringBuilder result, string missing)
    {
        if (ProcessStopOn(stop, rawEscapes, result, null))
        {
            return true;
        }

        if (_cursor.Peek() == Eof)
        {
            _error = missing;
        }

        return false;
    }

    private string ProcessName()
    {
        var name = new StringBuilder();
        while (_cursor.Peek() != Eof)
        {
            var ch = _cursor.Peek();
            if (name.Length == 0 && GoText.IsDigit(ch))
            {
                while (_cursor.Peek() != Eof && GoText.IsDigit(_cursor.Peek()))
                {
                    GoText.AppendCodePoint(name, _cursor.Next());
                }

                return name.ToString();
            }

            if (name.Length == 0 && IsSpecialParam(ch))
            {
                return GoText.RuneString(_cursor.Next());
            }

            if (!GoText.IsLetter(ch) && !GoText.IsDigit(ch) && ch != '_')
            {
                break;
            }

            GoText.AppendCodePoint(name, _cursor.Next());
        }

        return name.ToString();
    }

    private bool ProcessPossibleHeredoc(StringBuilder result)
    {
        _cursor.Next();
        if (_cursor.Peek() != '<')
        {
            result.Append('<');
            return true;
        }

        _cursor.Next();
        result.Append("<<");
        while (_cursor.Peek() == ' ' || _cursor.Peek() == '\t' || _cursor.Peek() == '\r')
        {
            result.Append((char)_cursor.Next());
        }

        return true;
    }

    private static bool IsSpecialParam(int ch) =>
        ch == '@' || ch == '*' || ch == '#' || ch == '?' || ch == '-' || ch == '$' || ch == '!' || ch == '0';

    // The word splitter of lex.go: unquoted white space ends a word, raw text always joins it.
    private sealed class Words
    {
        private readonly List<string> _words = new();
        private readonly StringBuilder _word = new();
        private bool _inWord;

        public void AddChar(int ch)
        {
            var space = GoText.IsSpace(ch);
            if (space && _inWord)
            {
                if (_word.Length != 0)
                {
                    _words.Add(_word.ToString());
                    _word.Clear();
                    _inWord = false;
                }
            }
            else if (!space)
            {
                AddRawChar(ch);
            }
        }

        public void AddRawChar(int ch)
        {
            GoText.AppendCodePoint(_word, ch);
            _inWord = true;
        }

        public void AddString(StringBuilder text, int from)
        {
            var segment = text.ToString(from, text.Length - from);
            for (var i = 0; i < segment.Length;)
            {
                AddChar(GoText.RuneAt(segment, i, out var width));
                i += width;
            }
        }

        public void AddRawString(StringBuilder text, int from)
        {
            _word.Append(text.ToString(from, text.Length - from));
            _inWord = true;
        }

        public List<string> GetWords()
        {
            if (_word.Length > 0)
            {
                _words.Add(_word.ToString());
                _word.Clear();
                _inWord = false;
            }

            return _words;
        }
    }
}

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
    private const int Eof = -1;
    private const char EscapeToken = '\\';

    private readonly string _source;
    private readonly bool _rawQuotes;
    private bool _rawEscapes;
    private int _pos;

    private HeredocLexer(string source, bool rawQuotes, bool rawEscapes)
    {
        _source = source;
        _rawQuotes = rawQuotes;
        _rawEscapes = rawEscapes;

        // Go's text/scanner skips a byte order mark at the very start.
        if (source.Length > 0 && source[0] == '\uFEFF')
        {
            _pos = 1;
        }
    }

    /// <summary>The words of <paramref name="source"/>; throws <see cref="LexException"/> on a syntax error.</summary>
    public static List<string> ProcessWords(string source, bool rawQuotes, bool rawEscapes)
    {
        var lexer = new HeredocLexer(source, rawQuotes, rawEscapes);
        try
        {
            return lexer.ProcessStopOn(Eof, rawEscapes, out _);
        }
        catch (LexException e)
        {
            throw new LexException($"failed to process {GoText.Quote(source)}: {e.Message}");
        }
    }

    private int Peek()
    {
        if (_pos >= _source.Length)
        {
            return Eof;
        }

        return GoText.RuneAt(_source, _pos, out _);
    }

    private int Next()
    {
        if (_pos >= _source.Length)
        {
            return Eof;
        }

        var rune = GoText.RuneAt(_source, _pos, out var width);
        _pos += width;
        return rune;
    }

    private List<string> ProcessStopOn(int stopChar, bool rawEscapes, out string result)
    {
        var text = new StringBuilder();
        var words = new Words();
        var saved = _rawEscapes;
        _rawEscapes = rawEscapes;
        try
        {
            while (Peek() != Eof)
            {
                var ch = Peek();
                if (stopChar != Eof && ch == stopChar)
                {
                    Next();
                    result = text.ToString();
                    return words.GetWords();
                }

                if (ch == '$')
                {
                    var tmp = ProcessDollar();
                    text.Append(tmp);
                    words.AddString(tmp);
                    continue;
                }

                if (ch == '<' || ch == '\'' || ch == '"')
                {
                    var tmp = ch == '<' ? ProcessPossibleHeredoc() : ch == '\'' ? ProcessSingleQuote() : ProcessDoubleQuote();
                    text.Append(tmp);
                    words.AddRawString(tmp);
                    continue;
                }

                ch = Next();
                if (ch == EscapeToken)
                {
                    if (_rawEscapes)
                    {
                        words.AddRawChar(ch);
                        AppendRune(text, ch);
                    }

                    ch = Next();
                    if (ch == Eof)
                    {
                        break;
                    }

                    words.AddRawChar(ch);
                }
                else
                {
                    words.AddChar(ch);
                }

                AppendRune(text, ch);
            }

            if (stopChar != Eof)
            {
                throw new LexException($"unexpected end of statement while looking for matching {char.ConvertFromUtf32(stopChar)}");
            }

            result = text.ToString();
            return words.GetWords();
        }
        finally
        {
            _rawEscapes = saved;
        }
    }

    private string ProcessSingleQuote()
    {
        var result = new StringBuilder();
        var ch = Next();
        if (_rawQuotes)
        {
            AppendRune(result, ch);
        }

        while (true)
        {
            ch = Next();
            if (ch == Eof)
            {
                throw new LexException("unexpected end of statement while looking for matching single-quote");
            }

            if (ch == '\'')
            {
                if (_rawQuotes)
                {
                    AppendRune(result, ch);
                }

                return result.ToString();
            }

            AppendRune(result, ch);
        }
    }

    private string ProcessDoubleQuote()
    {
        var result = new StringBuilder();
        var ch = Next();
        if (_rawQuotes)
        {
            AppendRune(result, ch);
        }

        while (true)
        {
            var peek = Peek();
            if (peek == Eof)
            {
                throw new LexException("unexpected end of statement while looking for matching double-quote");
            }

            if (peek == '"')
            {
                ch = Next();
                if (_rawQuotes)
                {
                    AppendRune(result, ch);
                }

                return result.ToString();
            }

            if (peek == '$')
            {
                result.Append(ProcessDollar());
                continue;
            }

            ch = Next();
            if (ch == EscapeToken)
            {
                if (_rawEscapes)
                {
                    AppendRune(result, ch);
                }

                var after = Peek();
                if (after == Eof)
                {
                    continue;
                }

                if (after == '"' || after == '$' || after == EscapeToken)
                {
                    ch = Next();
                }
            }

            AppendRune(result, ch);
        }
    }

    // With no variables set and SkipUnsetEnv, every reference comes back as written (after its syntax is checked).
    private string ProcessDollar()
    {
        Next();
        if (Peek() != '{')
        {
            var simple = ProcessName();
            return simple.Length == 0 ? "$" : "$" + simple;
        }

        Next();
        var first = Peek();
        if (first == Eof)
        {
            throw new LexException("syntax error: missing '}'");
        }

        if (first == '{' || first == '}' || first == ':')
        {
            throw new LexException("syntax error: bad substitution");
        }

        var name = ProcessName();
        var ch = Next();
        var modifier = RuneText(ch);
        switch (ch)
        {
            case '}':
                return "${" + name + "}";
            case ':':
            case '+':
            case '-':
            case '?':
            case '#':
            case '%':
                return ProcessModifier(name, ch, modifier);
            case '/':
                return ProcessReplacement(name);
            default:
                throw new LexException($"unsupported modifier ({modifier}) in substitution");
        }
    }

    // ${name:-word} and the other modifiers: the word is read (and checked), the reference kept as written.
    private string ProcessModifier(string name, int ch, string modifier)
    {
        if (ch == ':')
        {
            ch = Next();
            modifier += RuneText(ch);
        }

        var word = StopOnOrMissing('}', ch == '#' || ch == '%', "syntax error: missing '}'");
        return "${" + name + modifier + word + "}";
    }

    // ${name/pattern/replacement}, with Go's Sprintf dropping the second slash of ${name//...}.
    private string ProcessReplacement(string name)
    {
        if (Peek() == '/')
        {
            Next();
        }

        var pattern = StopOnOrMissing('/', true, "syntax error: missing '/' in ${}");
        var replacement = StopOnOrMissing('}', true, "syntax error: missing '}'");
        return "${" + name + "/" + pattern + "/" + replacement + "}";
    }

    private string StopOnOrMissing(char stop, bool rawEscapes, string missing)
    {
        try
        {
            ProcessStopOn(stop, rawEscapes, out var word);
            return word;
        }
        catch (LexException) when (Peek() == Eof)
        {
            throw new LexException(missing);
        }
    }

    private string ProcessName()
    {
        var name = new StringBuilder();
        while (Peek() != Eof)
        {
            var ch = Peek();
            if (name.Length == 0 && GoText.IsDigit(_source, _pos, ch))
            {
                while (Peek() != Eof && GoText.IsDigit(_source, _pos, Peek()))
                {
                    AppendRune(name, Next());
                }

                return name.ToString();
            }

            if (name.Length == 0 && IsSpecialParam(ch))
            {
                return RuneText(Next());
            }

            if (!GoText.IsLetter(_source, _pos, ch) && !GoText.IsDigit(_source, _pos, ch) && ch != '_')
            {
                break;
            }

            AppendRune(name, Next());
        }

        return name.ToString();
    }

    private string ProcessPossibleHeredoc()
    {
        Next();
        if (Peek() != '<')
        {
            return "<";
        }

        Next();
        var result = new StringBuilder("<<");
        while (Peek() == ' ' || Peek() == '\t' || Peek() == '\r')
        {
            result.Append((char)Next());
        }

        return result.ToString();
    }

    private static bool IsSpecialParam(int ch) =>
        ch == '@' || ch == '*' || ch == '#' || ch == '?' || ch == '-' || ch == '$' || ch == '!' || ch == '0';

    // Go's string(rune): EOF (-1) is not a valid rune and becomes U+FFFD.
    private static string RuneText(int rune) => rune < 0 ? "\uFFFD" : char.ConvertFromUtf32(rune);

    private static void AppendRune(StringBuilder builder, int rune)
    {
        if (rune < 0x10000)
        {
            builder.Append(rune < 0 ? '\uFFFD' : (char)rune);
        }
        else
        {
            builder.Append(char.ConvertFromUtf32(rune));
        }
    }

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
            AppendRune(_word, ch);
            _inWord = true;
        }

        public void AddString(string text)
        {
            for (var i = 0; i < text.Length;)
            {
                AddChar(GoText.RuneAt(text, i, out var width));
                i += width;
            }
        }

        public void AddRawString(string text)
        {
            _word.Append(text);
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

/// <summary>A shell lexing error, with BuildKit's message.</summary>
internal sealed class LexException : System.Exception
{
    public LexException(string message)
        : base(message)
    {
    }
}

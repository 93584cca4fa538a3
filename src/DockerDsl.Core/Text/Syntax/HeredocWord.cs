using System.Collections.Generic;
using System.Globalization;

namespace DockerDsl.Core.Text.Syntax;

/// <summary>
/// BuildKit's heredocsFromLine, ParseHeredoc and heredocFromMatch (frontend/dockerfile/parser/parser.go):
/// which words of an instruction line open a heredoc, and with what terminator.
/// </summary>
internal sealed class HeredocWord
{
    private HeredocWord(string name, bool expand, bool chomp, ulong fileDescriptor)
    {
        Name = name;
        Expand = expand;
        Chomp = chomp;
        FileDescriptor = fileDescriptor;
    }

    public string Name { get; }

    public bool Expand { get; }

    public bool Chomp { get; }

    public ulong FileDescriptor { get; }

    /// <summary>The heredocs a line opens, in order; a line the shell lexer cannot read opens none.</summary>
    public static List<HeredocWord> FromLine(string line)
    {
        var result = new List<HeredocWord>();
        List<string> words;
        try
        {
            words = Lex(line, rawQuotes: true, rawEscapes: true);
        }
        catch (LexException)
        {
            // BuildKit ignores this error: words is then empty.
            return result;
        }

        foreach (var word in words)
        {
            var heredoc = Parse(word);
            if (heredoc != null)
            {
                result.Add(heredoc);
            }
        }

        return result;
    }

    /// <summary>ParseHeredoc on one word: the regexp ^(\d*)&lt;&lt;(-?)\s*([^&lt;]*)$ then the quote check.</summary>
    public static HeredocWord? Parse(string word)
    {
        var i = 0;
        while (i < word.Length && word[i] >= '0' && word[i] <= '9')
        {
            i++;
        }

        var digits = word.Substring(0, i);
        if (string.CompareOrdinal(word, i, "<<", 0, 2) != 0)
        {
            return null;
        }

        i += 2;
        var chomp = i < word.Length && word[i] == '-';
        if (chomp)
        {
            i++;
        }

        while (i < word.Length && GoText.IsRegexSpace(word[i]))
        {
            i++;
        }

        var rest = word.Substring(i);
        if (rest.IndexOf('<') >= 0 || rest.Length == 0)
        {
            return null;
        }

        var words = Lex(rest, rawQuotes: false, rawEscapes: false);
        if (words.Count != 1)
        {
            return null;
        }

        var wordsRaw = Lex(rest, rawQuotes: true, rawEscapes: false);
        if (wordsRaw.Count != words.Count)
        {
            throw new LexException($"internal lexing of heredoc produced inconsistent results: {rest}");
        }

        var name = words[0];
        var expand = QuoteCount(name) == QuoteCount(wordsRaw[0]);
        return new HeredocWord(name, expand, chomp, ParseDescriptor(digits));
    }

    // strconv.ParseUint with its error ignored: empty is 0, too large is the maximum.
    private static ulong ParseDescriptor(string digits)
    {
        if (digits.Length == 0)
        {
            return 0;
        }

        return ulong.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : ulong.MaxValue;
    }

    private static int QuoteCount(string text)
    {
        var count = 0;
        foreach (var c in text)
        {
            if (c == '\'' || c == '"')
            {
                count++;
            }
        }

        return count;
    }

    // Each ${ can nest a level of the lexer; a line with very many runs on a thread with a large stack.
    private static List<string> Lex(string text, bool rawQuotes, bool rawEscapes)
    {
        var dollars = 0;
        foreach (var c in text)
        {
            if (c == '$')
            {
                dollars++;
            }
        }

        if (dollars < 256)
        {
            return HeredocLexer.ProcessWords(text, rawQuotes, rawEscapes);
        }

        List<string>? words = null;
        System.Exception? failure = null;
        var thread = new System.Threading.Thread(
            () =>
            {
                try
                {
                    words = HeredocLexer.ProcessWords(text, rawQuotes, rawEscapes);
                }
                catch (System.Exception e)
                {
                    failure = e;
                }
            },
            256 * 1024 * 1024);
        thread.Start();
        thread.Join();
        if (failure != null)
        {
            throw failure is LexException ? new LexException(failure.Message) : new System.InvalidOperationException(failure.Message, failure);
        }

        return words!;
    }
}

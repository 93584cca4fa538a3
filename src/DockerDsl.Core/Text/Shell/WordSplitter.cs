using System;
using System.Collections.Generic;
using System.Text;

namespace DockerDsl.Core.Text.Shell;

/// <summary>
/// Collects the words of a processed word as BuildKit's wordsStruct does (lex.go): unquoted text and
/// expansion results split at white space, quoted text and escaped characters never do, and a word is
/// kept only when it has a character (so <c>""</c> alone makes no word).
/// </summary>
internal sealed class WordSplitter
{
    private readonly StringBuilder _word = new();
    private List<string>? _words;
    private bool _inWord;

    /// <summary>An unquoted character: white space ends the current word.</summary>
    public void AddChar(int rune)
    {
        if (GoText.IsSpace(rune))
        {
            if (_inWord && _word.Length != 0)
            {
                EndWord();
            }
        }
        else
        {
            AddRawChar(rune);
        }
    }

    /// <summary>An escaped character: part of the word whatever it is.</summary>
    public void AddRawChar(int rune)
    {
        GoText.AppendCodePoint(_word, rune);
        _inWord = true;
    }

    /// <summary>The result of an expansion, split at white space like unquoted text.</summary>
    public void AddString(string text)
    {
        foreach (var c in text)
        {
            // White space is all in the BMP, so a surrogate half is never a separator.
            AddChar(c);
        }
    }

    /// <summary>The contents of quotes: part of the word whatever they hold.</summary>
    public void AddRawString(string text)
    {
        _word.Append(text);
        _inWord = true;
    }

    public IReadOnlyList<string> GetWords()
    {
        if (_word.Length > 0)
        {
            EndWord();
        }

        return _words is null ? Array.Empty<string>() : _words;
    }

    private void EndWord()
    {
        (_words ??= new List<string>()).Add(_word.ToString());
        _word.Clear();
        _inWord = false;
    }
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace DockerDsl.CodeFixes;

/// <summary>
/// Inserts text into a C# string literal at offsets of its value, keeping the literal as written:
/// its kind (regular, verbatim <c>@"..."</c>, raw <c>"""...."""</c>), its escapes and its indentation.
/// </summary>
internal static class StringLiteralEdit
{
    /// <summary>
    /// <paramref name="literal"/> with <paramref name="text"/> inserted at each of <paramref name="valueOffsets"/>,
    /// or null when the literal is of another kind or the result would not read back as that value.
    /// <paramref name="text"/> must need no escape in any kind of literal (no quote, backslash or line break).
    /// </summary>
    public static SyntaxToken? Insert(SyntaxToken literal, IReadOnlyList<int> valueOffsets, string text)
    {
        var value = literal.ValueText;
        if (TextOffsets(literal) is not { } offsets || offsets.Count != value.Length + 1 || valueOffsets.Any(o => o < 0 || o > value.Length))
        {
            return null;
        }

        var newText = literal.Text;
        var newValue = value;
        foreach (var offset in valueOffsets.Distinct().OrderByDescending(o => o))
        {
            newText = newText.Insert(offsets[offset], text);
            newValue = newValue.Insert(offset, text);
        }

        // The offsets are worked out here, not by the compiler: read the result back to be sure of it.
        var token = SyntaxFactory.ParseToken(newText);
        return token.IsKind(literal.Kind()) && !token.ContainsDiagnostics && token.ToFullString() == newText && token.ValueText == newValue
            ? token.WithTriviaFrom(literal)
            : null;
    }

    /// <summary>For each character of the literal's value, and for its end, where it is written in the literal's text.</summary>
    private static IReadOnlyList<int>? TextOffsets(SyntaxToken literal)
    {
        var text = literal.Text;
        return literal.Kind() switch
        {
            SyntaxKind.StringLiteralToken when text.StartsWith("@\"") => VerbatimOffsets(text),
            SyntaxKind.StringLiteralToken when text.StartsWith("\"") => RegularOffsets(text),
            SyntaxKind.SingleLineRawStringLiteralToken => SingleLineRawOffsets(text),
            SyntaxKind.MultiLineRawStringLiteralToken => MultiLineRawOffsets(text),
            _ => null,
        };
    }

    private static List<int>? RegularOffsets(string text)
    {
        var offsets = new List<int>();
        var end = text.Length - 1;
        var i = 1;
        while (i < end)
        {
            if (text[i] != '\\')
            {
                offsets.Add(i++);
                continue;
            }

            if (i + 1 >= end)
            {
                return null;
            }

            var (length, characters) = text[i + 1] switch
            {
                'u' => (6, 1),
                'U' when i + 10 <= end && uint.TryParse(text.Substring(i + 2, 8), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code) => (10, code > 0xFFFF ? 2 : 1),
                'x' => (2 + HexDigits(text, i + 2, end), 1),
                _ => (2, 1),
            };
            offsets.AddRange(Enumerable.Repeat(i, characters));
            i += length;
        }

        offsets.Add(end);
        return offsets;
    }

    private static int HexDigits(string text, int start, int end)
    {
        var count = 0;
        while (count < 4 && start + count < end && Uri.IsHexDigit(text[start + count]))
        {
            count++;
        }

        return count;
    }

    private static List<int> VerbatimOffsets(string text)
    {
        var offsets = new List<int>();
        var end = text.Length - 1;
        for (var i = 2; i < end; i++)
        {
            offsets.Add(i);

            // "" is one quote.
            i += text[i] == '"' ? 1 : 0;
        }

        offsets.Add(end);
        return offsets;
    }

    private static List<int> SingleLineRawOffsets(string text)
    {
        var quotes = Quotes(text);
        return Enumerable.Range(quotes, text.Length - (2 * quotes) + 1).ToList();
    }

    /// <summary>
    /// The content lines lose the closing line's indentation (whitespace-only lines shorter than it become empty);
    /// the line breaks after the opening quotes and before the closing ones are not part of the value.
    /// </summary>
    private static List<int>? MultiLineRawOffsets(string text)
    {
        var quotes = Quotes(text);
        var closing = text.Length - quotes;
        var firstBreak = text.IndexOf('\n', quotes);
        var lastBreak = text.LastIndexOf('\n', closing - 1);
        if (firstBreak < 0 || lastBreak <= firstBreak)
        {
            return null;
        }

        var indentation = closing - lastBreak - 1;
        var contentEnd = text[lastBreak - 1] == '\r' ? lastBreak - 1 : lastBreak;
        var offsets = new List<int>();
        var lineStart = firstBreak + 1;
        while (true)
        {
            var lineEnd = text.IndexOf('\n', lineStart);
            lineEnd = lineEnd < 0 || lineEnd > contentEnd ? contentEnd : (text[lineEnd - 1] == '\r' ? lineEnd - 1 : lineEnd);
            if (lineEnd - lineStart >= indentation)
            {
                offsets.AddRange(Enumerable.Range(lineStart + indentation, lineEnd - lineStart - indentation));
            }
            else if (!IsWhiteSpace(text, lineStart, lineEnd))
            {
                return null;
            }

            if (lineEnd >= contentEnd)
            {
                break;
            }

            // The line break itself, \r\n or \n, is part of the value.
            var next = text.IndexOf('\n', lineEnd) + 1;
            offsets.AddRange(Enumerable.Range(lineEnd, next - lineEnd));
            lineStart = next;
        }

        offsets.Add(contentEnd);
        return offsets;
    }

    private static bool IsWhiteSpace(string text, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            if (!char.IsWhiteSpace(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static int Quotes(string text)
    {
        var count = 0;
        while (count < text.Length && text[count] == '"')
        {
            count++;
        }

        return count;
    }
}

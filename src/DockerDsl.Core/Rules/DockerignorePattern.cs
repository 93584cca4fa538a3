using System;
using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;

namespace DockerDsl.Core.Rules;

/// <summary>One line of a <c>.dockerignore</c> file, read and compiled as moby's patternmatcher does.</summary>
internal sealed class DockerignorePattern
{
    // Go's regexp reads runes: one character that is not '/', a surrogate pair counting as one.
    private const string AnyCharacterButSlash = "[\\uD800-\\uDBFF][\\uDC00-\\uDFFF]|[^/]";

    private const string AnyRunButSlash = "(?:" + AnyCharacterButSlash + ")*";

    // What ** before more of the pattern becomes: any number of whole directories, none included.
    private const string AnyDirectories = "(.*/)?";

    // A path is at most 4096 characters and an ordinary pattern matches it in microseconds; a pathological one must not stall the compiler.
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(100);

    private static readonly char[] Special = { '*', '?', '[', '\\' };

    private readonly string _cleaned;
    private readonly MatchKind _kind;
    private readonly Regex? _expression;

    private DockerignorePattern(string text, bool exclusion, string cleaned, MatchKind kind, Regex? expression)
    {
        Text = text;
        Exclusion = exclusion;
        _cleaned = cleaned;
        _kind = kind;
        _expression = expression;
    }

    /// <summary>The pattern as written in the file.</summary>
    public string Text { get; }

    /// <summary>The pattern cleaned as moby reads it, without the <c>!</c>.</summary>
    internal string Cleaned => _cleaned;

    /// <summary>True for <c>!pattern</c>, which brings paths back into the context.</summary>
    public bool Exclusion { get; }

    /// <summary>False when the pattern is malformed or uses what the matcher does not model: it then matches nothing.</summary>
    public bool IsModelled => _kind != MatchKind.None;

    /// <summary>Reads one line the way moby's ignorefile and patternmatcher.New do.</summary>
    public static DockerignorePattern Read(string line, string trimmed)
    {
        var text = trimmed;
        var invert = text[0] == '!';
        if (invert)
        {
            text = text.Substring(1).Trim();
        }

        if (text.Length > 0)
        {
            text = DockerignorePatterns.Clean(text);
            if (text.Length > 1 && text[0] == '/')
            {
                text = text.Substring(1);
            }
        }

        if (invert)
        {
            text = "!" + text;
        }

        text = DockerignorePatterns.Clean(text.Trim());
        var exclusion = text[0] == '!';
        if (exclusion)
        {
            text = text.Substring(1);
        }

        if (text.Length == 0 || !IsWellFormed(text))
        {
            return new DockerignorePattern(line.Trim(), exclusion, text, MatchKind.None, null);
        }

        var (kind, expression) = Compile(text);
        return new DockerignorePattern(line.Trim(), exclusion, text, kind, expression);
    }

    /// <summary>
    /// Why BuildKit would refuse the line, and with it the whole <c>.dockerignore</c> (the build then
    /// fails), or null: a lone <c>!</c>, or a pattern Go's filepath.Match calls malformed.
    /// </summary>
    public static string? Problem(string line)
    {
        var trimmed = line.Trim();
        if (trimmed.Length == 0)
        {
            return null;
        }

        var pattern = Read(line, trimmed);
        if (pattern.Exclusion && pattern._cleaned.Length == 0)
        {
            return "is '!' with no pattern, which BuildKit refuses; name what to bring back, as in '!keep.txt'";
        }

        return pattern._cleaned.Length > 0 && !IsWellFormed(pattern._cleaned)
            ? "is not a valid pattern (an unclosed or empty '[...]', or a '\\' at the end), which makes BuildKit refuse the whole .dockerignore"
            : null;
    }

    public bool Matches(string path)
    {
        switch (_kind)
        {
            case MatchKind.Exact:
                return path == _cleaned;
            case MatchKind.Prefix:
                return path.StartsWith(_cleaned.Substring(0, _cleaned.Length - 2), StringComparison.Ordinal);
            case MatchKind.Suffix:
                var suffix = _cleaned.Substring(2);
                return path.EndsWith(suffix, StringComparison.Ordinal) || (suffix.Length > 0 && suffix[0] == '/' && path == suffix.Substring(1));
            case MatchKind.Expression:
                return _expression!.IsMatch(path);
            default:
                return false;
        }
    }

    /// <summary>Whether the pattern could match some path under the directory <paramref name="path"/>, judged by its literal start.</summary>
    public bool CouldMatchBelow(string path)
    {
        var below = path + "/";
        switch (_kind)
        {
            case MatchKind.None:
                return false;
            case MatchKind.Exact:
                return _cleaned.StartsWith(below, StringComparison.Ordinal);
            default:
                var literal = _cleaned.Substring(0, IndexOfSpecial(_cleaned));
                return literal.StartsWith(below, StringComparison.Ordinal) || below.StartsWith(literal, StringComparison.Ordinal);
        }
    }

    private static int IndexOfSpecial(string text)
    {
        var index = text.IndexOfAny(Special);
        return index < 0 ? text.Length : index;
    }

    /// <summary>The syntax check moby makes with Go's <c>filepath.Match</c>: escapes complete, character classes closed and non-empty.</summary>
    private static bool IsWellFormed(string pattern)
    {
        for (var i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] == '\\')
            {
                if (++i == pattern.Length)
                {
                    return false;
                }
            }
            else if (pattern[i] == '[')
            {
                if (ReadClass(pattern, i) is not { } end)
                {
                    return false;
                }

                i = end - 1;
            }
        }

        return true;
    }

    /// <summary>
    /// Reads the class at <paramref name="start"/> (<c>[</c>) as Go's filepath.Match does, returning
    /// the index after its <c>]</c>, or null when it is malformed.
    /// </summary>
    private static int? ReadClass(string pattern, int start, List<(char Low, char High)>? ranges = null)
    {
        var i = start + 1;
        if (i < pattern.Length && pattern[i] == '^')
        {
            i++;
        }

        var count = 0;
        while (true)
        {
            if (i < pattern.Length && pattern[i] == ']' && count > 0)
            {
                return i + 1;
            }

            if (ReadClassChar(pattern, ref i) is not { } low)
            {
                return null;
            }

            var high = low;
            if (pattern[i] == '-')
            {
                i++;
                if (ReadClassChar(pattern, ref i) is not { } h)
                {
                    return null;
                }

                high = h;
            }

            ranges?.Add((low, high));
            count++;
        }
    }

    private static char? ReadClassChar(string pattern, ref int i)
    {
        if (i >= pattern.Length || pattern[i] == '-' || pattern[i] == ']')
        {
            return null;
        }

        if (pattern[i] == '\\' && ++i >= pattern.Length)
        {
            return null;
        }

        var c = pattern[i++];
        return i < pattern.Length ? c : null;
    }

    /// <summary>
    /// moby's Pattern.compile: plain text is compared as is, <c>x/**</c> as a prefix, <c>**/x</c> as a
    /// suffix, anything else through a regular expression built the same way.
    /// </summary>
    private static (MatchKind Kind, Regex? Expression) Compile(string pattern)
    {
        var expression = new StringBuilder("^");
        var kind = MatchKind.Exact;
        var position = 0;
        for (var step = 0; position < pattern.Length; step++)
        {
            var c = pattern[position++];
            switch (c)
            {
                case '*' when position < pattern.Length && pattern[position] == '*':
                    position++;
                    if (position < pattern.Length && pattern[position] == '/')
                    {
                        position++;
                    }

                    if (position == pattern.Length)
                    {
                        if (kind == MatchKind.Exact)
                        {
                            kind = MatchKind.Prefix;
                        }
                        else
                        {
                            expression.Append(".*");
                            kind = MatchKind.Expression;
                        }
                    }
                    else
                    {
                        AppendOnce(expression, AnyDirectories);
                        kind = MatchKind.Expression;
                    }

                    if (step == 0)
                    {
                        kind = MatchKind.Suffix;
                    }

                    break;
                case '*':
                    AppendOnce(expression, AnyRunButSlash);
                    kind = MatchKind.Expression;
                    break;
                case '?':
                    expression.Append("(?:" + AnyCharacterButSlash + ")");
                    kind = MatchKind.Expression;
                    break;
                case '\\':
                    // Go's regexp reads "\" before a letter or digit as a class or an assertion (\d, \b) and refuses it before other non-ASCII characters: not modelled.
                    var escaped = pattern[position++];
                    if (!IsPunctuationEscape(escaped))
                    {
                        return (MatchKind.None, null);
                    }

                    expression.Append(Regex.Escape(escaped.ToString()));
                    kind = MatchKind.Expression;
                    break;
                case '[':
                    var ranges = new List<(char Low, char High)>();
                    var end = ReadClass(pattern, position - 1, ranges)!.Value;
                    var body = pattern.Substring(position, end - position - 1);
                    // Inside a class moby still rewrites * and ?, and Go's regexp reads [: and \d its own way: not modelled.
                    if (body.IndexOfAny(new[] { '*', '?' }) >= 0 || body.Contains("[:") || HasOtherEscape(body) || ranges.Exists(r => r.Low > r.High))
                    {
                        return (MatchKind.None, null);
                    }

                    expression.Append('[');
                    if (pattern[position] == '^')
                    {
                        expression.Append('^');
                    }

                    foreach (var (low, high) in ranges)
                    {
                        expression.Append(ClassChar(low));
                        if (high != low)
                        {
                            expression.Append('-').Append(ClassChar(high));
                        }
                    }

                    expression.Append(']');
                    position = end;
                    kind = MatchKind.Expression;
                    break;
                case ']':
                    expression.Append("\\]");
                    kind = MatchKind.Expression;
                    break;
                default:
                    expression.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }

        if (kind != MatchKind.Expression)
        {
            return (kind, null);
        }

        try
        {
            return (kind, new Regex(expression.Append('$').ToString(), RegexOptions.CultureInvariant, MatchTimeout));
        }
        catch (ArgumentException)
        {
            return (MatchKind.None, null);
        }
    }

    /// <summary>Appends <paramref name="part"/> unless the expression already ends with it: twice in a row means the same as once, and backtracks far more.</summary>
    private static void AppendOnce(StringBuilder expression, string part)
    {
        if (expression.Length < part.Length || expression.ToString(expression.Length - part.Length, part.Length) != part)
        {
            expression.Append(part);
        }
    }

    private static bool HasOtherEscape(string classBody)
    {
        for (var i = 0; i < classBody.Length - 1; i++)
        {
            if (classBody[i] == '\\')
            {
                if (!IsPunctuationEscape(classBody[++i]))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Go's regexp takes "\" before an ASCII character that is not a letter or digit as that character.</summary>
    private static bool IsPunctuationEscape(char c) => c < 128 && !char.IsLetterOrDigit(c);

    private static string ClassChar(char c) => c < 128 && !char.IsLetterOrDigit(c) ? "\\" + c : c.ToString();

    private enum MatchKind
    {
        /// <summary>Malformed, or beyond what is modelled: matches nothing.</summary>
        None,
        Exact,
        Prefix,
        Suffix,
        Expression,
    }
}

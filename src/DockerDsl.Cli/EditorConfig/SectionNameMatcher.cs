using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace DockerDsl.Cli.EditorConfig;

/// <summary>
/// An .editorconfig section name as a test on paths, following the editorconfig spec as Roslyn reads it: <c>*</c>
/// (any characters but '/'), <c>**</c> (any characters), <c>?</c> (one character), <c>[abc]</c>, <c>[!a-z]</c>,
/// <c>{a,b}</c> (nested), <c>{1..3}</c> (an integer in the range) and <c>\</c> escapes. A name without '/' matches the
/// file name at any depth below the .editorconfig; one with '/' matches the path relative to its folder.
/// </summary>
internal sealed class SectionNameMatcher
{
    private readonly Regex _regex;
    private readonly IReadOnlyList<(int Min, int Max)> _ranges;

    private SectionNameMatcher(Regex regex, IReadOnlyList<(int Min, int Max)> ranges)
    {
        _regex = regex;
        _ranges = ranges;
    }

    /// <summary>The matcher, or null when the name is malformed (such a section applies to nothing).</summary>
    public static SectionNameMatcher? TryCreate(string sectionName)
    {
        var pattern = new StringBuilder("^");
        if (!sectionName.Contains('/'))
        {
            pattern.Append(".*/");
        }
        else if (sectionName[0] != '/')
        {
            pattern.Append('/');
        }

        var ranges = new List<(int, int)>();
        var index = 0;
        if (!new Compiler(sectionName, pattern, ranges).TryCompileList(ref index, inChoice: false))
        {
            return null;
        }

        pattern.Append('$');
        var regex = new Regex(pattern.ToString(), RegexOptions.CultureInvariant | RegexOptions.Singleline | RegexOptions.NonBacktracking);
        return new SectionNameMatcher(regex, ranges);
    }

    /// <param name="relativePath">The file's path below the .editorconfig's folder, with '/' and a leading '/'.</param>
    public bool IsMatch(string relativePath)
    {
        if (_ranges.Count == 0)
        {
            return _regex.IsMatch(relativePath);
        }

        var match = _regex.Match(relativePath);
        if (!match.Success)
        {
            return false;
        }

        for (var range = 0; range < _ranges.Count; range++)
        {
            if (!int.TryParse(match.Groups[range + 1].ValueSpan, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
                || number < _ranges[range].Min || number > _ranges[range].Max)
            {
                return false;
            }
        }

        return true;
    }

    private readonly struct Compiler
    {
        private readonly string _name;
        private readonly StringBuilder _pattern;
        private readonly List<(int, int)> _ranges;

        public Compiler(string name, StringBuilder pattern, List<(int, int)> ranges)
        {
            _name = name;
            _pattern = pattern;
            _ranges = ranges;
        }

        /// <summary>Compiles up to the end of the name, or in a choice up to and including its ',' or '}'.</summary>
        public bool TryCompileList(ref int index, bool inChoice)
        {
            while (index < _name.Length)
            {
                var character = _name[index++];
                switch (character)
                {
                    case '\\':
                        if (index >= _name.Length)
                        {
                            return false;
                        }

                        _pattern.Append(Regex.Escape(_name[index++].ToString()));
                        break;
                    case '*':
                        if (index < _name.Length && _name[index] == '*')
                        {
                            index++;
                            _pattern.Append(".*");
                        }
                        else
                        {
                            _pattern.Append("[^/]*");
                        }

                        break;
                    case '?':
                        _pattern.Append('.');
                        break;
                    case '[':
                        if (!TryCompileClass(ref index))
                        {
                            return false;
                        }

                        break;
                    case '{':
                        if (TryCompileRange(ref index))
                        {
                            break;
                        }

                        if (!TryCompileChoice(ref index))
                        {
                            return false;
                        }

                        break;
                    case ',' or '}':
                        // Outside a choice these make the whole name malformed, as in Roslyn.
                        return inChoice;
                    default:
                        _pattern.Append(Regex.Escape(character.ToString()));
                        break;
                }
            }

            return !inChoice;
        }

        private bool TryCompileClass(ref int index)
        {
            _pattern.Append('[');
            if (index < _name.Length && _name[index] == '!')
            {
                _pattern.Append('^');
                index++;
            }

            while (index < _name.Length)
            {
                var character = _name[index++];
                switch (character)
                {
                    case ']':
                        _pattern.Append(']');
                        return true;
                    case '-':
                        _pattern.Append('-');
                        break;
                    case '\\':
                        if (index >= _name.Length)
                        {
                            return false;
                        }

                        _pattern.Append('\\').Append(_name[index++]);
                        break;
                    default:
                        _pattern.Append(character is '[' or '^' ? "\\" + character : Regex.Escape(character.ToString()));
                        break;
                }
            }

            return false;
        }

        /// <summary><c>{a,b,...}</c>, the '{' already read.</summary>
        private bool TryCompileChoice(ref int index)
        {
            _pattern.Append("(?:");
            while (TryCompileList(ref index, inChoice: true))
            {
                if (_name[index - 1] == '}')
                {
                    _pattern.Append(')');
                    return true;
                }

                _pattern.Append('|');
            }

            return false;
        }

        /// <summary><c>{n1..n2}</c>, the '{' already read; leaves <paramref name="index"/> alone when it is not one.</summary>
        private bool TryCompileRange(ref int index)
        {
            var position = index;
            if (!TryReadInteger(ref position, out var first)
                || position + 2 > _name.Length || _name[position] != '.' || _name[position + 1] != '.')
            {
                return false;
            }

            position += 2;
            if (!TryReadInteger(ref position, out var second) || position >= _name.Length || _name[position] != '}')
            {
                return false;
            }

            index = position + 1;
            _ranges.Add(first <= second ? (first, second) : (second, first));
            _pattern.Append("(-?[0-9]+)");
            return true;
        }

        private bool TryReadInteger(ref int position, out int value)
        {
            var start = position;
            if (position < _name.Length && _name[position] == '-')
            {
                position++;
            }

            var digits = position;
            while (position < _name.Length && char.IsAsciiDigit(_name[position]))
            {
                position++;
            }

            value = 0;
            return position > digits
                && int.TryParse(_name.AsSpan(start, position - start), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
        }
    }
}

namespace DockerDsl.Core.Text.Syntax;

/// <summary>
/// BuildKit's DirectiveParser (frontend/dockerfile/parser/directives.go): reads directives line by line
/// until the first line that is not one, and refuses a repeated directive.
/// </summary>
internal sealed class DirectiveReader
{
    private readonly string _prefix;
    private readonly System.Collections.Generic.HashSet<string> _seen = new(System.StringComparer.Ordinal);
    private int _line;

    public DirectiveReader(string prefix = "#", int firstLine = 0)
    {
        _prefix = prefix;
        _line = firstLine;
    }

    /// <summary>True once a line that is not a directive has been read.</summary>
    public bool Done { get; private set; }

    /// <summary>The directive on <paramref name="line"/>, or null; throws <see cref="DirectiveException"/> for a repeated one.</summary>
    public ParserDirective? ReadLine(string line)
    {
        _line++;
        if (Done)
        {
            return null;
        }

        if (!TryMatch(line, _prefix, out var name, out var value))
        {
            Done = true;
            return null;
        }

        name = name.ToLowerInvariant();
        if (name != "syntax" && name != "escape" && name != "check")
        {
            Done = true;
            return null;
        }

        if (!_seen.Add(name))
        {
            throw new DirectiveException($"only one {name} parser directive can be used");
        }

        return new ParserDirective(name, value, _line);
    }

    // The regexp ^PREFIX\s*([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$, where \s is Go's ASCII [\t\n\f\r ].
    private static bool TryMatch(string line, string prefix, out string name, out string value)
    {
        name = string.Empty;
        value = string.Empty;
        if (!line.StartsWith(prefix, System.StringComparison.Ordinal))
        {
            return false;
        }

        var i = SkipRegexSpace(line, prefix.Length);
        var nameStart = i;
        if (i >= line.Length || !IsAsciiLetter(line[i]))
        {
            return false;
        }

        while (i < line.Length && (IsAsciiLetter(line[i]) || (line[i] >= '0' && line[i] <= '9')))
        {
            i++;
        }

        var nameEnd = i;
        i = SkipRegexSpace(line, i);
        if (i >= line.Length || line[i] != '=')
        {
            return false;
        }

        var afterEquals = i + 1;
        i = SkipRegexSpace(line, afterEquals);
        if (i == line.Length && i > afterEquals)
        {
            // Only white space after '=': the lazy group backtracks into it and keeps the last character.
            i--;
        }

        var end = line.Length;
        while (end > i + 1 && GoText.IsRegexSpace(line[end - 1]))
        {
            end--;
        }

        // (.+?) needs one character that is not a newline; a newline inside it would fail the match.
        if (end <= i || line.IndexOf('\n', i, end - i) >= 0)
        {
            return false;
        }

        name = line.Substring(nameStart, nameEnd - nameStart);
        value = line.Substring(i, end - i);
        return true;
    }

    private static int SkipRegexSpace(string line, int start)
    {
        var i = start;
        while (i < line.Length && GoText.IsRegexSpace(line[i]))
        {
            i++;
        }

        return i;
    }

    private static bool IsAsciiLetter(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

namespace DockerDsl.Core.Text.Syntax;

/// <summary>
/// BuildKit's parseDirective (frontend/dockerfile/parser/directives.go), which the frontend uses on the
/// raw file before parsing: byte order mark and <c>#!</c> line skipped, lines split as bufio.ScanLines
/// does (a trailing <c>\r</c> dropped) and matched without trimming indentation.
/// </summary>
internal static class DirectiveDetector
{
    public static ParserDirective? Find(string key, string text, bool anyFormat)
    {
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text.Substring(1);
        }

        var line = 0;
        var firstNewline = text.IndexOf('\n');
        var firstLine = firstNewline < 0 ? text : text.Substring(0, firstNewline);
        if (firstLine.StartsWith("#!", System.StringComparison.Ordinal))
        {
            text = firstNewline < 0 ? string.Empty : text.Substring(firstNewline + 1);
            line = 1;
        }

        var found = FindWithPrefix(key, text, "#", line);
        if (found != null || !anyFormat)
        {
            return found;
        }

        found = FindWithPrefix(key, text, "//", line);
        if (found != null)
        {
            return found;
        }

        var members = JsonReader.ReadTopLevel(text, out var top);
        if (members == null || top != '{')
        {
            return null;
        }

        // Go's map keeps the last of duplicate keys.
        for (var i = members.Count - 1; i >= 0; i--)
        {
            if (members[i].Key == key)
            {
                return members[i].StringValue == null ? null : new ParserDirective(key, members[i].StringValue!, line);
            }
        }

        return null;
    }

    private static ParserDirective? FindWithPrefix(string key, string text, string prefix, int firstLine)
    {
        var reader = new DirectiveReader(prefix, firstLine);
        var pos = 0;
        while (pos < text.Length && !reader.Done)
        {
            var newline = text.IndexOf('\n', pos);
            var end = newline < 0 ? text.Length : newline;
            if (GoText.Utf8Length(text, pos, end - pos) > LineScanner.MaxLineBytes)
            {
                return null;
            }

            var line = text.Substring(pos, end - pos);
            if (line.EndsWith("\r", System.StringComparison.Ordinal))
            {
                line = line.Substring(0, line.Length - 1);
            }

            pos = newline < 0 ? text.Length : newline + 1;
            ParserDirective? directive;
            try
            {
                directive = reader.ReadLine(line);
            }
            catch (DirectiveException)
            {
                // ParseAll stops at a repeated directive and keeps what it found before it.
                return null;
            }

            if (directive != null && directive.Name == key)
            {
                return directive;
            }
        }

        return null;
    }
}

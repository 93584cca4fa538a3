using System.Text.RegularExpressions;

namespace DockerDsl.Core.Model;

/// <summary>
/// How the word that opens a heredoc is written after <c>&lt;&lt;</c>: its name, the quote around it (none,
/// <c>'</c> or <c>"</c>) and the <c>-</c> that strips the leading tabs of every line (BuildKit's ParseHeredoc,
/// frontend/dockerfile/parser/parser.go). A quoted name turns off BuildKit's expansion of the body.
/// </summary>
public readonly record struct HeredocMarker(string Name, char Quote, bool Chomp)
{
    // A name a shell word of its own writes the same with or without quotes; quotes and the '-' are the marker's.
    private static readonly Regex Pattern = new(@"^(?<chomp>-?)(?:(?<name>[A-Za-z0-9_][A-Za-z0-9_.-]*)|'(?<name>[A-Za-z0-9_][A-Za-z0-9_.-]*)'|""(?<name>[A-Za-z0-9_][A-Za-z0-9_.-]*)"")$", RegexOptions.CultureInvariant);

    /// <summary>False when the name is quoted: BuildKit then takes the body as it is.</summary>
    public bool Expand => Quote == '\0';

    /// <summary>The marker as written after <c>&lt;&lt;</c>: <c>EOF</c>, <c>-'EOF'</c>, <c>"EOT"</c>.</summary>
    public string Text => (Chomp ? "-" : string.Empty) + (Quote == '\0' ? Name : Quote + Name + Quote);

    /// <summary>Reads <paramref name="text"/> as written after <c>&lt;&lt;</c>; null when it is not a marker of that plain form.</summary>
    public static HeredocMarker? Parse(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var match = Pattern.Match(text);
        if (!match.Success)
        {
            return null;
        }

        var body = text.Substring(match.Groups["chomp"].Length);
        var quote = body[0] is '\'' or '"' ? body[0] : '\0';
        return new HeredocMarker(match.Groups["name"].Value, quote, match.Groups["chomp"].Length > 0);
    }

    /// <summary>True when a line of <paramref name="body"/> would end the heredoc early (after the tabs <c>-</c> strips).</summary>
    public bool EndsEarly(string body)
    {
        foreach (var split in body.Split('\n'))
        {
            // BuildKit compares the line without its line ending (trimNewline also drops a CR before the LF).
            var line = split.TrimEnd('\r');
            if ((Chomp ? line.TrimStart('\t') : line) == Name)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The body as BuildKit uses it: the leading tabs of every line removed when <see cref="Chomp"/>.</summary>
    public string Content(string body) => Chomp ? DockerDsl.Core.Text.Syntax.Heredoc.ChompContent(body) : body;
}

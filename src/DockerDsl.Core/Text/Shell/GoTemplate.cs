using System.Text;

namespace DockerDsl.Core.Text.Shell;

/// <summary>
/// The replacement syntax of Go's Regexp.ReplaceAllString, which BuildKit's <c>${VAR//pattern/string}</c>
/// hands its string to: <c>$$</c> is '$', <c>$0</c> or <c>${0}</c> the match, any other <c>$name</c> or
/// <c>${name}</c> nothing (the expression has no groups), and a malformed '$' stays as it is.
/// </summary>
internal static class GoTemplate
{
    public static void Expand(StringBuilder destination, string template, string match)
    {
        var i = 0;
        while (i < template.Length)
        {
            var dollar = template.IndexOf('$', i);
            if (dollar < 0)
            {
                break;
            }

            destination.Append(template, i, dollar - i);
            i = dollar + 1;
            if (i < template.Length && template[i] == '$')
            {
                destination.Append('$');
                i++;
                continue;
            }

            if (!Extract(template, i, out var isWholeMatch, out var rest))
            {
                destination.Append('$');
                continue;
            }

            i = rest;
            if (isWholeMatch)
            {
                destination.Append(match);
            }
        }

        destination.Append(template, i, template.Length - i);
    }

    // Go's regexp.extract: a name of letters, digits and '_', braced or not; only the number 0 names a group here.
    private static bool Extract(string template, int index, out bool isWholeMatch, out int rest)
    {
        isWholeMatch = false;
        rest = index;
        if (index >= template.Length)
        {
            return false;
        }

        var brace = template[index] == '{';
        var nameStart = brace ? index + 1 : index;
        var nameEnd = nameStart;
        while (nameEnd < template.Length)
        {
            var rune = GoText.CodePointAt(template, nameEnd, out var width);
            if (!GoText.IsLetter(rune) && !GoText.IsDigit(rune) && rune != '_')
            {
                break;
            }

            nameEnd += width;
        }

        if (nameEnd == nameStart)
        {
            return false;
        }

        rest = nameEnd;
        if (brace)
        {
            if (nameEnd >= template.Length || template[nameEnd] != '}')
            {
                return false;
            }

            rest++;
        }

        // A number with a leading zero is a name in Go, so only "0" itself is group 0.
        isWholeMatch = nameEnd - nameStart == 1 && template[nameStart] == '0';
        return true;
    }
}

using System;
using System.Collections.Generic;
using System.Linq;

namespace DockerDsl.Core.Diagnostics;

/// <summary>
/// BuildKit's <c># check=</c> parser directive: <c>skip=</c> a comma-separated list of check names (or <c>all</c>),
/// <c>error=</c> and <c>experimental=</c>, separated by <c>;</c> (frontend/dockerfile/linter, ParseLintOptions).
/// </summary>
public static class CheckDirective
{
    /// <summary>
    /// <paramref name="check"/> (the directive's value, or null) with <paramref name="skips"/> added to its
    /// <c>skip=</c> list, after the names it already has; unchanged when it skips <c>all</c> or nothing is added.
    /// </summary>
    public static string? WithSkips(string? check, IEnumerable<string> skips)
    {
        var add = skips.Distinct(StringComparer.Ordinal).ToList();
        if (add.Count == 0)
        {
            return check;
        }

        var parts = (check ?? string.Empty).Split(new[] { ';' }, StringSplitOptions.RemoveEmptyEntries).Select(p => p.Trim()).Where(p => p.Length > 0).ToList();
        var index = parts.FindIndex(p => p.StartsWith("skip=", StringComparison.OrdinalIgnoreCase));
        var names = index < 0 ? new List<string>() : parts[index].Substring("skip=".Length).Split(',').Select(n => n.Trim()).Where(n => n.Length > 0).ToList();
        if (names.Any(n => string.Equals(n, "all", StringComparison.OrdinalIgnoreCase)))
        {
            return check;
        }

        foreach (var name in add)
        {
            if (!names.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                names.Add(name);
            }
        }

        var skip = "skip=" + string.Join(",", names);
        if (index < 0)
        {
            parts.Insert(0, skip);
        }
        else
        {
            parts[index] = skip;
        }

        return string.Join(";", parts);
    }
}

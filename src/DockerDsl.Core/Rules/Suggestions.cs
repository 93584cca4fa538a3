using System;
using System.Collections.Generic;

namespace DockerDsl.Core.Rules;

/// <summary>
/// The "did you mean" of BuildKit's messages (util/suggest): the first option within an edit distance
/// of two of the misspelt name, case-sensitively; none when the name itself is an option.
/// </summary>
public static class Suggestions
{
    private const int MaxDistance = 2;

    /// <summary>The closest of <paramref name="options"/> to <paramref name="name"/>, or null.</summary>
    public static string? Closest(string name, IEnumerable<string> options)
    {
        string? match = null;
        var best = MaxDistance + 1;
        foreach (var option in options)
        {
            if (option == name)
            {
                return null;
            }

            var distance = Distance(name, option);
            if (distance < best)
            {
                match = option;
                best = distance;
            }
        }

        return match;
    }

    /// <summary>The Levenshtein distance: insertions, deletions and substitutions, each costing one.</summary>
    public static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j] + 1, current[j - 1] + 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}

using System;
using System.Collections.Generic;

namespace DockerDsl.Cli.Linting;

/// <summary><c>--build-arg</c> values, read as <c>docker build</c> reads them.</summary>
internal static class BuildArguments
{
    /// <summary>
    /// <c>NAME=VALUE</c> sets NAME (the value may be empty or hold '='); <c>NAME</c> alone takes the environment
    /// variable NAME and is skipped when it is unset, as docker does. A later value for a name wins.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Parse(IEnumerable<string> values, IReadOnlyDictionary<string, string> environment, List<string> problems)
    {
        var arguments = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            var equals = value.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? value : value[..equals];
            if (name.Length == 0 || name.Trim().Length != name.Length)
            {
                problems.Add($"--build-arg '{value}' needs a name: NAME=VALUE, or NAME to take the value from the environment.");
                continue;
            }

            if (equals >= 0)
            {
                arguments[name] = value[(equals + 1)..];
            }
            else if (environment.TryGetValue(name, out var fromEnvironment))
            {
                arguments[name] = fromEnvironment;
            }
        }

        return arguments;
    }
}

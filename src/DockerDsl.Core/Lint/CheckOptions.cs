using System;
using System.Collections.Generic;
using System.Linq;

namespace DockerDsl.Core.Lint;

/// <summary>
/// BuildKit's build-check configuration, from the <c># check=</c> parser directive (or the
/// <c>BUILDKIT_DOCKERFILE_CHECK</c> build argument, which replaces it): <c>skip=</c> rule names or
/// <c>all</c>, <c>error=true</c> to fail the build on any warning, <c>experimental=</c> rule names or
/// <c>all</c> to run experimental checks; options separated by <c>;</c>
/// (moby/buildkit frontend/dockerfile/linter/linter.go, ParseLintOptions).
/// </summary>
internal sealed class CheckOptions
{
    public static readonly CheckOptions None = new(new HashSet<string>(), false, false, new HashSet<string>(), false);

    private readonly HashSet<string> _skip;
    private readonly bool _skipAll;
    private readonly HashSet<string> _experimental;
    private readonly bool _allExperimental;

    private CheckOptions(HashSet<string> skip, bool skipAll, bool error, HashSet<string> experimental, bool allExperimental)
    {
        _skip = skip;
        _skipAll = skipAll;
        Error = error;
        _experimental = experimental;
        _allExperimental = allExperimental;
    }

    /// <summary>True when any warning of a BuildKit check fails the build.</summary>
    public bool Error { get; }

    /// <summary>Reads a directive value; what BuildKit would refuse is an <see cref="ArgumentException"/> whose message says why.</summary>
    public static CheckOptions Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return None;
        }

        var skip = new HashSet<string>(StringComparer.Ordinal);
        var experimental = new HashSet<string>(StringComparer.Ordinal);
        bool skipAll = false, error = false, allExperimental = false;
        foreach (var part in value!.Split(';'))
        {
            var option = part.Trim();
            if (option.Length == 0)
            {
                continue;
            }

            var equals = option.IndexOf('=');
            if (equals < 0)
            {
                throw new ArgumentException($"invalid check option \"{option}\"");
            }

            var key = option.Substring(0, equals).Trim().ToLowerInvariant();
            var setting = option.Substring(equals + 1).Trim();
            switch (key)
            {
                case "skip":
                    foreach (var name in Names(setting))
                    {
                        skipAll |= name.Equals("all", StringComparison.OrdinalIgnoreCase);
                        skip.Add(name);
                    }

                    break;
                case "error":
                    error = setting.Equals("true", StringComparison.OrdinalIgnoreCase) ? true
                        : setting.Equals("false", StringComparison.OrdinalIgnoreCase) ? false
                        : throw new ArgumentException($"failed to parse check option error={setting}: expected true or false");
                    break;
                case "experimental":
                    foreach (var name in Names(setting))
                    {
                        allExperimental |= name.Equals("all", StringComparison.OrdinalIgnoreCase);
                        experimental.Add(name);
                    }

                    break;
                default:
                    throw new ArgumentException($"invalid check option \"{key}\"");
            }
        }

        return new CheckOptions(skip, skipAll, error, experimental, allExperimental);
    }

    /// <summary>True when the BuildKit check <paramref name="rule"/> is skipped.</summary>
    public bool Skips(string rule) => _skipAll || _skip.Contains(rule);

    /// <summary>True when the experimental BuildKit check <paramref name="rule"/> is switched on.</summary>
    public bool EnablesExperimental(string rule) => _allExperimental || _experimental.Contains(rule);

    private static IEnumerable<string> Names(string list) => list.Split(',').Select(n => n.Trim()).Where(n => n.Length > 0);
}

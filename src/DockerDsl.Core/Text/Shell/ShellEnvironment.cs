using System;
using System.Collections.Generic;

namespace DockerDsl.Core.Text.Shell;

/// <summary>
/// A fixed set of variables, as BuildKit's EnvsFromSlice builds one: a later entry for a name
/// replaces an earlier one, and names compare as <see cref="Comparison"/> says.
/// </summary>
public sealed class ShellEnvironment : IShellEnvironment
{
    private readonly Dictionary<string, string> _values;
    private readonly List<string> _keys = new();

    /// <summary>Builds the environment from name/value pairs; a later pair for a name wins.</summary>
    public ShellEnvironment(IEnumerable<KeyValuePair<string, string>> variables, EnvironmentKeyComparison comparison = EnvironmentKeyComparison.CaseSensitive)
    {
        if (variables is null)
        {
            throw new ArgumentNullException(nameof(variables));
        }

        Comparison = comparison;
        _values = new Dictionary<string, string>(comparison == EnvironmentKeyComparison.CaseInsensitive ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
        foreach (var variable in variables)
        {
            Set(variable.Key, variable.Value);
        }
    }

    /// <summary>No variable set.</summary>
    public static ShellEnvironment Empty { get; } = new(Array.Empty<KeyValuePair<string, string>>());

    /// <summary>How names compare: case-sensitively as on Unix, or not as on Windows.</summary>
    public EnvironmentKeyComparison Comparison { get; }

    /// <summary>The names set, each once, as first written, in first-set order.</summary>
    public IReadOnlyList<string> Keys => _keys;

    /// <summary>
    /// Builds the environment from <c>NAME=VALUE</c> entries, split at the first '='; an entry
    /// without '=' sets the name to an empty value; a later entry for a name wins.
    /// </summary>
    public static ShellEnvironment FromEntries(IEnumerable<string> entries, EnvironmentKeyComparison comparison = EnvironmentKeyComparison.CaseSensitive)
    {
        if (entries is null)
        {
            throw new ArgumentNullException(nameof(entries));
        }

        var environment = new ShellEnvironment(Array.Empty<KeyValuePair<string, string>>(), comparison);
        foreach (var entry in entries)
        {
            if (entry is null)
            {
                throw new ArgumentException("An entry is null.", nameof(entries));
            }

            var equals = entry.IndexOf('=');
            if (equals < 0)
            {
                environment.Set(entry, string.Empty);
            }
            else
            {
                environment.Set(entry.Substring(0, equals), entry.Substring(equals + 1));
            }
        }

        return environment;
    }

    /// <inheritdoc/>
    public bool TryGetValue(string name, out string value)
    {
        if (_values.TryGetValue(name, out var found))
        {
            value = found;
            return true;
        }

        value = string.Empty;
        return false;
    }

    private void Set(string name, string? value)
    {
        if (name is null)
        {
            throw new ArgumentException("A variable name is null.");
        }

        if (!_values.ContainsKey(name))
        {
            _keys.Add(name);
        }

        _values[name] = value ?? string.Empty;
    }
}

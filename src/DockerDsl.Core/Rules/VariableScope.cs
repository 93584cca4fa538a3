using System;
using System.Collections.Generic;
using DockerDsl.Core.Text.Shell;

namespace DockerDsl.Core.Rules;

/// <summary>
/// The variables BuildKit knows at one point of a build: their values in the order they were first set
/// (the state's environment, which expansions read), and the build arguments declared so far (the
/// stage's ARG names, set or not). A scope is complete when nothing else can define a variable: the
/// global arguments, a stage built on <c>scratch</c> or on an image whose environment is known. Otherwise
/// a name it does not hold may be set by the base image, and a value that depends on one is uncertain.
/// Names compare case-sensitively, as on Linux.
/// </summary>
public sealed class VariableScope : IShellEnvironment
{
    private readonly Dictionary<string, string> _values;
    private readonly List<string> _keys;
    private readonly HashSet<string> _uncertain;
    private readonly HashSet<string> _declared;

    /// <param name="isComplete">True when the scope holds every variable there is (see <see cref="IsComplete"/>).</param>
    public VariableScope(bool isComplete = true)
        : this(new Dictionary<string, string>(StringComparer.Ordinal), new List<string>(), new HashSet<string>(StringComparer.Ordinal), new HashSet<string>(StringComparer.Ordinal), isComplete)
    {
    }

    private VariableScope(Dictionary<string, string> values, List<string> keys, HashSet<string> uncertain, HashSet<string> declared, bool isComplete)
    {
        _values = values;
        _keys = keys;
        _uncertain = uncertain;
        _declared = declared;
        IsComplete = isComplete;
    }

    /// <summary>False when a base image whose environment is not known may define names the scope does not hold.</summary>
    public bool IsComplete { get; private set; }

    /// <summary>The names set, each once, in the order they were first set.</summary>
    public IReadOnlyList<string> Keys => _keys;

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

    /// <summary>Sets <paramref name="name"/>; a later value replaces an earlier one in its place.</summary>
    public void Set(string name, string value, bool uncertain = false)
    {
        if (!_values.ContainsKey(name))
        {
            _keys.Add(name);
        }

        _values[name] = value;
        if (uncertain)
        {
            _uncertain.Add(name);
        }
        else
        {
            _uncertain.Remove(name);
        }
    }

    /// <summary>After an instruction whose variables are not read (a raw ARG or ENV of declarations): every value is uncertain, and any name may be set.</summary>
    public void MarkUnknown()
    {
        IsComplete = false;
        foreach (var key in _keys)
        {
            _uncertain.Add(key);
        }
    }

    /// <summary>Records an ARG of the stage, whether or not it has a value.</summary>
    public void Declare(string name) => _declared.Add(name);

    /// <summary>True when an ARG of the stage (or of the stages it is built FROM) declares <paramref name="name"/>.</summary>
    public bool IsDeclared(string name) => _declared.Contains(name);

    /// <summary>True when the value of <paramref name="name"/> depends on something the linter cannot know.</summary>
    public bool IsUncertain(string name) => _uncertain.Contains(name);

    public VariableScope Clone() =>
        new(new Dictionary<string, string>(_values, StringComparer.Ordinal), new List<string>(_keys), new HashSet<string>(_uncertain, StringComparer.Ordinal), new HashSet<string>(_declared, StringComparer.Ordinal), IsComplete);
}

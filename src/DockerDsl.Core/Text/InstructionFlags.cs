using System;
using System.Collections.Generic;

namespace DockerDsl.Core.Text;

/// <summary>
/// The <c>--name[=value]</c> flags of one instruction, read as BuildKit's BFlags reads them
/// (frontend/dockerfile/instructions/bflag.go): every flag must be one the instruction declares,
/// a string flag needs a value, a bool flag takes none or true/false, and only list flags repeat.
/// </summary>
internal sealed class InstructionFlags
{
    private readonly Dictionary<string, FlagKind> _declared = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _values = new(StringComparer.Ordinal);
    private readonly IReadOnlyList<string> _arguments;
    private readonly int _line;

    public InstructionFlags(IReadOnlyList<string> arguments, int line)
    {
        _arguments = arguments;
        _line = line;
    }

    private enum FlagKind
    {
        String,
        Strings,
        Bool,
    }

    public InstructionFlags String(string name) => Declare(name, FlagKind.String);

    public InstructionFlags Strings(string name) => Declare(name, FlagKind.Strings);

    public InstructionFlags Bool(string name) => Declare(name, FlagKind.Bool);

    /// <summary>Reads every flag; throws <see cref="DockerfileReadException"/> for one BuildKit refuses.</summary>
    public InstructionFlags Parse()
    {
        foreach (var argument in _arguments)
        {
            if (!argument.StartsWith("--", StringComparison.Ordinal))
            {
                throw Error($"arg should start with -- : {argument}");
            }

            var text = argument.Substring(2);
            var equals = text.IndexOf('=');
            var name = equals < 0 ? text : text.Substring(0, equals);
            var value = equals < 0 ? null : text.Substring(equals + 1);
            if (!_declared.TryGetValue(name, out var kind))
            {
                throw Error($"unknown flag: {name}");
            }

            if (_values.ContainsKey(name) && kind != FlagKind.Strings)
            {
                throw Error($"duplicate flag specified: {name}");
            }

            if (!_values.TryGetValue(name, out var values))
            {
                _values[name] = values = new List<string>();
            }

            switch (kind)
            {
                case FlagKind.Bool when value is null:
                    values.Add("true");
                    break;
                case FlagKind.Bool when value.Equals("true", StringComparison.OrdinalIgnoreCase) || value.Equals("false", StringComparison.OrdinalIgnoreCase):
                    values.Add(value.ToLowerInvariant());
                    break;
                case FlagKind.Bool:
                    throw Error($"expecting boolean value for flag {name}, not: {value}");
                case FlagKind.String or FlagKind.Strings when value is null:
                    throw Error($"missing a value on flag: {name}");
                default:
                    values.Add(value!);
                    break;
            }
        }

        return this;
    }

    /// <summary>The value of a string flag; null when it is not given.</summary>
    public string? Value(string name) => _values.TryGetValue(name, out var values) ? values[values.Count - 1] : null;

    /// <summary>Every value of a list flag, in order.</summary>
    public IReadOnlyList<string> Values(string name) => _values.TryGetValue(name, out var values) ? values : Array.Empty<string>();

    /// <summary>True when a bool flag is given as true.</summary>
    public bool IsTrue(string name) => Value(name) == "true";

    private InstructionFlags Declare(string name, FlagKind kind)
    {
        _declared[name] = kind;
        return this;
    }

    private DockerfileReadException Error(string message) => new(message, _line);
}

using System;
using System.Collections;
using System.Collections.Generic;

namespace DockerDsl.Core.Text.Shell;

/// <summary>Variable names in the order they were first referenced, each once (names compare ordinally, as written).</summary>
internal sealed class NameSet : IReadOnlyCollection<string>
{
    private readonly List<string> _order = new();
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);

    public int Count => _order.Count;

    public void Add(string name)
    {
        if (_names.Add(name))
        {
            _order.Add(name);
        }
    }

    public IEnumerator<string> GetEnumerator() => _order.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

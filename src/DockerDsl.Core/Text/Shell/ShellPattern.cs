using System.Collections.Generic;

namespace DockerDsl.Core.Text.Shell;

/// <summary>
/// A pattern of <c>${VAR#pattern}</c>, <c>${VAR%pattern}</c> or <c>${VAR/pattern/string}</c>: <c>*</c> is any
/// run of characters, <c>?</c> one character, <c>\</c> escapes <c>*</c>, <c>?</c> and <c>\</c>. BuildKit compiles it to a
/// Go regular expression (convertShellPatternToRegex in lex.go); this matches as that expression does, leftmost
/// first with <c>*</c> and <c>?</c> not crossing a line feed (Go's '.'), in time linear in the text (a Pike VM, as Go's).
/// </summary>
internal sealed class ShellPattern
{
    private const byte Literal = 0;
    private const byte Any = 1;
    private const byte Star = 2;

    private readonly byte[] _ops;
    private readonly int[] _runes;
    private readonly bool _greedy;

    private ShellPattern(byte[] ops, int[] runes, bool greedy)
    {
        _ops = ops;
        _runes = runes;
        _greedy = greedy;
    }

    /// <summary>Compiles <paramref name="pattern"/>; a bad escape gives Go's error text, as in <c>invalid escape '\x'</c>.</summary>
    public static ShellPattern? Compile(string pattern, bool greedy, out string error)
    {
        var ops = new List<byte>();
        var runes = new List<int>();
        var cursor = new RuneCursor(pattern, loneSurrogateAsReplacement: false);
        for (var token = cursor.Next(); token != RuneCursor.End; token = cursor.Next())
        {
            switch (token)
            {
                case '*':
                    ops.Add(Star);
                    runes.Add(0);
                    continue;
                case '?':
                    ops.Add(Any);
                    runes.Add(0);
                    continue;
                case '\\':
                    var next = cursor.Peek();

                    // \} and \/ are escaped only to get through ${...}; the backslash is not part of the pattern.
                    if (next == '}' || next == '/')
                    {
                        continue;
                    }

                    token = cursor.Next();
                    if (token != '*' && token != '?' && token != '\\')
                    {
                        error = "invalid escape '\\" + GoText.RuneString(token) + "'";
                        return null;
                    }

                    break;
            }

            ops.Add(Literal);
            runes.Add(token);
        }

        error = string.Empty;
        return new ShellPattern(ops.ToArray(), runes.ToArray(), greedy);
    }

    /// <summary>
    /// The leftmost-first match at or after <paramref name="from"/> (only at it when <paramref name="anchored"/>),
    /// in code point indices of <paramref name="text"/>.
    /// </summary>
    public bool Find(int[] text, int from, bool anchored, out int start, out int end)
    {
        var match = _ops.Length;
        var current = new ThreadList(match + 1);
        var next = new ThreadList(match + 1);
        var found = false;
        start = -1;
        end = -1;
        for (var position = from; ; position++)
        {
            if (!found && (!anchored || position == from))
            {
                AddThread(current, 0, position);
            }

            if (current.Count == 0)
            {
                break;
            }

            next.Clear();
            var rune = position < text.Length ? text[position] : RuneCursor.End;
            for (var i = 0; i < current.Count; i++)
            {
                var state = current.States[i];
                var threadStart = current.Starts[i];
                if (state == match)
                {
                    // A match cuts off every thread of lower priority; higher ones run on and may replace it.
                    found = true;
                    start = threadStart;
                    end = position;
                    break;
                }

                if (rune == RuneCursor.End)
                {
                    continue;
                }

                switch (_ops[state])
                {
                    case Literal:
                        if (_runes[state] == rune)
                        {
                            AddThread(next, state + 1, threadStart);
                        }

                        break;
                    case Any:
                        if (rune != '\n')
                        {
                            AddThread(next, state + 1, threadStart);
                        }

                        break;
                    default:
                        if (rune != '\n')
                        {
                            AddThread(next, state, threadStart);
                        }

                        break;
                }
            }

            if (position >= text.Length)
            {
                break;
            }

            (current, next) = (next, current);
        }

        return found;
    }

    // Adds the threads a thread entering `state` becomes, in priority order; a star is a loop whose
    // "one more character" branch comes first when greedy and last when lazy.
    private void AddThread(ThreadList list, int state, int start)
    {
        var match = _ops.Length;
        if (_greedy)
        {
            while (!list.Seen(state))
            {
                list.Mark(state);
                list.Push(state, start);
                if (state == match || _ops[state] != Star)
                {
                    return;
                }

                state++;
            }

            return;
        }

        var first = state;
        while (state < match && _ops[state] == Star && !list.Seen(state))
        {
            list.Mark(state);
            state++;
        }

        if (!list.Seen(state))
        {
            list.Mark(state);
            list.Push(state, start);
        }

        for (var star = state - 1; star >= first; star--)
        {
            list.Push(star, start);
        }
    }

    private sealed class ThreadList
    {
        private readonly int[] _seen;
        private int _generation = 1;

        public ThreadList(int states)
        {
            _seen = new int[states];
            States = new int[states];
            Starts = new int[states];
        }

        public int[] States { get; }

        public int[] Starts { get; }

        public int Count { get; private set; }

        public bool Seen(int state) => _seen[state] == _generation;

        public void Mark(int state) => _seen[state] = _generation;

        public void Push(int state, int start)
        {
            States[Count] = state;
            Starts[Count] = start;
            Count++;
        }

        public void Clear()
        {
            Count = 0;
            _generation++;
        }
    }
}

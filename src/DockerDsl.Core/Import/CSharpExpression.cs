using System.Collections.Generic;
using System.Linq;

namespace DockerDsl.Core.Import;

/// <summary>
/// A C# expression as lines of code: the first continues where the expression is placed, each later one is
/// indented by <see cref="Line.Depth"/> levels from where the first starts (a raw string's lines at depth 0).
/// </summary>
internal sealed class CSharpExpression
{
    private CSharpExpression(IReadOnlyList<Line> lines) => Lines = lines;

    public readonly record struct Line(int Depth, string Text);

    public IReadOnlyList<Line> Lines { get; }

    public bool IsMultiLine => Lines.Count > 1;

    public static CSharpExpression Code(string text) => new(new[] { new Line(0, text) });

    public static CSharpExpression String(string value) => Code(CSharpCode.String(value));

    /// <summary>A multi-line text: a raw string literal when it can hold it exactly, else one escaped literal per line, joined with <c>+</c>.</summary>
    public static CSharpExpression Text(string value)
    {
        var raw = CSharpCode.RawLines(value);
        if (raw is not null)
        {
            return new(raw.Select(line => new Line(0, line)).ToList());
        }

        var parts = new List<string>();
        var start = 0;
        while (start < value.Length)
        {
            var end = value.IndexOf('\n', start);
            end = end < 0 ? value.Length : end + 1;
            parts.Add(value.Substring(start, end - start));
            start = end;
        }

        return Concatenation(parts.Count == 0 ? new List<(string, IReadOnlyList<string>)> { (string.Empty, new string[0]) } : parts.Select(p => (p, (IReadOnlyList<string>)new string[0])).ToList());
    }

    /// <summary>String pieces joined with <c>+</c>, one a line, each after the comments that precede it.</summary>
    public static CSharpExpression Concatenation(IReadOnlyList<(string Piece, IReadOnlyList<string> Comments)> pieces)
    {
        var lines = new List<Line>();
        for (var i = 0; i < pieces.Count; i++)
        {
            var depth = i == 0 ? 0 : 1;
            if (i > 0)
            {
                foreach (var comment in pieces[i].Comments)
                {
                    lines.Add(new Line(depth, CSharpCode.Comment(comment)));
                }
            }

            lines.Add(new Line(depth, CSharpCode.String(pieces[i].Piece) + (i + 1 < pieces.Count ? " +" : string.Empty)));
        }

        return new(lines);
    }

    /// <summary><c>new[] { a, b }</c>, over several lines when it is long.</summary>
    public static CSharpExpression Array(IReadOnlyList<string> items)
    {
        var single = "new[] { " + string.Join(", ", items) + " }";
        if (single.Length <= 80)
        {
            return Code(single);
        }

        var lines = new List<Line> { new(0, "new[]"), new(0, "{") };
        lines.AddRange(items.Select(item => new Line(1, item + ",")));
        lines.Add(new Line(0, "}"));
        return new(lines);
    }

    /// <summary>The same expression after <c>//</c> comment lines.</summary>
    public CSharpExpression WithLeadingComments(IReadOnlyList<string> comments)
    {
        if (comments.Count == 0)
        {
            return this;
        }

        var lines = comments.Select(c => new Line(0, CSharpCode.Comment(c))).ToList();
        lines.AddRange(Lines);
        return new(lines);
    }

    /// <summary>The same expression with <paramref name="prefix"/> before its first line.</summary>
    public CSharpExpression Prefixed(string prefix)
    {
        var lines = Lines.ToList();
        lines[0] = new Line(0, prefix + lines[0].Text);
        return new(lines);
    }
}

/// <summary>One attribute: its name, positional arguments and named arguments, written on one line when it fits.</summary>
internal sealed class CSharpAttribute
{
    private const int MaxLineLength = 120;
    private readonly List<CSharpExpression> _arguments = new();

    public CSharpAttribute(string name) => Name = name;

    public string Name { get; }

    public CSharpAttribute Add(CSharpExpression argument)
    {
        _arguments.Add(argument);
        return this;
    }

    public CSharpAttribute Add(string code) => Add(CSharpExpression.Code(code));

    public CSharpAttribute Named(string name, CSharpExpression value) => Add(value.Prefixed(name + " = "));

    public CSharpAttribute Named(string name, string code) => Named(name, CSharpExpression.Code(code));

    public CSharpAttribute NamedString(string name, string value) => Named(name, CSharpExpression.String(value));

    public CSharpAttribute NamedTrue(string name) => Named(name, "true");

    /// <summary>The lines of code, indented by <paramref name="indent"/>.</summary>
    public IEnumerable<string> Write(string indent)
    {
        if (_arguments.Count == 0)
        {
            yield return indent + "[" + Name + "]";
            yield break;
        }

        if (_arguments.All(a => !a.IsMultiLine))
        {
            var single = indent + "[" + Name + "(" + string.Join(", ", _arguments.Select(a => a.Lines[0].Text)) + ")]";
            if (single.Length <= MaxLineLength)
            {
                yield return single;
                yield break;
            }
        }

        yield return indent + "[" + Name + "(";
        var argumentIndent = indent + "    ";
        for (var i = 0; i < _arguments.Count; i++)
        {
            var lines = _arguments[i].Lines;
            for (var j = 0; j < lines.Count; j++)
            {
                var text = lines[j].Text;
                if (j == lines.Count - 1)
                {
                    text += i + 1 < _arguments.Count ? "," : ")]";
                }

                // A raw string's content lines keep their own white space, and an empty one stays empty.
                yield return text.Length == 0 ? string.Empty : argumentIndent + new string(' ', lines[j].Depth * 4) + text;
            }
        }
    }
}

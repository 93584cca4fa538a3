namespace DockerDsl.Core.Model;

/// <summary>
/// Where a model element came from, as plain values: a place in an <see cref="Origin"/>, optionally
/// narrowed to one of its arguments and one element of an array argument. The front end that made the
/// model decides what the origin is, and turns the reference back into a location:
/// <list type="bullet">
/// <item><description>C# declarations: <see cref="Origin"/> is the metadata name of the declaring type and
/// <see cref="AttributeIndex"/> the attribute in its attribute list; the argument is a constructor position
/// or a named property.</description></item>
/// <item><description>Dockerfile text: <see cref="Origin"/> is the file's path and <see cref="Line"/>,
/// <see cref="Column"/> and <see cref="EndLine"/> (1-based) the instruction in it; the argument names the
/// part of the instruction (a flag or a word), which the position does not narrow further.</description></item>
/// </list>
/// </summary>
public readonly record struct SourceRef(
    string Origin,
    int AttributeIndex = -1,
    int ArgumentPosition = -1,
    string? ArgumentName = null,
    int Element = -1,
    int Line = 0,
    int Column = 0,
    int EndLine = 0)
{
    /// <summary>The attribute at <paramref name="attributeIndex"/> on the type <paramref name="typeMetadataName"/>.</summary>
    public static SourceRef Attribute(string typeMetadataName, int attributeIndex) => new(typeMetadataName, attributeIndex);

    /// <summary>Lines <paramref name="line"/> to <paramref name="endLine"/> of the file <paramref name="path"/>, starting at <paramref name="column"/>.</summary>
    public static SourceRef InFile(string path, int line, int column, int endLine) => new(path, Line: line, Column: column, EndLine: endLine);

    /// <summary>True when the element came from Dockerfile text rather than a declaration.</summary>
    public bool IsInFile => Line > 0;

    public SourceRef WithArgument(int position) => this with { ArgumentPosition = position, ArgumentName = null, Element = -1 };

    public SourceRef WithArgument(string name) => this with { ArgumentPosition = -1, ArgumentName = name, Element = -1 };

    /// <summary>Element <paramref name="element"/> of the array at constructor position <paramref name="position"/>; the whole argument when it is not written as an array.</summary>
    public SourceRef WithElement(int position, int element) => this with { ArgumentPosition = position, ArgumentName = null, Element = element };

    /// <summary><c>path:line:column</c> for a place in a file, else the origin and attribute index.</summary>
    public override string ToString() => IsInFile ? $"{Origin}:{Line}:{Column}" : $"{Origin}[{AttributeIndex}]";
}

namespace DockerDsl.Core.Model;

/// <summary>
/// Where a model element came from, as plain values: the attribute at <see cref="AttributeIndex"/> in
/// the attribute list of the type <see cref="TypeMetadataName"/>, and optionally one of its arguments
/// (a constructor position or a named property), and optionally one element of an array argument.
/// Analyzers turn it back into a location.
/// </summary>
public readonly record struct SourceRef(string TypeMetadataName, int AttributeIndex, int ArgumentPosition = -1, string? ArgumentName = null, int Element = -1)
{
    public SourceRef WithArgument(int position) => this with { ArgumentPosition = position, ArgumentName = null, Element = -1 };

    public SourceRef WithArgument(string name) => this with { ArgumentPosition = -1, ArgumentName = name, Element = -1 };

    /// <summary>Element <paramref name="element"/> of the array at constructor position <paramref name="position"/>; the whole argument when it is not written as an array.</summary>
    public SourceRef WithElement(int position, int element) => this with { ArgumentPosition = position, ArgumentName = null, Element = element };
}

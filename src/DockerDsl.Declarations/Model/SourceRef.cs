namespace DockerDsl.Declarations.Model;

/// <summary>
/// Where a model element came from, as plain values: the attribute at <see cref="AttributeIndex"/> in
/// the attribute list of the type <see cref="TypeMetadataName"/>, and optionally one of its arguments
/// (a constructor position or a named property). Analyzers turn it back into a location.
/// </summary>
public readonly record struct SourceRef(string TypeMetadataName, int AttributeIndex, int ArgumentPosition = -1, string? ArgumentName = null)
{
    public SourceRef WithArgument(int position) => this with { ArgumentPosition = position, ArgumentName = null };

    public SourceRef WithArgument(string name) => this with { ArgumentPosition = -1, ArgumentName = name };
}

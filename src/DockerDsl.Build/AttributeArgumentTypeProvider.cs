using System;
using System.Reflection.Metadata;

namespace DockerDsl.Build;

/// <summary>
/// Names the types met while decoding a custom attribute blob. The attribute we read takes only
/// strings, so a type is just its name; enums cannot occur and are refused.
/// </summary>
internal sealed class AttributeArgumentTypeProvider : ICustomAttributeTypeProvider<string>
{
    public static readonly AttributeArgumentTypeProvider Instance = new();

    private const string SystemType = "System.Type";

    public string GetPrimitiveType(PrimitiveTypeCode typeCode) => typeCode.ToString();

    public string GetSystemType() => SystemType;

    public string GetSZArrayType(string elementType) => elementType + "[]";

    public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) =>
        reader.GetString(reader.GetTypeDefinition(handle).Name);

    public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) =>
        reader.GetString(reader.GetTypeReference(handle).Name);

    public string GetTypeFromSerializedName(string name) => name;

    public PrimitiveTypeCode GetUnderlyingEnumType(string type) =>
        throw new BadImageFormatException($"unexpected enum argument of type '{type}' in GeneratedFileAttribute");

    public bool IsSystemType(string type) => type == SystemType;
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace DockerDsl.Build;

/// <summary>
/// Reads the assembly-level <c>DockerDsl.GeneratedFileAttribute</c> instances from a compiled
/// assembly's metadata. Nothing is loaded or executed.
/// </summary>
internal static class GeneratedDockerfileReader
{
    private const string AttributeNamespace = "DockerDsl";
    private const string AttributeName = "GeneratedFileAttribute";

    /// <exception cref="BadImageFormatException">The file is not a .NET assembly, or its metadata is corrupt.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static List<GeneratedDockerfile> Read(string assemblyPath)
    {
        using var stream = new FileStream(assemblyPath, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete);
        // Prefetch so the file is not held open (or read lazily) while Dockerfiles are written.
        using var peReader = new PEReader(stream, PEStreamOptions.PrefetchEntireImage);
        if (!peReader.HasMetadata)
        {
            throw new BadImageFormatException("the file has no .NET metadata");
        }

        var metadata = peReader.GetMetadataReader();
        if (!metadata.IsAssembly)
        {
            throw new BadImageFormatException("the file is a module, not an assembly");
        }

        var dockerfiles = new List<GeneratedDockerfile>();
        foreach (var handle in metadata.GetAssemblyDefinition().GetCustomAttributes())
        {
            var attribute = metadata.GetCustomAttribute(handle);
            if (!IsGeneratedFileAttribute(metadata, attribute.Constructor))
            {
                continue;
            }

            var value = attribute.DecodeValue(AttributeArgumentTypeProvider.Instance);
            if (value.FixedArguments.Length != 2
                || value.FixedArguments[0].Type != nameof(PrimitiveTypeCode.String)
                || value.FixedArguments[1].Type != nameof(PrimitiveTypeCode.String))
            {
                throw new BadImageFormatException("GeneratedFileAttribute does not have the expected (string path, string text) constructor");
            }

            dockerfiles.Add(new GeneratedDockerfile(
                (string?)value.FixedArguments[0].Value,
                (string?)value.FixedArguments[1].Value));
        }

        return dockerfiles;
    }

    private static bool IsGeneratedFileAttribute(MetadataReader metadata, EntityHandle constructor)
    {
        switch (constructor.Kind)
        {
            // The attribute is defined in the assembly itself.
            case HandleKind.MethodDefinition:
                var definition = metadata.GetMethodDefinition((MethodDefinitionHandle)constructor);
                var declaringType = metadata.GetTypeDefinition(definition.GetDeclaringType());
                return IsAttributeName(metadata, declaringType.Namespace, declaringType.Name);

            // The usual case: the attribute comes from the referenced DockerDsl assembly.
            case HandleKind.MemberReference:
                var reference = metadata.GetMemberReference((MemberReferenceHandle)constructor);
                if (reference.Parent.Kind != HandleKind.TypeReference)
                {
                    return false;
                }

                var typeReference = metadata.GetTypeReference((TypeReferenceHandle)reference.Parent);
                return IsAttributeName(metadata, typeReference.Namespace, typeReference.Name);

            default:
                return false;
        }
    }

    private static bool IsAttributeName(MetadataReader metadata, StringHandle @namespace, StringHandle name) =>
        metadata.StringComparer.Equals(name, AttributeName)
        && metadata.StringComparer.Equals(@namespace, AttributeNamespace);
}

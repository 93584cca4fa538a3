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
    private const string ContextAttributeName = "GeneratedBuildContextAttribute";
    private const string SourceAttributeName = "GeneratedContextSourceAttribute";

    /// <exception cref="BadImageFormatException">The file is not a .NET assembly, or its metadata is corrupt.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static List<GeneratedDockerfile> Read(string assemblyPath) => ReadAll(assemblyPath).Files;

    /// <summary>The generated files, and what the build checks in their build contexts.</summary>
    /// <exception cref="BadImageFormatException">The file is not a .NET assembly, or its metadata is corrupt.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static GeneratedAssembly ReadAll(string assemblyPath)
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

        var result = new GeneratedAssembly();
        var dockerfiles = result.Files;
        foreach (var handle in metadata.GetAssemblyDefinition().GetCustomAttributes())
        {
            var attribute = metadata.GetCustomAttribute(handle);
            var name = AttributeNameOf(metadata, attribute.Constructor);
            if (name == ContextAttributeName || name == SourceAttributeName)
            {
                ReadCheck(attribute.DecodeValue(AttributeArgumentTypeProvider.Instance), name == ContextAttributeName, result);
                continue;
            }

            if (name != AttributeName)
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

        return result;
    }

    // (dockerfile, context, file, line) or (dockerfile, keyword, source, file, line); another shape comes from another DockerDsl version: not checked.
    private static void ReadCheck(CustomAttributeValue<string> value, bool isContext, GeneratedAssembly result)
    {
        var arguments = value.FixedArguments;
        var strings = isContext ? 3 : 4;
        if (arguments.Length != strings + 1 || arguments[strings].Type != nameof(PrimitiveTypeCode.Int32) || arguments[strings].Value is not int line)
        {
            return;
        }

        var text = new string[strings];
        for (var i = 0; i < strings; i++)
        {
            if (arguments[i].Type != nameof(PrimitiveTypeCode.String) || arguments[i].Value is not string argument)
            {
                return;
            }

            text[i] = argument;
        }

        if (isContext)
        {
            result.Contexts.Add(new GeneratedBuildContext(text[0], text[1], text[2], line));
        }
        else
        {
            result.Sources.Add(new GeneratedContextSource(text[0], text[1], text[2], text[3], line));
        }
    }

    /// <summary>The name of the DockerDsl attribute <paramref name="constructor"/> belongs to, or null for any other.</summary>
    private static string? AttributeNameOf(MetadataReader metadata, EntityHandle constructor)
    {
        switch (constructor.Kind)
        {
            // The attribute is defined in the assembly itself.
            case HandleKind.MethodDefinition:
                var definition = metadata.GetMethodDefinition((MethodDefinitionHandle)constructor);
                var declaringType = metadata.GetTypeDefinition(definition.GetDeclaringType());
                return DockerDslName(metadata, declaringType.Namespace, declaringType.Name);

            // The usual case: the attribute comes from the referenced DockerDsl assembly.
            case HandleKind.MemberReference:
                var reference = metadata.GetMemberReference((MemberReferenceHandle)constructor);
                if (reference.Parent.Kind != HandleKind.TypeReference)
                {
                    return null;
                }

                var typeReference = metadata.GetTypeReference((TypeReferenceHandle)reference.Parent);
                return DockerDslName(metadata, typeReference.Namespace, typeReference.Name);

            default:
                return null;
        }
    }

    private static string? DockerDslName(MetadataReader metadata, StringHandle @namespace, StringHandle name)
    {
        if (!metadata.StringComparer.Equals(@namespace, AttributeNamespace))
        {
            return null;
        }

        foreach (var known in new[] { AttributeName, ContextAttributeName, SourceAttributeName })
        {
            if (metadata.StringComparer.Equals(name, known))
            {
                return known;
            }
        }

        return null;
    }
}

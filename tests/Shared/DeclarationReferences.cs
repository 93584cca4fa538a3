using System.Collections.Immutable;
using System.Linq;
using Basic.Reference.Assemblies;
using DockerDsl;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace DockerDsl.Tests.Shared;

/// <summary>
/// What the in-memory compilations of declarations are built with: the .NET 8 reference assemblies
/// from Basic.Reference.Assemblies (nothing is downloaded at test time) plus the DockerDsl
/// attributes, and C# 12.
/// </summary>
internal static class DeclarationReferences
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.CSharp12);

    public static readonly ImmutableArray<MetadataReference> All =
        Net80.References.All.Cast<MetadataReference>()
            .Append(MetadataReference.CreateFromFile(typeof(DockerfileAttribute).Assembly.Location))
            .ToImmutableArray();
}

using System.Linq;
using Basic.Reference.Assemblies;
using DockerDsl.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace DockerDsl.Analyzers.Tests.Infrastructure;

/// <summary>
/// .NET 8 reference assemblies from Basic.Reference.Assemblies, plus the DockerDsl attributes. The
/// testing library's own ReferenceAssemblies.Net.Net80 would download a package at test time; an
/// empty set with these as additional references needs nothing from the network.
/// </summary>
internal static class TestReferences
{
    public static readonly ReferenceAssemblies None = new("net8.0");

    public static readonly MetadataReference[] All =
        Net80.References.All.Cast<MetadataReference>()
            .Append(MetadataReference.CreateFromFile(typeof(DockerfileAttribute).Assembly.Location))
            .ToArray();

    public static void Apply(SolutionState state) => state.AdditionalReferences.AddRange(All);

    /// <summary>Every DockerDsl analyzer, for tests of the whole rule set.</summary>
    public static DockerfileAnalyzer[] AllAnalyzers() =>
        typeof(DockerfileAnalyzer).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DockerfileAnalyzer).IsAssignableFrom(t))
            .OrderBy(t => t.Name)
            .Select(t => (DockerfileAnalyzer)System.Activator.CreateInstance(t)!)
            .ToArray();
}

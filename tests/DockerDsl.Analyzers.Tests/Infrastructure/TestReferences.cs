using System.Linq;
using DockerDsl.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace DockerDsl.Analyzers.Tests.Infrastructure;

/// <summary>
/// The shared <see cref="DeclarationReferences"/> for the testing library. The
/// testing library's own ReferenceAssemblies.Net.Net80 would download a package at test time; an
/// empty set with these as additional references needs nothing from the network.
/// </summary>
internal static class TestReferences
{
    public static readonly ReferenceAssemblies None = new("net8.0");

    public static void Apply(SolutionState state) => state.AdditionalReferences.AddRange(DeclarationReferences.All);

    /// <summary>Every DockerDsl analyzer, for tests of the whole rule set.</summary>
    public static DockerfileAnalyzer[] AllAnalyzers() =>
        typeof(DockerfileAnalyzer).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DockerfileAnalyzer).IsAssignableFrom(t))
            .OrderBy(t => t.Name)
            .Select(t => (DockerfileAnalyzer)System.Activator.CreateInstance(t)!)
            .ToArray();
}

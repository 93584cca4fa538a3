using System.Collections.Immutable;
using System.Linq;
using DockerDsl.Analyzers.Infrastructure;
using DockerDsl.Core.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DockerDsl.Analyzers.Rules;

/// <summary>DDSL100-DDSL111: the declaration problems that make DockerDsl withhold a Dockerfile, one ID per <see cref="ProblemKind"/>.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DeclarationProblemAnalyzer : DockerfileAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        DiagnosticDescriptors.ForProblem.OrderBy(p => p.Value.Id).Select(p => p.Value).ToImmutableArray();

    protected override bool RunsWithProblems => true;

    protected override void Analyze(DockerfileAnalysis analysis)
    {
        foreach (var problem in analysis.Model.Problems)
        {
            // The compiler already reports an attribute that does not bind; a second error says nothing new.
            if (problem.Kind == ProblemKind.AttributeHasErrors && HasCompilerErrors(SourceLocator.Attribute(analysis.Compilation, problem.Source)))
            {
                continue;
            }

            analysis.Report(DiagnosticDescriptors.ForProblem[problem.Kind], problem.Source, ImmutableDictionary<string, string?>.Empty, problem.Message);
        }
    }

    private static bool HasCompilerErrors(AttributeData? attribute) =>
        attribute is null
        || attribute.AttributeConstructor is null
        || attribute.ConstructorArguments.Any(a => a.Kind == TypedConstantKind.Error)
        || attribute.NamedArguments.Any(a => a.Value.Kind == TypedConstantKind.Error);
}

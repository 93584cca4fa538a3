using System.Collections.Immutable;
using DockerDsl.Analyzers.Infrastructure;
using DockerDsl.Core.Rules;
using Microsoft.CodeAnalysis;

namespace DockerDsl.Analyzers.Rules;

/// <summary>Base of the rules on RUN shell text: each reports one <see cref="RunCommandIssue"/>.</summary>
public abstract class RunCommandAnalyzer : DockerfileAnalyzer
{
    private readonly RunCommandIssue _issue;
    private readonly DiagnosticDescriptor _descriptor;

    protected RunCommandAnalyzer(RunCommandIssue issue, DiagnosticDescriptor descriptor)
    {
        _issue = issue;
        _descriptor = descriptor;
        SupportedDiagnostics = ImmutableArray.Create(descriptor);
    }

    public sealed override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; }

    protected sealed override void Analyze(DockerfileAnalysis analysis)
    {
        foreach (var finding in RunCommandRules.Find(analysis.Model, _issue))
        {
            analysis.Report(_descriptor, finding);
        }
    }
}

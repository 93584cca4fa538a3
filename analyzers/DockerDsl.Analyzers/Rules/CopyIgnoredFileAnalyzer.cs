using System.Collections.Immutable;
using DockerDsl.Analyzers.Infrastructure;
using DockerDsl.Core.Emit;
using DockerDsl.Core.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DockerDsl.Analyzers.Rules;

/// <summary>DDSL029: COPY or ADD of a context path that the Dockerfile's .dockerignore leaves out.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CopyIgnoredFileAnalyzer : DockerfileAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.CopyIgnoredFile);

    protected override void Analyze(DockerfileAnalysis analysis)
    {
        foreach (var finding in CopyRules.CopyIgnoredFile(analysis.Model, DockerignoreEmitter.Emit(analysis.Model), builtIn: DockerignoreEmitter.BuiltInPatterns(analysis.Model)))
        {
            analysis.Report(DiagnosticDescriptors.CopyIgnoredFile, finding);
        }
    }
}

using System.Collections.Immutable;
using DockerDsl.Analyzers.Infrastructure;
using DockerDsl.Core.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DockerDsl.Analyzers.Rules;

/// <summary>DDSL012: ADD of a URL without a checksum.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RemoteAddWithoutChecksumAnalyzer : DockerfileAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.RemoteAddWithoutChecksum);

    protected override void Analyze(DockerfileAnalysis analysis)
    {
        foreach (var finding in CopyRules.RemoteAddWithoutChecksum(analysis.Model))
        {
            analysis.Report(DiagnosticDescriptors.RemoteAddWithoutChecksum, finding);
        }
    }
}

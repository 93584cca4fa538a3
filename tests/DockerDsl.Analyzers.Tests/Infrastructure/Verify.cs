using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace DockerDsl.Analyzers.Tests.Infrastructure;

/// <summary>Runs one analyzer over markup source: <c>{|DDSL001:...|}</c> marks where a diagnostic is expected.</summary>
public static class Verify<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    public static DiagnosticResult Diagnostic(string id) => new DiagnosticResult(id, DiagnosticSeverity.Warning);

    public static Task AnalyzeAsync(string source, params DiagnosticResult[] expected) => AnalyzeAsync(source, null, expected);

    /// <param name="analyzerConfig">Text of a <c>.editorconfig</c> at the root, or a global config when it starts with <c>is_global</c>.</param>
    public static Task AnalyzeAsync(string source, string? analyzerConfig, params DiagnosticResult[] expected)
    {
        var test = new AnalyzerTest<TAnalyzer> { TestCode = source };
        if (analyzerConfig is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add((analyzerConfig.StartsWith("is_global") ? "/.globalconfig" : "/.editorconfig", analyzerConfig));
        }

        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }
}

/// <summary>Runs an analyzer and its code fix: the source with markup, and the source after the fix.</summary>
public static class VerifyFix<TAnalyzer, TCodeFix>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    /// <param name="diagnostics">How many diagnostics the fix removes one at a time; Fix All removes them in one pass.</param>
    public static Task FixAsync(string source, string fixedSource, int diagnostics = 1)
    {
        var test = new CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
        {
            TestCode = source,
            FixedCode = fixedSource,
            ReferenceAssemblies = TestReferences.None,
            NumberOfFixAllIterations = 1,
            NumberOfIncrementalIterations = diagnostics,
        };
        TestReferences.Apply(test.TestState);
        TestReferences.Apply(test.FixedState);
        return test.RunAsync();
    }

    /// <summary>The analyzer reports what the markup marks, and the code fix offers nothing for it.</summary>
    public static Task NoFixAsync(string source)
    {
        var test = new CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
        {
            TestCode = source,
            FixedCode = source,
            ReferenceAssemblies = TestReferences.None,
        };
        TestReferences.Apply(test.TestState);
        TestReferences.Apply(test.FixedState);
        return test.RunAsync();
    }
}

public sealed class AnalyzerTest<TAnalyzer> : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    public AnalyzerTest()
    {
        ReferenceAssemblies = TestReferences.None;
        TestReferences.Apply(TestState);
    }
}

/// <summary>Every DockerDsl analyzer at once, as a project that references the package gets them.</summary>
public sealed class AllRulesTest : CSharpAnalyzerTest<DockerDsl.Analyzers.Rules.RootUserAnalyzer, DefaultVerifier>
{
    public AllRulesTest()
    {
        ReferenceAssemblies = TestReferences.None;
        TestReferences.Apply(TestState);
    }

    protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() => TestReferences.AllAnalyzers();
}

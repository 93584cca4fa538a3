using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using DockerDsl.Core.Emit;
using Microsoft.CodeAnalysis;

namespace DockerDsl.Benchmarks;

/// <summary>
/// The generator, the analyzers and the emitter on 1 to 1,000 declared stages (see <see cref="Declarations"/>).
/// Each benchmark starts from a compilation with no cached semantic state (a clone, or the result of
/// replacing the edited tree), as the compiler and the IDE have after an edit; the parse of the
/// sources is done beforehand, since the compiler does it whether or not DockerDsl is there.
/// </summary>
[MemoryDiagnoser]
public class DockerDslBenchmarks
{
    private Workload _workload = null!;
    private GeneratorDriver _coldDriver = null!;

    [Params(1, 10, 100, 1000)]
    public int Stages { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _workload = new Workload(Stages);
        _coldDriver = Workload.CreateDriver(trackSteps: false);

        // The targets are part of the benchmark: a regression fails the run instead of showing up as a slower number.
        IncrementalCheck.Assert(_workload);
    }

    /// <summary>First run: every Dockerfile class parsed to a model and emitted.</summary>
    [Benchmark(Description = "Generator: full run")]
    public GeneratorDriver FullRun() => _coldDriver.RunGenerators(_workload.Compilation.Clone());

    /// <summary>After one character of one Run command changed: every Dockerfile re-parsed, only the edited one re-emitted.</summary>
    [Benchmark(Description = "Generator: edit in a declaration")]
    public GeneratorDriver EditInsideDeclaration() =>
        _workload.WarmDriver.RunGenerators(_workload.Compilation.ReplaceSyntaxTree(_workload.DeclarationTree, _workload.EditedDeclarationTree));

    /// <summary>
    /// After one character of a method body in an unrelated file changed: nothing is emitted again, but
    /// Roslyn re-runs ForAttributeWithMetadataName's transform (DockerDsl's parse) for every Dockerfile
    /// class on any compilation change, so this costs about what parsing every declaration costs.
    /// </summary>
    [Benchmark(Description = "Generator: unrelated edit")]
    public GeneratorDriver EditOutsideDeclaration() =>
        _workload.WarmDriver.RunGenerators(_workload.Compilation.ReplaceSyntaxTree(_workload.UnrelatedTree, _workload.EditedUnrelatedTree));

    /// <summary>All DockerDsl analyzers on the compilation with generated code (includes the binding the analyzer driver forces).</summary>
    [Benchmark(Description = "Analyzers (all)")]
    public ImmutableArray<Diagnostic> Analyzers() =>
        Workload.WithAnalyzers(_workload.GeneratedCompilation.Clone()).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();

    /// <summary>Baseline for the analyzers: the compiler's own diagnostics on the same compilation, no analyzer.</summary>
    [Benchmark(Description = "Baseline: compiler diagnostics")]
    public ImmutableArray<Diagnostic> CompilerDiagnostics() => _workload.GeneratedCompilation.Clone().GetDiagnostics();

    /// <summary>DockerfileEmitter.Emit on every parsed model: text only, no Roslyn.</summary>
    [Benchmark(Description = "Emitter alone")]
    public int Emit()
    {
        var length = 0;
        foreach (var model in _workload.Models)
        {
            length += DockerfileEmitter.Emit(model).Length;
        }

        return length;
    }
}

using System;
using System.Linq;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using DockerDsl.Benchmarks;

// Usage: dotnet run -c Release --project benchmarks/DockerDsl.Benchmarks -- --filter '*'
//        ... -- --check     only the incrementality check (seconds), no BenchmarkDotNet.
// The check runs first in every mode and exits non-zero when a target is missed.
var checkOnly = args.Contains("--check");
if (!RunChecks())
{
    return 1;
}

if (checkOnly)
{
    return 0;
}

// Benchmarks run in this process, smallest size first: warm the JIT (tiered compilation) on a middle size
// first, so the first benchmarks do not pay for compiling Roslyn's and DockerDsl's code paths.
WarmUp();

// In process (no generated project to build per benchmark) and short: 3 warm-up and 10 measured
// iterations. Meant for a small shared machine; numbers are indicative, not lab grade.
var config = DefaultConfig.Instance
    .AddJob(Job.Default
        .WithToolchain(InProcessEmitToolchain.Instance)
        .WithLaunchCount(1)
        .WithWarmupCount(3)
        .WithIterationCount(10)
        .WithId("Short"))
    .WithOptions(ConfigOptions.JoinSummary);
var summaries = BenchmarkSwitcher.FromAssembly(typeof(DockerDslBenchmarks).Assembly).Run(args, config);
return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;

static bool RunChecks()
{
    Console.WriteLine($"DockerDsl benchmarks: {Workload.Analyzers.Length} analyzers, {Environment.ProcessorCount} cores, .NET {Environment.Version}");
    Console.WriteLine("| Stages | Dockerfiles | Edit in a declaration re-emits | Unrelated edit re-runs | Unrelated edit, step outputs | Analyzer diagnostics |");
    Console.WriteLine("| ---: | ---: | --- | --- | --- | ---: |");
    var ok = true;
    foreach (var stages in new[] { 1, 10, 100, 1000 })
    {
        var workload = new Workload(stages);
        var result = IncrementalCheck.Run(workload);
        ok &= result.InsideEditOk && result.UnrelatedEditOk;

        var diagnostics = Workload.WithAnalyzers(workload.GeneratedCompilation.Clone()).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();

        Console.WriteLine(
            $"| {stages} | {result.Dockerfiles} | {Describe(result.ReEmittedOnInsideEdit, result.InsideEditOk)} | {Describe(result.ReRunOnUnrelatedEdit, result.UnrelatedEditOk)} | {result.UnrelatedEditReasons} | {Count(diagnostics)} |");
    }

    Console.WriteLine(ok ? "Incrementality targets: met." : "Incrementality targets: MISSED (see the table).");
    return ok;
}

static void WarmUp()
{
    var benchmarks = new DockerDslBenchmarks { Stages = 10 };
    benchmarks.Setup();
    var clock = System.Diagnostics.Stopwatch.StartNew();
    while (clock.Elapsed < TimeSpan.FromSeconds(5))
    {
        benchmarks.FullRun();
        benchmarks.EditInsideDeclaration();
        benchmarks.EditOutsideDeclaration();
        benchmarks.Analyzers();
        benchmarks.CompilerDiagnostics();
        benchmarks.Emit();
    }
}

static string Count(System.Collections.Immutable.ImmutableArray<Microsoft.CodeAnalysis.Diagnostic> diagnostics) =>
    diagnostics.IsEmpty
        ? "0"
        : $"{diagnostics.Length} ({string.Join(", ", diagnostics.GroupBy(d => d.Id).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} x{g.Count()}"))})";

static string Describe(System.Collections.Generic.IReadOnlyList<string> items, bool ok) =>
    (ok ? "ok: " : "FAIL: ") + (items.Count == 0 ? "nothing" : string.Join(", ", items));

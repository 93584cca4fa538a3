using System;
using System.Collections.Generic;
using System.Linq;
using DockerDsl.Generators;
using Microsoft.CodeAnalysis;

namespace DockerDsl.Benchmarks;

/// <summary>
/// The issue's incrementality targets, checked with step tracking on: an edit inside one declaration
/// re-emits only that Dockerfile; an unrelated edit re-runs nothing past the attribute filter.
/// </summary>
public static class IncrementalCheck
{
    private static readonly string[] TrackedSteps = { TrackingNames.Models, TrackingNames.ProjectOptions, TrackingNames.Outputs, TrackingNames.Bake };

    /// <param name="UnrelatedEditReasons">Per tracked step, how many outputs were Cached (not run) and Unchanged (run, equal result).</param>
    public sealed record Result(int Stages, int Dockerfiles, IReadOnlyList<string> ReEmittedOnInsideEdit, IReadOnlyList<string> ReRunOnUnrelatedEdit, string UnrelatedEditReasons)
    {
        public bool InsideEditOk => ReEmittedOnInsideEdit.Count == 1 && ReEmittedOnInsideEdit[0] == "Outputs " + Declarations.HintName(Declarations.EditedDockerfile);

        public bool UnrelatedEditOk => ReRunOnUnrelatedEdit.Count == 0;
    }

    public static Result Run(Workload workload)
    {
        var driver = Workload.CreateDriver(trackSteps: true).RunGenerators(workload.Compilation);

        var inside = driver.RunGenerators(workload.Compilation.ReplaceSyntaxTree(workload.DeclarationTree, workload.EditedDeclarationTree)).GetRunResult().Results.Single();
        if (!inside.GeneratedSources.Single(s => s.HintName == Declarations.HintName(Declarations.EditedDockerfile)).SourceText.ToString().Contains(Declarations.EditedRunCommand, StringComparison.Ordinal))
        {
            throw new InvalidOperationException("The edited Run command is not in the regenerated Dockerfile.");
        }

        var outside = driver.RunGenerators(workload.Compilation.ReplaceSyntaxTree(workload.UnrelatedTree, workload.EditedUnrelatedTree)).GetRunResult().Results.Single();

        return new Result(
            workload.Stages,
            Declarations.DockerfileCount(workload.Stages),
            Emitted(inside),
            Rerun(outside),
            Reasons(outside));
    }

    /// <summary>Throws unless both targets hold: the benchmarks' <c>[GlobalSetup]</c> calls it.</summary>
    public static Result Assert(Workload workload)
    {
        var result = Run(workload);
        if (!result.InsideEditOk)
        {
            throw new InvalidOperationException($"{workload.Stages} stages: an edit inside one declaration should re-emit only {Declarations.HintName(Declarations.EditedDockerfile)}, but re-emitted: {string.Join(", ", result.ReEmittedOnInsideEdit)}.");
        }

        if (!result.UnrelatedEditOk)
        {
            throw new InvalidOperationException($"{workload.Stages} stages: an unrelated edit should re-run no tracked step, but re-ran: {string.Join(", ", result.ReRunOnUnrelatedEdit)}.");
        }

        return result;
    }

    /// <summary>Generated files whose output step is New or Modified (the Outputs and Bake steps).</summary>
    private static List<string> Emitted(GeneratorRunResult result)
    {
        var emitted = new List<string>();
        foreach (var step in new[] { TrackingNames.Outputs, TrackingNames.Bake })
        {
            foreach (var run in result.TrackedSteps[step])
            {
                foreach (var (value, reason) in run.Outputs)
                {
                    if (reason is IncrementalStepRunReason.New or IncrementalStepRunReason.Modified)
                    {
                        emitted.Add(step + " " + ((value as GeneratedFile)?.HintName ?? "(none)"));
                    }
                }
            }
        }

        return emitted;
    }

    /// <summary>
    /// Roslyn's own tracking name for the output of ForAttributeWithMetadataName's transform, which is
    /// DockerDsl's parse. Roslyn re-runs that transform for every matching class whenever the compilation
    /// changes; the equal (Unchanged) models are what stop the edit there.
    /// </summary>
    private const string ParseStep = "result_ForAttributeWithMetadataName";

    private static string Reasons(GeneratorRunResult result) =>
        string.Join("; ", new[] { ParseStep }.Concat(TrackedSteps).Where(result.TrackedSteps.ContainsKey).Select(step =>
            (step == ParseStep ? "parse" : step) + ": " + string.Join(", ", result.TrackedSteps[step]
                .SelectMany(run => run.Outputs)
                .GroupBy(output => output.Reason)
                .OrderBy(group => group.Key)
                .Select(group => $"{group.Count()} {group.Key}"))));

    /// <summary>Tracked steps with any output that is not Cached or Unchanged.</summary>
    private static List<string> Rerun(GeneratorRunResult result)
    {
        var rerun = new List<string>();
        foreach (var step in TrackedSteps)
        {
            if (!result.TrackedSteps.TryGetValue(step, out var runs))
            {
                rerun.Add(step + " (not tracked)");
                continue;
            }

            foreach (var run in runs)
            {
                foreach (var (_, reason) in run.Outputs)
                {
                    if (reason is not (IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged))
                    {
                        rerun.Add($"{step} ({reason})");
                    }
                }
            }
        }

        return rerun;
    }
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using DockerDsl.Core.Import;
using DockerDsl.Import.Tests.Infrastructure;
using DockerDsl.Tests.Shared;
using Microsoft.CodeAnalysis;
using Xunit.Abstractions;

namespace DockerDsl.Import.Tests;

/// <summary>
/// Mutated corpus Dockerfiles through the importer: each is a clear refusal (errors at lines, no declaration), or a
/// declaration that compiles without C# errors and regenerates a Dockerfile that means what the mutated one does. An
/// instruction BuildKit refuses is kept as <c>[Instruction]</c>, one that nothing can say is reported, never dropped.
/// DOCKERDSL_IMPORT_FUZZ_CASES sets the number of cases (1,000 by default; a local long run takes 10,000 or more).
/// </summary>
public class ImportFuzzTests(ITestOutputHelper output)
{
    private static readonly int Cases = int.TryParse(Environment.GetEnvironmentVariable("DOCKERDSL_IMPORT_FUZZ_CASES"), out var cases) ? cases : 1000;

    // The first case: DOCKERDSL_IMPORT_FUZZ_FIRST=8152 with DOCKERDSL_IMPORT_FUZZ_CASES=1 replays one case.
    private static readonly int First = int.TryParse(Environment.GetEnvironmentVariable("DOCKERDSL_IMPORT_FUZZ_FIRST"), out var first) ? first : 0;

    // Pieces that reach the corners the importer maps: continuations, heredocs, quotes, variables, flags, mounts, directives.
    private static readonly string[] Fragments =
    {
        "\\", "\\\n", "`", "\n", "\r\n", "\t", " ", "\"", "'", "[\"a\", \"b c\"]", "$", "${", "${A:-x}", "$(", "=", "$HOME", "${TARGETARCH}",
        "<<EOF\n", "<<-EOF\n\t", "<<'EOF'\n", "\nEOF\n", "EOF", "#", "# comment\n", "# syntax=docker/dockerfile:1\n", "# escape=`\n",
        "--mount=type=cache,target=/x", "--mount=type=bind,target=.", "--mount=type=secret,id=s", "--from=0", "--from=build",
        "--platform=$BUILDPLATFORM", "--chown=1000:1000", "--chmod=755", "--link", "--network=none", "--", " AS build",
        "FROM alpine:3.20\n", "RUN ", "COPY ", "ADD ", "ENV ", "ARG ", "LABEL ", "USER ", "WORKDIR ", "EXPOSE ", "CMD ", "ENTRYPOINT ",
        "HEALTHCHECK ", "ONBUILD ", "SHELL ", "VOLUME ", "STOPSIGNAL ", "MAINTAINER ", " && ", ";", "\u00e9",
    };

    [Fact]
    public void Mutated_Dockerfiles_round_trip_or_are_refused_clearly()
    {
        var seeds = CorpusFiles.All().Select(f => File.ReadAllText(Corpus.Path(f))).ToArray();
        var failures = new List<string>();
        int refused = 0, roundTripped = 0, kept = 0, reported = 0;
        for (var i = First; i < First + Cases; i++)
        {
            var random = new Random(i);
            var text = Mutate(seeds[random.Next(seeds.Length)], random);
            try
            {
                var failure = Check(text, ref refused, ref roundTripped, ref kept, ref reported);
                if (failure is not null)
                {
                    failures.Add($"case {i}: {failure}\n{Excerpt(text)}");
                }
            }
            catch (Exception e)
            {
                failures.Add($"case {i}: {e.GetType().Name}: {e.Message}\n{Excerpt(text)}\n{e.StackTrace}");
            }
        }

        output.WriteLine($"{Cases} cases: {roundTripped} round-trip, {kept} keep instructions BuildKit refuses as [Instruction], {reported} report what is not expressible, {refused} refused");
        Assert.True(failures.Count == 0, $"{failures.Count} of {Cases} cases failed:\n{string.Join("\n\n", failures.Take(3))}");

        // Both outcomes must be common, or the mutations prove less than they claim.
        Assert.True(roundTripped > Cases / 4, $"only {roundTripped} of {Cases} mutations round-tripped");
        Assert.True(refused + kept > Cases / 20, $"only {refused + kept} of {Cases} mutations were refused");
    }

    private static string? Check(string text, ref int refused, ref int roundTripped, ref int kept, ref int reported)
    {
        var attempt = ImportAttempt.Run("Dockerfile", text, new ImportOptions("Imported") { DockerfilePath = "Dockerfile" });
        if (attempt.Result is null)
        {
            refused++;
            return attempt.Errors.Count == 0 ? "no declaration and no error" : null;
        }

        var report = attempt.Result.Report;
        var (diagnostics, regenerated) = ImportedCompilation.Compile(attempt.Result.Source, analyzers: false);
        if (diagnostics.FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error) is { } error)
        {
            return $"the declaration does not compile: {error}\n{attempt.Result.Source}";
        }

        if (attempt.Errors.Count > 0)
        {
            // Every instruction BuildKit refuses stays in the declaration, as [Instruction], at its line.
            kept++;
            var missing = attempt.Errors.FirstOrDefault(e => !report.Instructions.Any(i => i.Line == e.Line && i.Outcome != ImportOutcome.Typed));
            return missing is null ? null : $"line {missing.Line} ({missing.Message}) is refused but not kept";
        }

        if (regenerated is null)
        {
            // Withheld: the declaration reports a DDSL1xx problem, which must be one the import said it would have.
            reported++;
            return report.NotExpressibleCount > 0 ? null
                : "the generator withheld the Dockerfile but the import reported nothing it cannot express:\n"
                    + string.Join("\n", ImportedCompilation.Compile(attempt.Result.Source).Diagnostics.Where(d => d.Id.StartsWith("DDSL1", StringComparison.Ordinal)));
        }

        roundTripped++;
        var difference = DockerfileComparison.Difference(text, regenerated);
        return difference is null ? null : $"{difference}\n--- regenerated ---\n{Excerpt(regenerated)}";
    }

    private static string Mutate(string seed, Random random)
    {
        var text = new StringBuilder(seed);
        var steps = 1 + random.Next(3);
        for (var s = 0; s < steps; s++)
        {
            var at = text.Length == 0 ? 0 : random.Next(text.Length);
            switch (random.Next(4))
            {
                case 0:
                case 1:
                    text.Insert(at, Fragments[random.Next(Fragments.Length)]);
                    break;
                case 2:
                    text.Remove(at, Math.Min(text.Length - at, random.Next(1, 20)));
                    break;
                default:
                    if (at < text.Length)
                    {
                        text[at] = (char)random.Next(32, 127);
                    }

                    break;
            }
        }

        return text.ToString();
    }

    private static string Excerpt(string text) => text.Length <= 600 ? text : text.Substring(0, 600) + "...";
}

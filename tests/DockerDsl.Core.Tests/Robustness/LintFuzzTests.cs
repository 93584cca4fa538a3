using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using DockerDsl.Core.Lint;

namespace DockerDsl.Core.Tests.Robustness;

/// <summary>
/// Mutated corpus Dockerfiles through the parser, the reader and every rule: lint never throws, and
/// the same text always gives the same result. DOCKERDSL_FUZZ_CASES sets the number of cases (a
/// local long run takes 10,000 or more).
/// </summary>
public class LintFuzzTests
{
    private static readonly int Cases = int.TryParse(Environment.GetEnvironmentVariable("DOCKERDSL_FUZZ_CASES"), out var cases) ? cases : 3000;

    // Pieces that reach the corners of the grammar: continuations, heredocs, quotes, JSON, variables, flags, directives.
    private static readonly string[] Fragments =
    {
        "\\", "\\\n", "`", "\n", "\r\n", "\r", "\0", "\t", " ", "\"", "'", "[", "]", "[\"a\", \"b\"]", "{", "}", "$", "${", "${A:-", "}", "$(", "=",
        "<<EOF\n", "<<-EOF\n", "<<'EOF'\n", "\nEOF\n", "EOF", "#", "# syntax=docker/dockerfile:1\n", "# escape=`\n", "# check=skip=all\n",
        "--mount=type=cache,target=/x", "--mount=type=", "--from=0", "--platform=$BUILDPLATFORM", "--chown=", "--", "-", "AS", " as ",
        "FROM ", "RUN ", "COPY ", "ADD ", "ENV ", "ARG ", "LABEL ", "USER ", "WORKDIR ", "EXPOSE ", "CMD ", "ENTRYPOINT ", "HEALTHCHECK ",
        "ONBUILD ", "SHELL ", "VOLUME ", "STOPSIGNAL ", "MAINTAINER ", "\u00e9", "\ud83d\ude00", "\ufeff", "\u2028",
    };

    [Fact]
    public void Mutated_Dockerfiles_never_throw_and_lint_the_same_twice()
    {
        var seeds = Directory.GetFiles(Corpus.Path("real"))
            .Concat(Corpus.Cases("buildkit-checks").Select(c => Path.Combine(c, "Dockerfile")))
            .Concat(Corpus.Cases("buildkit-parser").Select(c => Path.Combine(c, "Dockerfile")))
            .Order(StringComparer.Ordinal)
            .Select(File.ReadAllText)
            .ToArray();
        var failures = new List<string>();
        int errors = 0, linted = 0;
        for (var i = 0; i < Cases; i++)
        {
            var random = new Random(i);
            var text = Mutate(seeds[random.Next(seeds.Length)], random);
            string first, second;
            try
            {
                first = Describe(DockerfileLinter.Lint("Dockerfile", text, LintOptions.Default));
                second = Describe(DockerfileLinter.Lint("Dockerfile", text, LintOptions.Default));
            }
            catch (Exception e)
            {
                failures.Add($"case {i}: {e.GetType().Name}: {e.Message}\n{Excerpt(text)}\n{e.StackTrace}");
                continue;
            }

            if (first != second)
            {
                failures.Add($"case {i}: two lints differ\n{Excerpt(text)}");
            }

            errors += first.StartsWith("error", StringComparison.Ordinal) ? 1 : 0;
            linted += first.StartsWith("error", StringComparison.Ordinal) ? 0 : 1;
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {Cases} cases failed:\n{string.Join("\n\n", failures.Take(3))}");

        // Both outcomes must be common, or the mutations prove less than they claim.
        Assert.True(errors > Cases / 20, $"only {errors} of {Cases} mutations were refused");
        Assert.True(linted > Cases / 5, $"only {linted} of {Cases} mutations were linted");
    }

    private static string Mutate(string seed, Random random)
    {
        var text = new StringBuilder(seed);
        var steps = 1 + random.Next(4);
        for (var s = 0; s < steps; s++)
        {
            var at = text.Length == 0 ? 0 : random.Next(text.Length);
            switch (random.Next(5))
            {
                case 0:
                    text.Insert(at, Fragments[random.Next(Fragments.Length)]);
                    break;
                case 1:
                    text.Remove(at, Math.Min(text.Length - at, random.Next(1, 40)));
                    break;
                case 2:
                    var length = Math.Min(text.Length - at, random.Next(1, 200));
                    text.Insert(random.Next(text.Length + 1), text.ToString(at, length));
                    break;
                case 3:
                    if (at < text.Length)
                    {
                        text[at] = (char)random.Next(0, 128);
                    }

                    break;
                default:
                    text.Length = at;
                    break;
            }
        }

        return text.ToString();
    }

    private static string Describe(LintResult result) =>
        result.Error is { } error
            ? "error " + error
            : string.Join("\n", result.Findings.Select(f => $"{f.Source} {f.Rule.Id} {f.Severity} {f.Message}"));

    private static string Excerpt(string text) => text.Length <= 400 ? text : text.Substring(0, 400) + "...";
}

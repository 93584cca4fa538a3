using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace DockerDsl.Robustness.Tests;

/// <summary>
/// Thousands of mutated declarations through the generator and every analyzer. A failing case is saved
/// under Regressions/ (as <c>new-*.cs</c>) so it can be reviewed, renamed and kept as a regular test.
/// </summary>
public class FuzzTests
{
    /// <summary>Cases per seed; DOCKERDSL_FUZZ_CASES raises it for a longer local run.</summary>
    private static readonly int Cases = int.TryParse(Environment.GetEnvironmentVariable("DOCKERDSL_FUZZ_CASES"), out var cases) ? cases : 1000;

    public static TheoryData<string> Seeds => new() { "samples/RPlumberApi/PlumberApi.cs", "tests/DockerDsl.Robustness.Tests/Seeds/KitchenSink.cs" };

    [Theory]
    [MemberData(nameof(Seeds))]
    public void MutatedDeclarationsNeverCrashAndNeverEscape(string seedPath)
    {
        var seed = File.ReadAllText(SourceTree.File(seedPath)).Replace("\r\n", "\n");
        var failures = new List<string>();
        var withheld = 0;
        for (var i = 0; i < Cases; i++)
        {
            var random = new Random(HashCode(seedPath) + i);
            var source = Mutator.Mutate(seed, random, out var first);
            var description = first;
            if (random.Next(3) == 0)
            {
                source = Mutator.Mutate(source, random, out var second);
                description += "+" + second;
            }

            var sources = random.Next(8) == 0 ? new[] { source, Mutator.Scatter(source, random) } : new[] { source };
            // Analyzers are the slow part: every third case, and every case whose check needs their errors.
            var compilation = Pipeline.Compile(sources);
            var outcome = Pipeline.Run(compilation, withAnalyzers: i % 3 == 0);
            var problems = Safety.Check(outcome);
            if (problems.Count > 0 && i % 3 != 0)
            {
                outcome = Pipeline.Run(compilation, withAnalyzers: true);
                problems = Safety.Check(outcome);
            }

            withheld += outcome.Files.Count == 0 ? 1 : 0;
            if (problems.Count > 0)
            {
                var saved = Save(sources);
                failures.Add($"case {i} (mutations {description}), saved as {saved}:\n  {string.Join("\n  ", problems)}");
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {Cases} cases broke a promise:\n{string.Join("\n\n", failures.Take(5))}");
        // Mutations must reach both outcomes, or the test proves less than it claims.
        Assert.InRange(withheld, 1, Cases - 1);
    }

    private static int HashCode(string text) => text.Aggregate(17, (hash, c) => unchecked((hash * 31) + c));

    private static string Save(string[] sources)
    {
        var text = string.Join("\n// ---- next file ----\n", sources);
        var name = "new-" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..12].ToLowerInvariant() + ".cs";
        var path = SourceTree.File(Path.Combine("tests", "DockerDsl.Robustness.Tests", "Regressions", name));
        File.WriteAllText(path, text);
        return name;
    }
}

/// <summary>Every case the fuzzer ever broke, kept as a regular test.</summary>
public class RegressionTests
{
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(SourceTree.File(Path.Combine("tests", "DockerDsl.Robustness.Tests", "Regressions")), "*.cs").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void ACaseThatOnceFailedStaysFixed(string name)
    {
        var text = File.ReadAllText(SourceTree.File(Path.Combine("tests", "DockerDsl.Robustness.Tests", "Regressions", name)));
        var sources = text.Split("\n// ---- next file ----\n");
        var problems = Safety.Check(Pipeline.Run(Pipeline.Compile(sources)));
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}

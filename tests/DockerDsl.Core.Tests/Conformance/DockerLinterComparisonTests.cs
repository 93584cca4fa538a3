using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using DockerDsl.Core.Lint;
using DockerDsl.Core.Text;
using Xunit.Abstractions;

namespace DockerDsl.Core.Tests.Conformance;

/// <summary>
/// Runs dockerlinter (hadolint's rules, ported to JavaScript) on every real Dockerfile of the corpus and
/// compares it with DockerDsl rule by rule, per instruction: every instruction only one of them reports
/// must fall in a category documented in docs/rules/README.md ("Compared with dockerlinter on real
/// Dockerfiles"), so a new disagreement fails here with its file, line and rule.
/// </summary>
public class DockerLinterComparisonTests
{
    private static readonly HashSet<string> ComparedRules = new(DockerLinter.Modelled.Values, StringComparer.Ordinal);

    private readonly ITestOutputHelper _output;

    public DockerLinterComparisonTests(ITestOutputHelper output) => _output = output;

    [LinterFact]
    public async Task Every_disagreement_with_dockerlinter_on_the_real_files_is_a_documented_one()
    {
        var files = Directory.GetFiles(Corpus.Path("real")).Order(StringComparer.Ordinal).ToList();
        var comparisons = new ConcurrentBag<FileComparison>();
        await Parallel.ForEachAsync(files, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(2, Environment.ProcessorCount) }, async (path, _) =>
            comparisons.Add(await CompareAsync(path)));

        var failed = comparisons.Where(c => c.Failure is not null).OrderBy(c => c.File, StringComparer.Ordinal).ToList();
        var unknownFailures = failed.Where(c => !DockerLinterCategories.DockerlinterFails.Any(k => c.Failure!.Contains(k, StringComparison.Ordinal))).ToList();

        var undocumented = new List<DockerLinterDisagreement>();
        var used = new HashSet<string>(StringComparer.Ordinal);
        var counts = ComparedRules.ToDictionary(r => r, _ => new int[3], StringComparer.Ordinal);
        foreach (var comparison in comparisons.Where(c => c.Failure is null))
        {
            foreach (var rule in ComparedRules)
            {
                counts[rule][0] += comparison.Agreed.Count(a => a.Rule == rule);
            }

            foreach (var disagreement in comparison.Disagreements)
            {
                counts[disagreement.Rule][disagreement.Side == Side.OursOnly ? 1 : 2]++;
                var categories = DockerLinterCategories.Explaining(disagreement).Select(c => c.Name).ToList();
                if (categories.Count == 0)
                {
                    undocumented.Add(disagreement);
                }

                used.UnionWith(categories);
            }
        }

        var table = new StringBuilder("| Rule | Both | DockerDsl only | dockerlinter only |\n|---|---|---|---|\n");
        foreach (var (rule, count) in counts.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            table.Append($"| {rule} | {count[0]} | {count[1]} | {count[2]} |\n");
        }

        _output.WriteLine($"{files.Count - failed.Count} files compared; dockerlinter failed on {failed.Count}: {string.Join(", ", failed.Select(f => f.File))}");
        _output.WriteLine(table.ToString());

        Assert.True(files.Count == 88, $"Expected the 88 real files of the corpus, found {files.Count}.");
        Assert.True(unknownFailures.Count == 0, "dockerlinter failed on these files for an undocumented reason:\n" + string.Join("\n", unknownFailures.Select(f => f.File + ": " + f.Failure)));
        Assert.True(undocumented.Count == 0, "Undocumented disagreements with dockerlinter (document them in docs/rules/README.md and add a category, or fix the rule):\n"
            + string.Join("\n", undocumented.OrderBy(d => d.File, StringComparer.Ordinal).ThenBy(d => d.Line)));

        var unused = DockerLinterCategories.All.Where(c => !used.Contains(c.Name)).Select(c => c.Name).ToList();
        Assert.True(unused.Count == 0, "Documented categories that no real file needs any more (remove them from the docs and the test): " + string.Join(", ", unused));

        // The figures in the docs are the ones measured here.
        var readme = File.ReadAllText(SourceTree.File("docs", "rules", "README.md")).Replace("\r\n", "\n");
        Assert.True(readme.Contains(table.ToString(), StringComparison.Ordinal), "docs/rules/README.md should show this table:\n" + table);
    }

    [Fact]
    public void Every_category_is_documented()
    {
        var readme = File.ReadAllText(SourceTree.File("docs", "rules", "README.md"));
        var section = readme.IndexOf("## Compared with dockerlinter on real Dockerfiles", StringComparison.Ordinal);
        Assert.True(section >= 0, "docs/rules/README.md has no section 'Compared with dockerlinter on real Dockerfiles'.");

        var missing = DockerLinterCategories.All.Select(c => c.Name).Where(name => !readme.Substring(section).Contains("`" + name + "`", StringComparison.Ordinal)).ToList();
        Assert.True(missing.Count == 0, "Categories not documented in docs/rules/README.md: " + string.Join(", ", missing));
    }

    private static async Task<FileComparison> CompareAsync(string path)
    {
        var file = Path.GetFileName(path);
        var text = File.ReadAllText(path);
        var document = DockerfileReader.Read(file, text);
        // Only dockerlinter's own rules are compared, so shellcheck's findings are not needed.
        var run = await DockerLinter.RunFileAsync(path, shellCheck: false);
        if (run.Failed)
        {
            return new FileComparison(file, run.Failure, Array.Empty<(string, int)>(), Array.Empty<DockerLinterDisagreement>());
        }

        var ours = DockerfileLinter.Lint(file, text, LintOptions.Default).Findings
            .Where(f => ComparedRules.Contains(f.Rule.Id))
            .GroupBy(f => (Rule: f.Rule.Id, Line: InstructionStart(document, f.Source.Line)))
            .ToDictionary(g => g.Key, g => g.First().Message);
        var theirs = run.Findings
            .Where(f => DockerLinter.Modelled.ContainsKey(f.Code))
            .GroupBy(f => (Rule: DockerLinter.Modelled[f.Code], Line: InstructionStart(document, f.Line)))
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(f => f.Code).Distinct().ToList());

        var agreed = ours.Keys.Where(theirs.ContainsKey).ToList();
        var disagreements = ours.Where(o => !theirs.ContainsKey(o.Key))
            .Select(o => new DockerLinterDisagreement(file, o.Key.Rule, o.Key.Line, Side.OursOnly, document, Array.Empty<string>(), o.Value))
            .Concat(theirs.Where(t => !ours.ContainsKey(t.Key))
                .Select(t => new DockerLinterDisagreement(file, t.Key.Rule, t.Key.Line, Side.TheirsOnly, document, t.Value, null)))
            .ToList();
        return new FileComparison(file, null, agreed, disagreements);
    }

    /// <summary>The first line of the instruction that holds <paramref name="line"/> (dockerlinter may name a line inside it), or of the one before it.</summary>
    private static int InstructionStart(DockerfileDocument document, int line) =>
        document.InstructionAt(line)?.StartLine ?? document.Instructions.LastOrDefault(i => i.StartLine <= line)?.StartLine ?? line;

    private sealed record FileComparison(string File, string? Failure, IReadOnlyList<(string Rule, int Line)> Agreed, IReadOnlyList<DockerLinterDisagreement> Disagreements);
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using DockerDsl.Core.Diagnostics;
using DockerDsl.Core.Lint;

namespace DockerDsl.Core.Tests;

/// <summary>
/// Every rule that applies to Dockerfile text has a page with a Dockerfile example, and the example is
/// true: <c>dockerdsl lint</c> finds the rule in the bad Dockerfile and not in the fixed one. The BuildKit
/// checks page names every check and the rule for it.
/// </summary>
public class DocumentationTests
{
    public static IEnumerable<object[]> DockerfileRules() =>
        RuleCatalog.All.Where(r => r.AppliesToDockerfiles).Select(r => new object[] { r.Id });

    [Theory]
    [MemberData(nameof(DockerfileRules))]
    public void Every_rule_on_Dockerfiles_has_a_page_with_a_Dockerfile_example(string id)
    {
        var rule = RuleCatalog.Find(id)!;
        var page = SourceTree.File("docs", "rules", id + ".md");
        Assert.True(File.Exists(page), $"{page} is missing");
        var text = File.ReadAllText(page);
        Assert.StartsWith($"# {id}: {rule.Title}", text);
        Assert.Contains("```dockerfile", text);
        Assert.Contains($"[{id}]({id}.md)", File.ReadAllText(SourceTree.File("docs", "rules", "README.md")));
    }

    [Theory]
    [MemberData(nameof(DockerfileRules))]
    public void The_Dockerfile_examples_are_true(string id)
    {
        var text = File.ReadAllText(SourceTree.File("docs", "rules", id + ".md"));

        // A rule on what the lock file says (DDSL046) shows the lock its examples are linted with.
        var match = Regex.Match(text, "## Lock file\\s+(?:(?!\\n## ).)*?```json\\n(.*?)\\n```", RegexOptions.Singleline);
        var lockFile = match.Success ? DockerDsl.Core.Lock.LockFileReader.Read(match.Groups[1].Value + "\n") : null;
        var bad = Lint(Example(text, "Bad"), lockFile);
        var good = Lint(Example(text, "Fixed"), lockFile);

        Assert.Null(bad.Error);
        Assert.Contains(bad.Findings, f => f.Rule.Id == id);
        Assert.Null(good.Error);
        Assert.DoesNotContain(good.Findings, f => f.Rule.Id == id);
    }

    [Theory]
    [MemberData(nameof(DockerfileRules))]
    public void Every_page_tells_how_to_switch_the_rule_off_in_a_Dockerfile(string id)
    {
        var text = File.ReadAllText(SourceTree.File("docs", "rules", id + ".md"));

        Assert.Contains($"# dockerdsl ignore={id}", text);
        if (RuleCatalog.Find(id)!.BuildKitRule is { } check)
        {
            Assert.Contains($"# check=skip={check}", text);
        }
    }

    [Fact]
    public void The_BuildKit_checks_page_maps_all_22_checks()
    {
        var rows = Regex.Matches(File.ReadAllText(SourceTree.File("docs", "rules", "buildkit-checks.md")), @"(?m)^\| (\w+) \| (DDSL\d{3}|-) \|")
            .Cast<Match>()
            .ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);

        Assert.Equal(22, rows.Count);
        foreach (var rule in RuleCatalog.All.Where(r => r.BuildKitRule is not null))
        {
            Assert.Equal(rule.Id, rows[rule.BuildKitRule!]);
        }

    }

    private static LintResult Lint((string Dockerfile, string? Dockerignore) example, DockerDsl.Core.Lock.LockFile? lockFile = null) =>
        DockerfileLinter.Lint("Dockerfile", example.Dockerfile, new LintOptions { Dockerignore = example.Dockerignore, Lock = lockFile });

    // The ```dockerfile block of "## Bad" ("## Bad Dockerfile" on pages that show C# first), and the ```dockerignore block after it, if any.
    private static (string Dockerfile, string? Dockerignore) Example(string page, string heading)
    {
        var section = Regex.Match(page, $@"(?ms)^## {heading}(?: Dockerfile)?\n(?:(?!^## ).)*?```dockerfile\n(.*?)\n```(?:(?:(?!^## ).)*?```dockerignore\n(.*?)\n```)?");
        Assert.True(section.Success, $"no {heading} Dockerfile example");
        return (section.Groups[1].Value + "\n", section.Groups[2].Success ? section.Groups[2].Value + "\n" : null);
    }
}

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using DockerDsl.Analyzers.Tests.Infrastructure;
using DockerDsl.Core.Diagnostics;
using Microsoft.CodeAnalysis;

namespace DockerDsl.Analyzers.Tests;

/// <summary>Every descriptor has a page, a help link to it, and a line in the release tracking files; every page's examples are true.</summary>
public class DocumentationTests
{
    public static IEnumerable<object[]> Descriptors() =>
        TestReferences.AllAnalyzers().SelectMany(a => a.SupportedDiagnostics).Select(d => new object[] { d.Id });

    [Fact]
    public void Ids_are_unique_and_use_the_prefix()
    {
        var ids = TestReferences.AllAnalyzers().SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(ids, id => Assert.Matches("^DDSL[0-9]{3}$", id));
        Assert.Equal(51, ids.Count);
    }

    [Theory]
    [MemberData(nameof(Descriptors))]
    public void Every_descriptor_has_a_page_and_a_help_link_to_it(string id)
    {
        var descriptor = Descriptor(id);
        Assert.Equal(RuleIdentifiers.RulesDocumentationUrl + id + ".md", descriptor.HelpLinkUri);
        var page = SourceTree.File("docs", "rules", id + ".md");
        Assert.True(File.Exists(page), $"{page} is missing");
        var text = File.ReadAllText(page);
        Assert.StartsWith($"# {id}: {descriptor.Title}", text);
        Assert.Contains("## Equivalent rules", text);
        Assert.Contains($"[{id}]({id}.md)", File.ReadAllText(SourceTree.File("docs", "rules", "README.md")));
    }

    [Theory]
    [MemberData(nameof(Descriptors))]
    public void Every_descriptor_is_in_release_tracking_with_its_severity(string id)
    {
        var descriptor = Descriptor(id);
        var releases = File.ReadAllText(SourceTree.File("analyzers", "DockerDsl.Analyzers", "AnalyzerReleases.Unshipped.md"))
            + File.ReadAllText(SourceTree.File("analyzers", "DockerDsl.Analyzers", "AnalyzerReleases.Shipped.md"));
        Assert.Matches($@"(?m)^{id} \| {descriptor.Category} \| {descriptor.DefaultSeverity} \|", releases);
    }

    public static IEnumerable<object[]> Pages() =>
        Directory.GetFiles(SourceTree.File("docs", "rules"), "DDSL*.md").Select(p => new object[] { Path.GetFileNameWithoutExtension(p) }).OrderBy(p => (string)p[0]);

    /// <summary>The Code fix cell of a rule's page and of its line in docs/rules/README.md is "no" (or empty) exactly when no code fix is registered for it.</summary>
    [Theory]
    [MemberData(nameof(Pages))]
    public void The_code_fix_column_says_whether_a_code_fix_is_offered(string id)
    {
        var fixable = typeof(DockerDsl.CodeFixes.AddNonRootUserCodeFix).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(Microsoft.CodeAnalysis.CodeFixes.CodeFixProvider).IsAssignableFrom(t))
            .SelectMany(t => ((Microsoft.CodeAnalysis.CodeFixes.CodeFixProvider)Activator.CreateInstance(t)!).FixableDiagnosticIds)
            .ToHashSet();
        var page = Regex.Match(File.ReadAllText(SourceTree.File("docs", "rules", id + ".md")), @"\| Severity \| Category \| Code fix \|\n\|---\|---\|---\|\n\|[^|\n]*\|[^|\n]*\|([^|\n]*)\|");
        var index = Regex.Match(File.ReadAllText(SourceTree.File("docs", "rules", "README.md")), $@"(?m)^\| \[{id}\]\({id}\.md\) \|[^|\n]*\|[^|\n]*\|([^|\n]*)\|");
        Assert.True(page.Success, $"{id}.md has no Severity/Category/Code fix table");
        Assert.True(index.Success, $"docs/rules/README.md has no line for {id}");
        static bool Offered(string cell) => cell.Trim() is not ("" or "no");
        Assert.Equal(fixable.Contains(id), Offered(page.Groups[1].Value));
        Assert.Equal(fixable.Contains(id), Offered(index.Groups[1].Value));
    }

    /// <summary>A page's bad example gets its diagnostic; its fixed example compiles and does not.</summary>
    [Theory]
    [MemberData(nameof(Descriptors))]
    public async Task The_examples_on_every_page_are_true(string id)
    {
        var text = File.ReadAllText(SourceTree.File("docs", "rules", id + ".md"));
        var bad = Example(text, "Bad");
        var good = Example(text, "Fixed");
        // DDSL112 is only reported in a project that sets DockerDslLocked=true.
        var properties = id == RuleIdentifiers.ImageNotLocked ? ImmutableDictionary<string, string>.Empty.Add("DockerDslLocked", "true") : null;
        // A rule on what the lock file says (DDSL046) shows the lock its examples are built with.
        var lockFile = LockExample(text);
        Assert.Contains(id, await DiagnosticIdsAsync(bad, properties, lockFile));
        var fixedIds = await DiagnosticIdsAsync(good, properties, lockFile);
        Assert.DoesNotContain(id, fixedIds);
        Assert.DoesNotContain(fixedIds, i => i.StartsWith("DDSL1", StringComparison.Ordinal) || i.StartsWith("CS", StringComparison.Ordinal));
    }

    private static DiagnosticDescriptor Descriptor(string id) =>
        TestReferences.AllAnalyzers().SelectMany(a => a.SupportedDiagnostics).First(d => d.Id == id);

    private static string Example(string page, string heading)
    {
        var match = Regex.Match(page, $"## {heading}\\s+```csharp\\n(.*?)\\n```", RegexOptions.Singleline);
        Assert.True(match.Success, $"no {heading} example");
        return match.Groups[1].Value;
    }

    private static async Task<ImmutableArray<string>> DiagnosticIdsAsync(string source, ImmutableDictionary<string, string>? properties = null, string? lockFile = null) =>
        (await DeclarationRunner.DiagnosticsAsync(source, properties, lockFile)).Select(d => d.Id).ToImmutableArray();

    /// <summary>The ```json block of a page's "## Lock file" section, or null.</summary>
    internal static string? LockExample(string page)
    {
        var match = Regex.Match(page, @"## Lock file\s+(?:(?!\n## ).)*?```json\n(.*?)\n```", RegexOptions.Singleline);
        return match.Success ? match.Groups[1].Value + "\n" : null;
    }
}

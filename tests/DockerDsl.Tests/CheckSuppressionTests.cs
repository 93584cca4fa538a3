using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using DockerDsl.Core.Diagnostics;
using DockerDsl.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace DockerDsl.Tests;

/// <summary>One suppression, both linters: a rule the project turns off gets its BuildKit check skipped in the Dockerfile.</summary>
public class CheckSuppressionTests
{
    // DDSL005 (JSONArgsRecommended) and DDSL007 (MultipleInstructionsDisallowed) would fire on this declaration.
    private const string Declaration = """
        [Dockerfile("Dockerfile"{0})]
        public partial class D
        {
            [Stage(From = "alpine:3.20")]
            [CmdShell("sleep 1")]
            public partial class S;
        }
        """;

    private static string? Dockerfile(string check, System.Func<CSharpCompilation, CSharpCompilation> configure)
    {
        var source = GeneratedOutput.Usings + Declaration.Replace("{0}", check);
        var compilation = configure(GeneratorHarness.Compile(source));
        return GeneratorHarness.DockerfileText(GeneratorHarness.Driver().RunGenerators(compilation).GetRunResult());
    }

    private static CSharpCompilation WithTreeSeverities(CSharpCompilation compilation, Dictionary<string, ReportDiagnostic> tree, Dictionary<string, ReportDiagnostic>? global = null) =>
        compilation.WithOptions(compilation.Options.WithSyntaxTreeOptionsProvider(new Severities(tree, global ?? new())));

    [Fact]
    public void An_editorconfig_severity_of_none_skips_the_matching_BuildKit_check()
    {
        var text = Dockerfile(string.Empty, c => WithTreeSeverities(c, new() { ["DDSL005"] = ReportDiagnostic.Suppress }));

        Assert.Contains("\n# check=skip=JSONArgsRecommended\n", "\n" + text);
    }

    [Fact]
    public void NoWarn_and_a_global_config_skip_it_too_and_the_file_wins_over_them()
    {
        Assert.Contains("# check=skip=JSONArgsRecommended\n", Dockerfile(string.Empty, c => c.WithOptions(c.Options.WithSpecificDiagnosticOptions(ImmutableDictionary<string, ReportDiagnostic>.Empty.Add("DDSL005", ReportDiagnostic.Suppress)))));
        Assert.Contains("# check=skip=JSONArgsRecommended\n", Dockerfile(string.Empty, c => WithTreeSeverities(c, new(), new() { ["DDSL005"] = ReportDiagnostic.Suppress })));
        Assert.DoesNotContain("# check=", Dockerfile(string.Empty, c => WithTreeSeverities(c, new() { ["DDSL005"] = ReportDiagnostic.Warn }, new() { ["DDSL005"] = ReportDiagnostic.Suppress })));
    }

    [Fact]
    public void A_lowered_severity_or_a_rule_without_a_BuildKit_check_skips_nothing()
    {
        Assert.DoesNotContain("# check=", Dockerfile(string.Empty, c => WithTreeSeverities(c, new() { ["DDSL005"] = ReportDiagnostic.Info, ["DDSL002"] = ReportDiagnostic.Suppress })));
        Assert.DoesNotContain("# check=", Dockerfile(string.Empty, c => c));
    }

    [Fact]
    public void The_skips_join_the_declared_check_directive()
    {
        var text = Dockerfile(", Check = \"skip=StageNameCasing;error=true\"", c => WithTreeSeverities(c, new() { ["DDSL005"] = ReportDiagnostic.Suppress, ["DDSL007"] = ReportDiagnostic.Suppress }));

        Assert.Contains("# check=skip=StageNameCasing,JSONArgsRecommended,MultipleInstructionsDisallowed;error=true\n", text);
    }

    [Theory]
    [InlineData(null, new[] { "A" }, "skip=A")]
    [InlineData("error=true", new[] { "A", "B" }, "skip=A,B;error=true")]
    [InlineData("skip=B;experimental=all", new[] { "A", "B" }, "skip=B,A;experimental=all")]
    [InlineData("skip=all", new[] { "A" }, "skip=all")]
    [InlineData("skip=a", new[] { "A" }, "skip=a")]
    [InlineData("error=true", new string[0], "error=true")]
    public void The_directive_keeps_what_it_has_and_adds_each_check_once(string? check, string[] skips, string expected) =>
        Assert.Equal(expected, CheckDirective.WithSkips(check, skips));

    [Fact]
    public void The_documented_mapping_is_the_catalogues()
    {
        // Every rule the analyzers run on declarations that has a BuildKit check, as docs/rules/buildkit-checks.md lists it.
        var expected = new List<string>();
        foreach (var rule in RuleCatalog.All)
        {
            if (rule.BuildKitRule is not null && rule.DeclarationMessage is not null)
            {
                expected.Add($"| [{rule.Id}]({rule.Id}.md) | {rule.BuildKitRule} |");
            }
        }

        var page = System.IO.File.ReadAllText(SourceTree.File("docs", "rules", "buildkit-checks.md")).Replace("\r\n", "\n");
        var section = page.Substring(page.IndexOf("## One suppression for both linters", System.StringComparison.Ordinal));
        section = section.Substring(0, section.IndexOf("\n## ", 5, System.StringComparison.Ordinal));
        var rows = System.Linq.Enumerable.ToList(System.Linq.Enumerable.Where(section.Split('\n'), l => l.StartsWith("| [DDSL", System.StringComparison.Ordinal)));
        Assert.Equal(System.Linq.Enumerable.OrderBy(expected, r => r, System.StringComparer.Ordinal), rows);
        Assert.NotEmpty(rows);
    }

    private sealed class Severities(Dictionary<string, ReportDiagnostic> tree, Dictionary<string, ReportDiagnostic> global) : SyntaxTreeOptionsProvider
    {
        public override GeneratedKind IsGenerated(SyntaxTree tree, CancellationToken cancellationToken) => GeneratedKind.Unknown;

        public override bool TryGetDiagnosticValue(SyntaxTree syntaxTree, string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity) =>
            tree.TryGetValue(diagnosticId, out severity);

        public override bool TryGetGlobalDiagnosticValue(string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity) =>
            global.TryGetValue(diagnosticId, out severity);
    }
}

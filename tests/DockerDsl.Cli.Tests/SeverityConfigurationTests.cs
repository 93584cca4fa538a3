using System.Collections.Generic;
using System.Linq;
using DockerDsl.Cli.EditorConfig;
using DockerDsl.Cli.Tests.Infrastructure;
using DockerDsl.Core.Diagnostics;

namespace DockerDsl.Cli.Tests;

/// <summary>
/// Rule severities from .editorconfig files, against Roslyn's rules: which files and sections apply, which key
/// wins, and what each word means. The harness's own folder holds an .editorconfig with <c>root = true</c>.
/// </summary>
public sealed class SeverityConfigurationTests
{
    // Each case: a name, the files ("path|text"), the Dockerfile, and "ID=severity" expectations (off = none).
    public static IEnumerable<object[]> Cases()
    {
        yield return Case("no .editorconfig: the catalogue's defaults", new string[0], "Dockerfile", "DDSL001=warning DDSL021=info DDSL041=off");
        yield return Case("a rule's own key", new[] { ".editorconfig|root = true\n[Dockerfile]\ndotnet_diagnostic.DDSL001.severity = error\n" }, "Dockerfile", "DDSL001=error DDSL002=warning");
        yield return Case("none turns a rule off", new[] { ".editorconfig|root = true\n[*]\ndotnet_diagnostic.DDSL001.severity = none\n" }, "Dockerfile", "DDSL001=off");
        yield return Case("silent is hidden", new[] { ".editorconfig|root = true\n[*]\ndotnet_diagnostic.DDSL001.severity = silent\n" }, "Dockerfile", "DDSL001=hidden");
        yield return Case("refactoring is silent", new[] { ".editorconfig|root = true\n[*]\ndotnet_diagnostic.DDSL001.severity = refactoring\n" }, "Dockerfile", "DDSL001=hidden");
        yield return Case("suggestion is info", new[] { ".editorconfig|root = true\n[*]\ndotnet_diagnostic.DDSL001.severity = suggestion\n" }, "Dockerfile", "DDSL001=info");
        yield return Case("warning", new[] { ".editorconfig|root = true\n[*]\ndotnet_diagnostic.DDSL021.severity = warning\n" }, "Dockerfile", "DDSL021=warning");
        yield return Case("default is the catalogue's", new[] { ".editorconfig|root = true\n[*]\ndotnet_diagnostic.DDSL021.severity = default\n" }, "Dockerfile", "DDSL021=info");
        yield return Case("keys and values in any case", new[] { ".editorconfig|root = true\n[*]\nDotNet_Diagnostic.ddsl001.Severity = ERROR\n" }, "Dockerfile", "DDSL001=error");
        yield return Case("a trailing comment and ':'", new[] { ".editorconfig|root = true\n# comment\n; comment\n[*] # all\ndotnet_diagnostic.DDSL001.severity: error # strict\n" }, "Dockerfile", "DDSL001=error");
        yield return Case("a later section wins", new[] { ".editorconfig|root = true\n[*]\ndotnet_diagnostic.DDSL001.severity = error\n[Dockerfile]\ndotnet_diagnostic.DDSL001.severity = none\n" }, "Dockerfile", "DDSL001=off");
        yield return Case("a later section wins, either way", new[] { ".editorconfig|root = true\n[Dockerfile]\ndotnet_diagnostic.DDSL001.severity = none\n[*]\ndotnet_diagnostic.DDSL001.severity = error\n" }, "Dockerfile", "DDSL001=error");
        yield return Case("a section that does not match", new[] { ".editorconfig|root = true\n[*.cs]\ndotnet_diagnostic.DDSL001.severity = error\n" }, "Dockerfile", "DDSL001=warning");
        yield return Case("a section with a path", new[] { ".editorconfig|root = true\n[api/*]\ndotnet_diagnostic.DDSL001.severity = error\n" }, "api/Dockerfile", "DDSL001=error");
        yield return Case("a section with a path elsewhere", new[] { ".editorconfig|root = true\n[api/*]\ndotnet_diagnostic.DDSL001.severity = error\n" }, "web/Dockerfile", "DDSL001=warning");
        yield return Case("a section path is relative to its file", new[] { "a/.editorconfig|[b/*.Dockerfile]\ndotnet_diagnostic.DDSL001.severity = error\n" }, "a/b/web.Dockerfile", "DDSL001=error");
        yield return Case("a malformed section applies to nothing", new[] { ".editorconfig|root = true\n[{Dockerfile]\ndotnet_diagnostic.DDSL001.severity = error\n" }, "Dockerfile", "DDSL001=warning");
        yield return Case("properties before the first section apply to nothing", new[] { ".editorconfig|root = true\ndotnet_diagnostic.DDSL001.severity = error\n" }, "Dockerfile", "DDSL001=warning");
        yield return Case("the closer file wins", new[] { ".editorconfig|root = true\n[*]\ndotnet_diagnostic.DDSL001.severity = error\n", "sub/.editorconfig|[*]\ndotnet_diagnostic.DDSL001.severity = suggestion\n" }, "sub/Dockerfile", "DDSL001=info");
        yield return Case("a farther file still applies", new[] { ".editorconfig|root = true\n[*]\ndotnet_diagnostic.DDSL001.severity = error\n", "sub/.editorconfig|[*]\ndotnet_diagnostic.DDSL002.severity = none\n" }, "sub/deep/Dockerfile", "DDSL001=error DDSL002=off");
        yield return Case("root = true stops the walk", new[] { "outer/.editorconfig|[*]\ndotnet_diagnostic.DDSL001.severity = error\n", "outer/inner/.editorconfig|root = true\n" }, "outer/inner/Dockerfile", "DDSL001=warning");
        yield return Case("root = true only counts before a section", new[] { "outer/.editorconfig|[*]\ndotnet_diagnostic.DDSL001.severity = error\n", "outer/inner/.editorconfig|[*]\nroot = true\n" }, "outer/inner/Dockerfile", "DDSL001=error");
        yield return Case("a category", new[] { ".editorconfig|root = true\n[*]\ndotnet_analyzer_diagnostic.category-Security.severity = error\n" }, "Dockerfile", "DDSL001=error DDSL006=error DDSL002=warning");
        yield return Case("a category in any case", new[] { ".editorconfig|root = true\n[*]\ndotnet_analyzer_diagnostic.category-security.severity = none\n" }, "Dockerfile", "DDSL001=off DDSL002=warning");
        yield return Case("every rule", new[] { ".editorconfig|root = true\n[*]\ndotnet_analyzer_diagnostic.severity = error\n" }, "Dockerfile", "DDSL001=error DDSL021=error");
        yield return Case("the rule's key beats its category", new[] { ".editorconfig|root = true\n[*]\ndotnet_analyzer_diagnostic.category-Security.severity = none\ndotnet_diagnostic.DDSL001.severity = error\n" }, "Dockerfile", "DDSL001=error DDSL006=off");
        yield return Case("the rule's key beats a category in a closer file", new[] { ".editorconfig|root = true\n[*]\ndotnet_diagnostic.DDSL001.severity = error\n", "sub/.editorconfig|[*]\ndotnet_analyzer_diagnostic.category-Security.severity = none\n" }, "sub/Dockerfile", "DDSL001=error DDSL006=off");
        yield return Case("a category beats every rule", new[] { ".editorconfig|root = true\n[*]\ndotnet_analyzer_diagnostic.severity = none\ndotnet_analyzer_diagnostic.category-Security.severity = suggestion\n" }, "Dockerfile", "DDSL001=info DDSL002=off");
        yield return Case("the rule's default blocks its category", new[] { ".editorconfig|root = true\n[*]\ndotnet_analyzer_diagnostic.category-Security.severity = none\ndotnet_diagnostic.DDSL001.severity = default\n" }, "Dockerfile", "DDSL001=warning DDSL006=off");
        yield return Case("a category's default blocks every rule", new[] { ".editorconfig|root = true\n[*]\ndotnet_analyzer_diagnostic.severity = error\ndotnet_analyzer_diagnostic.category-Security.severity = default\n" }, "Dockerfile", "DDSL001=warning DDSL002=error");
        yield return Case("a rule off by default stays off under bulk keys", new[] { ".editorconfig|root = true\n[*]\ndotnet_analyzer_diagnostic.severity = error\ndotnet_analyzer_diagnostic.category-Syntax.severity = error\n" }, "Dockerfile", "DDSL041=off DDSL031=error");
        yield return Case("a rule off by default is turned on by its key", new[] { ".editorconfig|root = true\n[*]\ndotnet_diagnostic.DDSL041.severity = suggestion\n" }, "Dockerfile", "DDSL041=info");
        yield return Case("a rule off by default is off at default", new[] { ".editorconfig|root = true\n[*]\ndotnet_diagnostic.DDSL041.severity = default\n" }, "Dockerfile", "DDSL041=off");
        yield return Case("a value that is no severity is ignored", new[] { ".editorconfig|root = true\n[*]\ndotnet_diagnostic.DDSL001.severity = loud\ndotnet_analyzer_diagnostic.category-Security.severity = error\n" }, "Dockerfile", "DDSL001=error");
        yield return Case("other keys are ignored", new[] { ".editorconfig|root = true\n[*]\nindent_style = space\ndotnet_diagnostic.CA1000.severity = error\n" }, "Dockerfile", "DDSL001=warning");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Severities_resolve_as_in_Roslyn(string name, string[] files, string dockerfile, string expectations)
    {
        using var cli = new CliHarness();
        foreach (var file in files)
        {
            var separator = file.IndexOf('|');
            cli.Write(file[..separator], file[(separator + 1)..]);
        }

        var path = cli.Write(dockerfile, "FROM alpine:3.20\n");
        var severities = new SeverityConfiguration().Resolve(path).Severities;
        foreach (var expectation in expectations.Split(' '))
        {
            var (id, expected) = (expectation.Split('=')[0], expectation.Split('=')[1]);
            var actual = severities[id] is { } severity ? severity.ToString().ToLowerInvariant() : "off";
            Assert.True(expected == actual, $"{name}: {id} is {actual}, expected {expected}");
        }
    }

    [Fact]
    public void Every_Dockerfile_rule_is_named_so_the_linter_needs_no_defaults()
    {
        using var cli = new CliHarness();
        var path = cli.Write("Dockerfile", "FROM alpine:3.20\n");
        var severities = new SeverityConfiguration().Resolve(path).Severities;
        Assert.Equal(
            RuleCatalog.All.Where(rule => rule.AppliesToDockerfiles).Select(rule => rule.Id).OrderBy(id => id, System.StringComparer.Ordinal),
            severities.Keys);
    }

    [Fact]
    public void The_linter_gets_each_files_severities_and_a_bad_value_is_warned_about_once()
    {
        using var cli = new CliHarness();
        cli.Write(".editorconfig", "root = true\n[*]\ndotnet_diagnostic.DDSL001.severity = loud\n[api/**]\ndotnet_diagnostic.DDSL004.severity = error\n");
        cli.Write("Dockerfile", "FROM alpine:3.20\n");
        cli.Write("api/Dockerfile", "FROM alpine:3.20\n");
        var result = cli.Run("lint");
        Assert.True(result.ExitCode == 0, result.ToString());
        var calls = cli.Linter.Calls.ToDictionary(call => call.Path, call => call.Options.Severities);
        Assert.Equal(RuleSeverity.Error, calls["api/Dockerfile"]["DDSL004"]);
        Assert.Equal(RuleSeverity.Warning, calls["Dockerfile"]["DDSL004"]);
        Assert.Equal(
            ".editorconfig:3: warning: 'loud' is not a severity for dotnet_diagnostic.DDSL001.severity (none, silent, suggestion, warning, error or default)",
            Assert.Single(result.ErrorLines, line => line.Contains("warning:")));
    }

    private static object[] Case(string name, string[] files, string dockerfile, string expectations) => new object[] { name, files, dockerfile, expectations };
}

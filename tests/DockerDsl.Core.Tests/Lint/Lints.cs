using System.Collections.Generic;
using System.Linq;
using DockerDsl.Core.Lint;

namespace DockerDsl.Core.Tests.Lint;

/// <summary>Lints Dockerfile text the way the rule tests need: the findings of one rule, as lines or messages.</summary>
internal static class Lints
{
    public static LintResult Of(string text, LintOptions? options = null) =>
        DockerfileLinter.Lint("Dockerfile", text, options ?? LintOptions.Default);

    /// <summary>The lines where <paramref name="id"/> is found, in order.</summary>
    public static int[] Lines(string id, string text, LintOptions? options = null) =>
        Found(id, text, options).Select(f => f.Source.Line).ToArray();

    /// <summary>The messages <paramref name="id"/> reports, in order.</summary>
    public static string[] Messages(string id, string text, LintOptions? options = null) =>
        Found(id, text, options).Select(f => f.Message).ToArray();

    public static IEnumerable<LintFinding> Found(string id, string text, LintOptions? options = null)
    {
        var result = Of(text, options);
        Assert.Null(result.Error);
        return result.Findings.Where(f => f.Rule.Id == id);
    }

    public static LintOptions BuildArgs(params (string Name, string Value)[] args) =>
        new() { BuildArgs = args.ToDictionary(a => a.Name, a => a.Value) };
}

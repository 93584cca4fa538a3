using System;
using System.Collections.Generic;
using System.Linq;
using DockerDsl.Core.Diagnostics;
using DockerDsl.Core.Lint;

namespace DockerDsl.Core.Tests.Conformance;

/// <summary>
/// Parity with BuildKit's build checks on BuildKit's own check tests (<c>buildkit-checks</c>, from
/// moby/buildkit frontend/dockerfile/dockerfile_check_test.go): linting a case as a plain build of the
/// default target finds exactly the warnings BuildKit's test expects, the same check (by
/// <see cref="RuleDescriptor.BuildKitRule"/>) on the same line, as many times; linting all stages finds
/// what <c>docker build --check</c> returns. Platform-dependent cases run their Unix variant (the folder's files).
/// </summary>
public class BuildKitCheckTests
{
    /// <summary>What the linter does where BuildKit's build of a case fails, and why.</summary>
    private enum BuildFailure
    {
        /// <summary>BuildKit refuses an instruction while reading: <see cref="LintResult.Error"/> names its line, and the checks made while reading still report.</summary>
        Read,

        /// <summary>The build fails while it runs (a file missing from the context): nothing the linter reads fails, and every warning is reported.</summary>
        Build,

        /// <summary><c>check=error=true</c> turns the warnings into the build's error: they are reported with error severity.</summary>
        Warnings,

        /// <summary>The build fails resolving a FROM's --platform with its arguments, which the linter does not evaluate; the warning that explains it is reported.</summary>
        Platform,
    }

    private static readonly Dictionary<string, BuildFailure> Failures = new()
    {
        // COPY and ADD of a Dockerfile the .dockerignore leaves out: "failed to calculate checksum ... not found" while building.
        ["003-testCopyIgnoredFiles-1"] = BuildFailure.Build,
        ["004-testCopyIgnoredFiles-2"] = BuildFailure.Build,
        ["005-testCopyIgnoredFiles-3"] = BuildFailure.Build,

        // "lint violation found for rules: FromAsCasing": error=true from the directive (018) or from BUILDKIT_DOCKERFILE_CHECK (019).
        ["018-testRuleCheckOption-6"] = BuildFailure.Warnings,
        ["019-testRuleCheckOption-7"] = BuildFailure.Warnings,

        // "unknown instruction: BADCMD" on line 4; StageNameCasing and MaintainerDeprecated were found before it.
        ["048-testWarningsBeforeError-1"] = BuildFailure.Read,

        // "empty platform value from expression $BULIDPLATFORM" and "failed to parse platform linux/${MYARCH}".
        ["055-testUndeclaredArg-7"] = BuildFailure.Platform,
        ["056-testUndeclaredArg-8"] = BuildFailure.Platform,
    };

    /// <summary>
    /// BuildKit reads every base image's config from the registry; these are the environments of the images
    /// the Unix cases build from (their configs set PATH alone). Without them the linter does not know what
    /// alpine defines, and reports no undefined variable in its stages (<see cref="Without_the_images_environment_the_linter_does_not_decide_on_their_variables"/>).
    /// </summary>
    private static readonly Dictionary<string, IReadOnlyList<string>> Images = new()
    {
        ["alpine"] = new[] { "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" },
        ["busybox"] = new[] { "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" },
    };

    public static IEnumerable<object[]> Cases() => BuildKitCheckCase.Names().Select(n => new object[] { n });

    public static IEnumerable<object[]> CasesWithAllStages() =>
        BuildKitCheckCase.Names().Where(n => BuildKitCheckCase.Load(n).AllStages is not null).Select(n => new object[] { n });

    [Fact]
    public void The_corpus_has_87_cases() => Assert.Equal(87, Cases().Count());

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_build_of_the_default_target_reports_what_BuildKit_reports(string name)
    {
        var check = BuildKitCheckCase.Load(name);

        var result = DockerfileLinter.Lint("Dockerfile", check.Dockerfile, check.Options(finalStageOnly: true, Images));

        AssertSame(check.Expected, BuildKitFindings(result), name);
        var failure = check.HasBuildError ? Failures[name] : (BuildFailure?)null;
        if (failure == BuildFailure.Read)
        {
            Assert.NotNull(result.Error);
            Assert.Equal(check.BuildErrorLine, result.Error!.Line);
        }
        else
        {
            Assert.Null(result.Error);
        }

        var severity = failure == BuildFailure.Warnings ? RuleSeverity.Error : RuleSeverity.Warning;
        Assert.All(result.Findings.Where(f => f.Rule.BuildKitRule is not null), f => Assert.Equal(severity, f.Severity));
    }

    [Theory]
    [MemberData(nameof(CasesWithAllStages))]
    public void Linting_all_stages_reports_what_docker_build_check_reports(string name)
    {
        var check = BuildKitCheckCase.Load(name);

        var result = DockerfileLinter.Lint("Dockerfile", check.Dockerfile, check.Options(finalStageOnly: false, Images));

        // The README: the lines of these warnings are not the instructions' lines in every case, so rule and count are compared.
        AssertSame(check.AllStages!.Select(w => (w.Rule, 0)).ToList(), BuildKitFindings(result).Select(w => (w.Rule, 0)).ToList(), name);
    }

    [Theory]
    [InlineData("064-testUnmatchedVars-4")]
    [InlineData("065-testUnmatchedVars-5")]
    [InlineData("066-testUnmatchedVars-6")]
    public void Without_the_images_environment_the_linter_does_not_decide_on_their_variables(string name)
    {
        var check = BuildKitCheckCase.Load(name);

        var result = DockerfileLinter.Lint("Dockerfile", check.Dockerfile, check.Options(finalStageOnly: true));

        AssertSame(check.Expected.Where(w => w.Rule != "UndefinedVar").ToList(), BuildKitFindings(result), name);
    }

    [Fact]
    public void Every_case_BuildKit_fails_has_a_reason_here() =>
        Assert.Equal(
            Cases().Select(c => (string)c[0]).Where(n => BuildKitCheckCase.Load(n).HasBuildError).Order(StringComparer.Ordinal),
            Failures.Keys.Order(StringComparer.Ordinal));

    private static List<(string Rule, int Line)> BuildKitFindings(LintResult result) =>
        result.Findings
            .Where(f => f.Rule.BuildKitRule is not null)
            .Select(f => (f.Rule.BuildKitRule!, f.Source.Line))
            .OrderBy(w => w.Item1, StringComparer.Ordinal).ThenBy(w => w.Item2)
            .ToList();

    private static void AssertSame(IReadOnlyList<(string Rule, int Line)> expected, IReadOnlyList<(string Rule, int Line)> actual, string name)
    {
        var missing = Minus(expected, actual);
        var extra = Minus(actual, expected);
        Assert.True(
            missing.Count == 0 && extra.Count == 0,
            $"{name}:\n  missing: {Describe(missing)}\n  extra:   {Describe(extra)}\n  expected: {Describe(expected)}\n  actual:   {Describe(actual)}");
    }

    private static List<(string Rule, int Line)> Minus(IEnumerable<(string Rule, int Line)> left, IEnumerable<(string Rule, int Line)> right)
    {
        var rest = left.ToList();
        foreach (var item in right)
        {
            rest.Remove(item);
        }

        return rest;
    }

    private static string Describe(IEnumerable<(string Rule, int Line)> warnings)
    {
        var text = string.Join(", ", warnings.Select(w => w.Line > 0 ? $"{w.Rule}@{w.Line}" : w.Rule));
        return text.Length == 0 ? "(none)" : text;
    }
}

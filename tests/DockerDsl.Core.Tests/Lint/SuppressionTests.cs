using System.Linq;
using DockerDsl.Core.Diagnostics;
using DockerDsl.Core.Lint;

namespace DockerDsl.Core.Tests.Lint;

/// <summary>
/// How findings are switched off and raised: BuildKit's <c># check=</c> directive and its
/// <c>BUILDKIT_DOCKERFILE_CHECK</c> build argument, per-instruction <c># check=skip=</c> comments, and
/// DockerDsl's <c># dockerdsl ignore=</c> for any rule.
/// </summary>
public class SuppressionTests
{
    // A shell-form CMD (DDSL005, BuildKit's JSONArgsRecommended) and a relative COPY without WORKDIR (DDSL024, no BuildKit check).
    private const string Body = "FROM scratch\nCOPY app app\nCMD app --serve\nENTRYPOINT app\n";

    [Fact]
    public void The_directive_skips_a_check_in_the_whole_file()
    {
        var result = Lints.Of("# check=skip=JSONArgsRecommended\n" + Body);

        Assert.DoesNotContain(result.Findings, f => f.Rule.Id == "DDSL005");
        Assert.Contains(result.Findings, f => f.Rule.Id == "DDSL024");
    }

    [Fact]
    public void Skip_all_skips_every_BuildKit_check_but_not_DockerDsls_own_rules()
    {
        var result = Lints.Of("# check=skip=all\n" + Body.Replace("FROM scratch", "from scratch"));

        Assert.DoesNotContain(result.Findings, f => f.Rule.BuildKitRule is not null);
        Assert.Contains(result.Findings, f => f.Rule.Id == "DDSL024");
    }

    [Fact]
    public void A_comment_before_an_instruction_skips_a_check_for_it_alone()
    {
        var text = "FROM scratch\n# check=skip=JSONArgsRecommended // the shell is the point here\nCMD app --serve\nENTRYPOINT app\n";

        Assert.Equal(new[] { 4 }, Lints.Lines("DDSL005", text));
    }

    [Fact]
    public void Skip_all_before_an_instruction_skips_every_BuildKit_check_for_it_alone()
    {
        var text = "FROM scratch\n# check=skip=all // local to the next instruction\nENV password 1\nENV token 2\n";

        Assert.Equal(new[] { 4 }, Lints.Lines("DDSL006", text));
        Assert.Equal(new[] { 4 }, Lints.Lines("DDSL037", text));
    }

    [Fact]
    public void The_build_argument_replaces_the_directive()
    {
        var text = "# check=skip=all\n" + Body;
        var options = Lints.BuildArgs((DockerfileLinter.CheckBuildArg, "skip=ConsistentInstructionCasing"));

        Assert.Equal(new[] { 4, 5 }, Lints.Lines("DDSL005", text, options));
        Assert.Empty(Lints.Lines("DDSL005", "# check=error=true\n" + Body, Lints.BuildArgs((DockerfileLinter.CheckBuildArg, "skip=all"))));
    }

    [Fact]
    public void Error_true_raises_BuildKit_checks_to_errors()
    {
        var findings = Lints.Of("# check=error=true\n" + Body).Findings;

        Assert.All(findings.Where(f => f.Rule.Id == "DDSL005"), f => Assert.Equal(RuleSeverity.Error, f.Severity));
        Assert.All(findings.Where(f => f.Rule.Id == "DDSL024"), f => Assert.Equal(RuleSeverity.Warning, f.Severity));
    }

    [Theory]
    [InlineData("experimental=InvalidDefinitionDescription")]
    [InlineData("experimental=all")]
    [InlineData("skip=JSONArgsRecommended;experimental=InvalidDefinitionDescription")]
    public void Experimental_checks_run_when_named(string check)
    {
        var text = $"# check={check}\n# the app\nFROM scratch AS app\n";

        Assert.Single(Lints.Lines("DDSL041", text));
        Assert.Empty(Lints.Lines("DDSL041", $"# check=skip=all;{check}\n# the app\nFROM scratch AS app\n"));
    }

    [Fact]
    public void Editorconfig_severities_switch_an_experimental_check_on()
    {
        var options = new LintOptions { Severities = new System.Collections.Generic.Dictionary<string, RuleSeverity?> { ["DDSL041"] = RuleSeverity.Info } };

        Assert.Equal(RuleSeverity.Info, Assert.Single(Lints.Found("DDSL041", "# the app\nFROM scratch AS app\n", options)).Severity);
    }

    [Fact]
    public void Dockerdsl_ignore_switches_off_any_rule_for_the_next_instruction()
    {
        var text = "FROM scratch\n# dockerdsl ignore=DDSL024,DDSL005 // copied into the base image's working directory on purpose\nCOPY app app\nCOPY lib lib\nCMD app\n";

        Assert.Equal(new[] { 4 }, Lints.Lines("DDSL024", text));
        Assert.Equal(new[] { 5 }, Lints.Lines("DDSL005", text));
    }

    [Fact]
    public void A_directive_BuildKit_cannot_read_fails_the_lint()
    {
        var result = Lints.Of("# check=skip=all;error=maybe\nFROM scratch\n");

        Assert.NotNull(result.Error);
        Assert.Empty(result.Findings);
    }
}

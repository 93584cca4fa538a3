using System.Linq;
using DockerDsl.Core.Diagnostics;
using DockerDsl.Core.Lint;
using DockerDsl.Tests.Infrastructure;

namespace DockerDsl.Tests;

/// <summary>
/// The helpers' expansions, as generated, read back by the linter: the rules on package and shell commands
/// (apt-get -y and --no-install-recommends, lists left in the layer, apk --no-cache, pins, sudo, cd, pipes) find
/// nothing in them.
/// </summary>
public class HelperLintTests
{
    private static readonly string[] CommandRules =
    {
        RuleIdentifiers.AptGetInstallWithoutYes, RuleIdentifiers.AptGetInstallWithoutNoInstallRecommends, RuleIdentifiers.AptInsteadOfAptGet,
        RuleIdentifiers.Sudo, RuleIdentifiers.CdInsteadOfWorkDir, RuleIdentifiers.PipeWithoutPipefail, RuleIdentifiers.AptListsLeftInLayer,
        RuleIdentifiers.ApkAddWithoutNoCache, RuleIdentifiers.PipInstallWithoutNoCacheDir, RuleIdentifiers.UnpinnedPackage,
        RuleIdentifiers.PointlessCommand, RuleIdentifiers.UserByName, RuleIdentifiers.RootUser, RuleIdentifiers.CommandNotOnBase,
    };

    [Theory]
    [InlineData("debian:bookworm-slim", "[AptInstall(\"nginx-light=1.22.1-9+deb12u1\", Then = new[] { \"rm -f /etc/nginx/sites-enabled/default\" })] [NonRootUser(\"app\", Home = \"/home/app\")]")]
    [InlineData("alpine:3.21", "[ApkInstall(\"nginx=1.26.3-r0\", \"curl=8.12.1-r1\")] [NonRootUser(\"app\", System = false, Home = \"/home/app\")]")]
    [InlineData("busybox:1.36", "[NonRootUser(\"www\", Home = \"/var/www\")]")]
    [InlineData("fedora:41", "[DnfInstall(\"nginx-1.26.3\")] [NonRootUser(\"app\", Home = \"/srv\", CreateHome = false)]")]
    [InlineData("registry.access.redhat.com/ubi9/ubi-minimal:9.5", "[DnfInstall(\"nginx-1:1.20.1-16.el9_4.1\")] [NonRootUser(\"app\", Home = \"/home/app\")]")]
    [InlineData("mcr.microsoft.com/azurelinux/base/core:3.0", "[DnfInstall(\"ca-certificates\", \"tar\")] [NonRootUser(\"app\")]")]
    [InlineData("gcr.io/distroless/static-debian12", "[NonRootUser(\"app\", Uid = 65532, Home = \"/home/app\", CreateHome = false)]")]
    public void The_command_rules_find_nothing_in_the_expansions(string image, string helpers)
    {
        var findings = Lint(image, helpers);

        Assert.Empty(findings.Where(f => CommandRules.Contains(f.Rule.Id)).Select(f => f.Rule.Id + " " + f.Message));
    }

    [Theory]
    [InlineData("alpine:3.21", "[ApkInstall(\"curl\")]", "apk")]
    [InlineData("debian:bookworm-slim", "[AptInstall(\"curl\")]", "apt-get")]
    public void The_rules_read_the_expansions(string image, string helpers, string manager)
    {
        // An unpinned package is found in the expansion, so the test above would see a finding if there were one.
        var finding = Assert.Single(Lint(image, helpers), f => f.Rule.Id == RuleIdentifiers.UnpinnedPackage);
        Assert.StartsWith(manager + " installs 'curl'", finding.Message);
    }

    private static System.Collections.Generic.IReadOnlyList<LintFinding> Lint(string image, string helpers)
    {
        var source = GeneratedOutput.Usings + $$"""
            [Dockerfile("Dockerfile")]
            public partial class D
            {
                [Stage(From = "{{image}}")]
                {{helpers}}
                [HealthCheck("true")]
                public partial class S;
            }
            """;
        var text = GeneratorHarness.DockerfileText(GeneratorHarness.Run(source).Result);
        Assert.NotNull(text);
        var result = DockerfileLinter.Lint("Dockerfile", text!, LintOptions.Default);
        Assert.Null(result.Error);
        return result.Findings;
    }
}

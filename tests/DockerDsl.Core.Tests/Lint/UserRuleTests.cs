using System.Collections.Generic;
using DockerDsl.Core.Lint;

namespace DockerDsl.Core.Tests.Lint;

/// <summary>DDSL001 and DDSL010 on a USER given by variables: resolved as BuildKit expands it, or said to be unknown.</summary>
public class UserRuleTests
{
    private const string DotNet = "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nUSER $APP_UID\n";

    [Fact]
    public void A_user_the_base_image_sets_cannot_be_told()
    {
        Assert.Equal(
            new[] { "The image of stage 'stage-0' runs as '$APP_UID', which may be root: DockerDsl cannot tell, since $APP_UID may be set by the base image, which DockerDsl cannot read; add a USER with a numeric non-root id, such as 'USER 1001:1001', after the instructions that need root" },
            Lints.Messages("DDSL001", DotNet));
        Assert.Equal(
            new[] { "USER '$APP_UID' may be a name: DockerDsl cannot tell, since $APP_UID may be set by the base image, which DockerDsl cannot read, so Kubernetes runAsNonRoot cannot verify that it is not root; use numeric ids such as 'USER 1001:1001'" },
            Lints.Messages("DDSL010", DotNet));
    }

    [Fact]
    public void The_environment_of_a_known_base_image_resolves_it()
    {
        var options = new LintOptions { ImageEnvironments = new Dictionary<string, IReadOnlyList<string>> { ["mcr.microsoft.com/dotnet/aspnet:10.0"] = new[] { "APP_UID=1654" } } };

        Assert.Empty(Lints.Lines("DDSL001", DotNet, options));
        Assert.Empty(Lints.Lines("DDSL010", DotNet, options));
    }

    [Theory]
    [InlineData("FROM scratch\nARG UID=0\nUSER $UID\n", "'$UID', which is 0")]
    [InlineData("FROM scratch\nARG UID=00\nUSER ${UID}:1001\n", "'${UID}:1001', which is 00:1001")]
    [InlineData("FROM scratch\nENV APP_UID=+0\nUSER $APP_UID\n", "'$APP_UID', which is +0")]
    [InlineData("ARG UID=0\nFROM scratch\nARG UID\nUSER $UID\n", "'$UID', which is 0")]
    [InlineData("FROM scratch AS base\nENV NAME=root\nFROM base\nUSER $NAME\n", "'$NAME', which is root")]
    [InlineData("FROM scratch\nUSER ${NOBODY}\n", "'${NOBODY}', which is empty: root")]
    [InlineData("FROM scratch\nUSER ${UID:-0}\n", "'${UID:-0}', which is 0")]
    public void A_variable_that_resolves_to_root_is_reported_with_its_value(string dockerfile, string user) =>
        Assert.Equal(new[] { $"The image of stage 'stage-{(dockerfile.Contains("AS base") ? 1 : 0)}' runs as {user}; add a USER with a numeric non-root id, such as 'USER 1001:1001', after the instructions that need root" }, Lints.Messages("DDSL001", dockerfile));

    [Theory]
    [InlineData("FROM scratch\nARG UID=1001\nUSER $UID\n")]
    [InlineData("FROM scratch\nENV UID=1001 GID=1001\nUSER ${UID}:${GID}\n")]
    [InlineData("FROM scratch\nUSER ${UID:-10001}\n")]
    public void A_variable_that_resolves_to_a_number_is_fine(string dockerfile)
    {
        Assert.Empty(Lints.Lines("DDSL001", dockerfile));
        Assert.Empty(Lints.Lines("DDSL010", dockerfile));
    }

    [Fact]
    public void A_build_argument_without_a_default_is_what_build_arg_says()
    {
        const string dockerfile = "FROM scratch\nARG UID\nUSER $UID\n";

        Assert.Equal(
            new[] { "The image of stage 'stage-0' runs as '$UID', which may be root: DockerDsl cannot tell, since $UID is a build argument without a default, which --build-arg sets; add a USER with a numeric non-root id, such as 'USER 1001:1001', after the instructions that need root" },
            Lints.Messages("DDSL001", dockerfile));
        Assert.Single(Lints.Lines("DDSL001", dockerfile, Lints.BuildArgs(("UID", "0"))));
        Assert.Empty(Lints.Lines("DDSL001", dockerfile, Lints.BuildArgs(("UID", "1001"))));
        Assert.Empty(Lints.Lines("DDSL010", dockerfile, Lints.BuildArgs(("UID", "1001"))));
    }

    [Fact]
    public void A_variable_that_resolves_to_a_name_is_a_name() =>
        Assert.Equal(
            new[] { "USER '$APP_USER' is the name 'app', so Kubernetes runAsNonRoot cannot verify that it is not root; use numeric ids such as 'USER 1001:1001'" },
            Lints.Messages("DDSL010", "FROM scratch\nARG APP_USER=app\nUSER $APP_USER\n"));

    [Fact]
    public void A_quoted_user_is_read_as_BuildKit_reads_it() =>
        Assert.Single(Lints.Lines("DDSL001", "FROM scratch\nUSER \"root\"\n"));
}

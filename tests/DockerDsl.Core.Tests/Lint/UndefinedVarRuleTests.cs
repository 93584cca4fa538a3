using System.Collections.Generic;
using DockerDsl.Core.Lint;

namespace DockerDsl.Core.Tests.Lint;

public class UndefinedVarRuleTests
{
    [Fact]
    public void A_variable_nothing_defines_is_found_with_a_suggestion()
    {
        var text = "FROM scratch\nARG APP_VERSION=1\nCOPY app-$APP_VERSON /app\n";

        Assert.Equal(
            new[] { "Usage of undefined variable '$APP_VERSON' (did you mean $APP_VERSION?); declare it with ARG or ENV before this instruction" },
            Lints.Messages("DDSL036", text));
    }

    [Fact]
    public void A_variable_used_before_its_arg_is_found()
    {
        Assert.Equal(new[] { 2 }, Lints.Lines("DDSL036", "FROM scratch\nCOPY $src /app\nARG src=app\nCOPY $src /app\n"));
    }

    [Theory]
    [InlineData("ARG src\nCOPY $src /app")]
    [InlineData("ENV src=app\nCOPY $src /app")]
    [InlineData("ARG a=1 b=$a")]
    [InlineData("ENV PATH=$PATH:/opt/bin")]
    public void Defined_variables_are_fine(string instructions)
    {
        Assert.Empty(Lints.Lines("DDSL036", "FROM scratch\n" + instructions + "\n"));
    }

    [Fact]
    public void Values_of_one_env_do_not_see_each_other()
    {
        // BuildKit expands every value of an ENV before it sets any of them.
        Assert.Equal(new[] { 2 }, Lints.Lines("DDSL036", "FROM scratch\nENV a=1 b=$a\n"));
    }

    [Fact]
    public void A_global_arg_is_not_a_stage_variable_until_the_stage_declares_it()
    {
        var text = "ARG VERSION=1\nFROM scratch\nCOPY v$VERSION /a\nARG VERSION\nCOPY v$VERSION /b\n";

        Assert.Equal(new[] { 3 }, Lints.Lines("DDSL036", text));
    }

    [Fact]
    public void Variables_carry_over_to_a_stage_built_from_the_stage()
    {
        var text = "FROM scratch AS base\nARG src=app\nENV dst=/app\nFROM base\nCOPY $src $dst\n";

        Assert.Empty(Lints.Lines("DDSL036", text));
    }

    [Fact]
    public void Variables_do_not_carry_over_to_a_stage_built_from_an_image()
    {
        Assert.Equal(new[] { 4 }, Lints.Lines("DDSL036", "FROM scratch AS base\nARG src=app\nFROM scratch\nCOPY $src /app\n"));
    }

    [Theory]
    [InlineData("RUN echo $undefined")]
    [InlineData("CMD echo $undefined")]
    [InlineData("ENTRYPOINT [\"echo\", \"$undefined\"]")]
    [InlineData("HEALTHCHECK CMD echo $undefined")]
    [InlineData("EXPOSE $undefined")]
    [InlineData("ONBUILD COPY $undefined /app")]
    public void Words_the_shell_or_nothing_expands_are_not_checked(string instruction)
    {
        Assert.Empty(Lints.Lines("DDSL036", "FROM scratch\n" + instruction + "\n"));
    }

    [Theory]
    [InlineData("WORKDIR /$undefined")]
    [InlineData("USER $undefined")]
    [InlineData("VOLUME /data /$undefined")]
    [InlineData("STOPSIGNAL $undefined")]
    [InlineData("LABEL version=$undefined")]
    [InlineData("LABEL $undefined=1")]
    [InlineData("ARG version=$undefined")]
    [InlineData("COPY --chown=$undefined a /a")]
    [InlineData("COPY a /$undefined")]
    [InlineData("COPY [\"$undefined\", \"/a\"]")]
    [InlineData("ADD --checksum=$undefined https://example.com/a /a")]
    [InlineData("RUN --mount=type=cache,target=/$undefined true")]
    [InlineData("COPY <<EOF /a\n$undefined\nEOF")]
    public void Words_BuildKit_expands_are_checked(string instruction)
    {
        Assert.Single(Lints.Lines("DDSL036", "FROM scratch\n" + instruction + "\n"));
    }

    [Fact]
    public void A_quoted_heredoc_is_not_expanded()
    {
        Assert.Empty(Lints.Lines("DDSL036", "FROM scratch\nCOPY <<'EOF' /a\n$undefined\nEOF\n"));
    }

    [Fact]
    public void An_arg_given_as_a_build_arg_is_not_expanded()
    {
        Assert.Empty(Lints.Lines("DDSL036", "FROM scratch\nARG version=$undefined\n", Lints.BuildArgs(("version", "1"))));
    }

    [Fact]
    public void Build_arguments_that_never_reach_the_environment_are_not_reported()
    {
        Assert.Empty(Lints.Lines("DDSL036", "FROM scratch\nCOPY $BUILDKIT_SBOM_SCAN_STAGE /a\n"));
    }

    [Fact]
    public void A_stage_built_on_an_image_may_use_what_the_image_defines()
    {
        Assert.Empty(Lints.Lines("DDSL036", "FROM mcr.microsoft.com/dotnet/aspnet:8.0\nUSER $APP_UID\n"));
    }

    [Fact]
    public void A_stage_built_on_an_image_whose_environment_is_given_is_checked()
    {
        var options = new LintOptions
        {
            ImageEnvironments = new Dictionary<string, IReadOnlyList<string>> { ["mcr.microsoft.com/dotnet/aspnet:8.0"] = new[] { "APP_UID=1654" } },
        };

        Assert.Empty(Lints.Lines("DDSL036", "FROM mcr.microsoft.com/dotnet/aspnet:8.0\nUSER $APP_UID\n", options));
        Assert.Equal(
            new[] { "Usage of undefined variable '$APP_ID' (did you mean $APP_UID?); declare it with ARG or ENV before this instruction" },
            Lints.Messages("DDSL036", "FROM mcr.microsoft.com/dotnet/aspnet:8.0\nUSER $APP_ID\n", options));
    }

    [Fact]
    public void Only_the_stages_a_build_reaches_are_checked()
    {
        var text = "FROM scratch AS unused\nCOPY $a /a\nFROM scratch\nCOPY $b /b\n";

        Assert.Equal(new[] { 2, 4 }, Lints.Lines("DDSL036", text));
        Assert.Equal(new[] { 4 }, Lints.Lines("DDSL036", text, new LintOptions { FinalStageOnly = true }));
        Assert.Equal(new[] { 2 }, Lints.Lines("DDSL036", text, new LintOptions { Target = "unused" }));
    }

    [Fact]
    public void A_word_the_lexer_refuses_stops_the_stage()
    {
        // BuildKit fails the build at ${a?}: it expands nothing after it in the stage.
        Assert.Single(Lints.Lines("DDSL036", "FROM scratch\nCOPY ${a?required} /a\nCOPY $b /b\n"));
    }
}

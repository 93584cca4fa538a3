using DockerDsl.Core.Lint;

namespace DockerDsl.Core.Tests.Lint;

public class DescriptionCommentRuleTests
{
    private static readonly LintOptions Experimental = Lints.BuildArgs(("BUILDKIT_DOCKERFILE_CHECK", "experimental=InvalidDefinitionDescription"));

    [Fact]
    public void It_is_off_unless_experimental_checks_are_on()
    {
        Assert.Empty(Lints.Lines("DDSL041", "# the version\nARG VERSION=1\nFROM scratch\n"));
    }

    [Theory]
    [InlineData("# the version to build\nARG VERSION=1\nFROM scratch\n", "The comment before ARG VERSION does not start with 'VERSION', so it is not read as its description; start it with '# VERSION ...', or end the comment with a line holding only '#'")]
    [InlineData("FROM scratch\n# Build the app\nFROM scratch AS Build\n", "The comment before FROM build does not start with 'build', so it is not read as its description; start it with '# build ...', or end the comment with a line holding only '#'")]
    [InlineData("FROM scratch\n# values\nARG A=1 B=2\n", "The comment before ARG <arg_key> does not start with '<arg_key>', so it is not read as its description; start it with '# <arg_key> ...', or end the comment with a line holding only '#'")]
    public void A_comment_that_does_not_start_with_the_name_is_found(string text, string message)
    {
        Assert.Equal(new[] { message }, Lints.Messages("DDSL041", text, Experimental));
    }

    [Theory]
    [InlineData("# VERSION the version to build\nARG VERSION=1\nFROM scratch\n")]
    [InlineData("# the version\n#\nARG VERSION=1\nFROM scratch\n")]
    [InlineData("# a note\n# build the app\nFROM scratch AS build\nCOPY a /a\n")]
    [InlineData("FROM scratch\n# B the second\nARG A=1 B=2\n")]
    [InlineData("FROM scratch\n# copy the app\nCOPY a /a\n")]
    public void Descriptions_and_comments_set_apart_are_fine(string text)
    {
        // The last comment line is the one read; a lone '#' ends a comment.
        Assert.Empty(Lints.Lines("DDSL041", text, Experimental));
    }

    [Fact]
    public void An_empty_line_does_not_end_a_comment()
    {
        // BuildKit's parser keeps collecting comment lines across empty lines.
        Assert.Single(Lints.Lines("DDSL041", "# the version\n\nARG VERSION=1\nFROM scratch\n", Experimental));
    }
}

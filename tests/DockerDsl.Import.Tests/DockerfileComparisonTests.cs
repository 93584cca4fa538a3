using DockerDsl.Import.Tests.Infrastructure;

namespace DockerDsl.Import.Tests;

/// <summary>The comparison the round trip rests on tells a different meaning from a different layout.</summary>
public class DockerfileComparisonTests
{
    [Theory]
    [InlineData("FROM a\nRUN x && \\\n    y\n", "FROM a\nRUN x \\\n    && y\n")]
    [InlineData("FROM a\nENV A 1\nLABEL b \"two words\"\n", "FROM a\nENV A=\"1\"\nLABEL b=two\\ words\n")]
    [InlineData("FROM a\nARG X Y=1\n", "FROM a\nARG X\nARG Y=1\n")]
    [InlineData("FROM a\nRUN --mount=target=/x,src=y true\n", "FROM a\nRUN --mount=type=bind,source=y,target=/x,ro true\n")]
    [InlineData("FROM a AS b\nFROM c\nCOPY --from=0 /x /y\n", "FROM a AS b\nFROM c AS final\nCOPY --from=b /x /y\n")]
    [InlineData("# escape=\\\nFROM a\n", "FROM a\n")]
    [InlineData("FROM a\nRUN echo \"$(printf '%s\"' x)\"   &&   true\n", "FROM a\nRUN echo \"$(printf '%s\"' x)\" && true\n")]
    public void Layouts_that_mean_the_same_compare_equal(string original, string regenerated) =>
        Assert.Null(DockerfileComparison.Difference(original, regenerated));

    [Theory]
    [InlineData("FROM a\nRUN echo 'a  b'\n", "FROM a\nRUN echo 'a b'\n")]
    [InlineData("FROM a\nRUN echo \"$(printf 'a  b')\"\n", "FROM a\nRUN echo \"$(printf 'a b')\"\n")]
    [InlineData("FROM a\nENV A=$B\n", "FROM a\nENV A='$B'\n")]
    [InlineData("FROM a\nCOPY --chown=1:1 x /y\n", "FROM a\nCOPY x /y\n")]
    [InlineData("FROM a\nCOPY <<EOF /x\n$HOME\nEOF\n", "FROM a\nCOPY <<'EOF' /x\n$HOME\nEOF\n")]
    [InlineData("FROM a\nCMD [\"x\"]\n", "FROM a\nCMD x\n")]
    [InlineData("FROM a\nFROM golang\n", "FROM a AS golang\nFROM golang\n")]
    [InlineData("FROM a\nRUN x\n", "FROM a\nRUN x\nRUN y\n")]
    [InlineData("# syntax=docker/dockerfile:1\nFROM a\n", "FROM a\n")]
    [InlineData("FROM a\nRUN --mount=type=cache,target=/x,sharing=locked y\n", "FROM a\nRUN --mount=type=cache,target=/x y\n")]
    public void A_different_meaning_is_a_difference(string original, string regenerated) =>
        Assert.NotNull(DockerfileComparison.Difference(original, regenerated));
}

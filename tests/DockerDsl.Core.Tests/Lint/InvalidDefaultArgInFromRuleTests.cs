namespace DockerDsl.Core.Tests.Lint;

public class InvalidDefaultArgInFromRuleTests
{
    [Theory]
    [InlineData("ARG TAG\nFROM alpine:$TAG\n", "alpine:$TAG")]
    [InlineData("ARG IMAGE\nFROM ${IMAGE}\n", "${IMAGE}")]
    [InlineData("ARG NAME=Alpine\nFROM $NAME:3.20\n", "$NAME:3.20")]
    [InlineData("ARG DIGEST=sha256:abc\nFROM alpine@$DIGEST\n", "alpine@$DIGEST")]
    public void A_from_that_needs_a_build_arg_is_found(string text, string word)
    {
        Assert.Equal(
            new[] { $"FROM '{word}' is not a valid image reference with the default values of its build arguments; give the ARGs it uses defaults that make it one" },
            Lints.Messages("DDSL038", text, Lints.BuildArgs(("TAG", "3.20"), ("IMAGE", "alpine"), ("NAME", "alpine"))));
    }

    [Theory]
    [InlineData("ARG TAG=3.20\nFROM alpine:$TAG\n")]
    [InlineData("ARG VARIANT\nFROM alpine:3.20${VARIANT}\n")]
    [InlineData("ARG VARIANT=\"\"\nFROM alpine:3.20$VARIANT\n")]
    [InlineData("FROM alpine:3.20 AS base\nFROM base\n")]
    [InlineData("FROM ghcr.io/owner/app:1.0@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n")]
    [InlineData("FROM localhost:5000/app\n")]
    public void A_from_that_is_valid_with_the_defaults_is_fine(string text)
    {
        Assert.Empty(Lints.Lines("DDSL038", text));
    }

    [Fact]
    public void Automatic_arguments_count_as_defaults()
    {
        Assert.Empty(Lints.Lines("DDSL038", "FROM alpine:3.20-$TARGETARCH\n"));
    }
}

using System.Linq;
using DockerDsl.Core.Rules;
using DockerDsl.Core.Text;
using Xunit;

namespace DockerDsl.Core.Tests.Rules;

/// <summary>Which COPY and ADD sources the build task checks in the context, and how a wildcard source is split and matched.</summary>
public sealed class ContextSourcesTests
{
    [Fact]
    public void Only_context_sources_of_the_stages_a_build_reaches_are_listed()
    {
        const string text = """
            FROM debian:bookworm-slim AS unused
            COPY unused.txt /

            FROM debian:bookworm-slim AS build
            COPY build.sh src/ /src/
            COPY --from=alpine:3.20 /etc/os-release /
            ADD https://example.com/a.tgz /
            ADD https://github.com/moby/buildkit.git#v0.12 /bk
            ADD local.tar.gz /
            COPY --parents a/b.txt /
            COPY --exclude=*.md docs/ /docs/
            COPY <<EOF /x
            hello
            EOF

            FROM build
            COPY --from=build /src /app
            COPY app.json /app/
            """;

        var model = DockerfileReader.Read("Dockerfile", text).Model;

        Assert.Equal(
            ["COPY build.sh", "COPY src/", "ADD local.tar.gz", "COPY app.json"],
            ContextSources.Of(model).Select(s => Keywords.Of(s.Instruction) + " " + s.Path).ToArray());
    }

    [Theory]
    [InlineData("app.csproj", "app.csproj", null)]
    [InlineData("src/*.cs", "src", "*.cs")]
    [InlineData("*/bin/x", "", "*/bin/x")]
    [InlineData("a/b?/c", "a", "b?/c")]
    [InlineData("a/[ab]/c", "a", "[ab]/c")]
    [InlineData("a/\\*/c", "a/\\*/c", null)]
    public void A_source_splits_before_its_first_segment_with_a_wildcard(string source, string directory, string? pattern) =>
        Assert.Equal((directory, pattern), ContextSources.SplitWildcards(source));

    [Theory]
    [InlineData("*.cs", "a.cs", true)]
    [InlineData("*.cs", "sub/a.cs", false)]
    [InlineData("*/*.cs", "sub/a.cs", true)]
    [InlineData("**/*.cs", "sub/a.cs", true)]
    [InlineData("**/*.cs", "a.cs", false)]
    [InlineData("**", "sub/a.cs", false)]
    [InlineData("a?c", "abc", true)]
    [InlineData("a?c", "a/c", false)]
    [InlineData("[a-c]x", "bx", true)]
    [InlineData("[^a-c]x", "bx", false)]
    [InlineData("\\*x", "*x", true)]
    [InlineData("\\*x", "ax", false)]
    public void A_wildcard_matches_as_Go_filepath_Match(string pattern, string path, bool expected) =>
        Assert.Equal(expected, ContextSources.MatchesWildcards(pattern, path));

    [Theory]
    [InlineData("[a")]
    [InlineData("x\\")]
    [InlineData("[]")]
    public void A_malformed_pattern_decides_nothing(string pattern) =>
        Assert.Null(ContextSources.MatchesWildcards(pattern, "a"));
}

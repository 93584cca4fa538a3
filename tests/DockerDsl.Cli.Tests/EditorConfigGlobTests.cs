using DockerDsl.Cli.EditorConfig;

namespace DockerDsl.Cli.Tests;

/// <summary>.editorconfig section names against paths relative to the .editorconfig's folder, as Roslyn matches them.</summary>
public sealed class EditorConfigGlobTests
{
    [Theory]
    // A name without '/' matches the file name at any depth.
    [InlineData("Dockerfile", "/Dockerfile", true)]
    [InlineData("Dockerfile", "/api/Dockerfile", true)]
    [InlineData("Dockerfile", "/api/Dockerfile.dev", false)]
    [InlineData("Dockerfile", "/dockerfile", false)]
    [InlineData("*.Dockerfile", "/docker/web.Dockerfile", true)]
    [InlineData("*", "/a/b/Dockerfile", true)]
    [InlineData("Dockerfile*", "/Dockerfile.dev", true)]
    // '*' stops at '/', '**' does not.
    [InlineData("docker/*", "/docker/Dockerfile", true)]
    [InlineData("docker/*", "/docker/nested/Dockerfile", false)]
    [InlineData("docker/**", "/docker/nested/Dockerfile", true)]
    [InlineData("**/Dockerfile", "/a/b/Dockerfile", true)]
    [InlineData("**/Dockerfile", "/Dockerfile", false)]
    [InlineData("**Dockerfile", "/a/b/Dockerfile", true)]
    // A name with '/' is relative to the .editorconfig's folder; a leading '/' changes nothing.
    [InlineData("api/Dockerfile", "/api/Dockerfile", true)]
    [InlineData("api/Dockerfile", "/src/api/Dockerfile", false)]
    [InlineData("/api/Dockerfile", "/api/Dockerfile", true)]
    [InlineData("/Dockerfile", "/api/Dockerfile", false)]
    // '?' is one character.
    [InlineData("Dockerfile.???", "/Dockerfile.dev", true)]
    [InlineData("Dockerfile.???", "/Dockerfile.prod", false)]
    // Character classes.
    [InlineData("[ab].Dockerfile", "/a.Dockerfile", true)]
    [InlineData("[ab].Dockerfile", "/c.Dockerfile", false)]
    [InlineData("[!ab].Dockerfile", "/c.Dockerfile", true)]
    [InlineData("[!ab].Dockerfile", "/a.Dockerfile", false)]
    [InlineData("[a-c].Dockerfile", "/b.Dockerfile", true)]
    [InlineData("[a-c].Dockerfile", "/d.Dockerfile", false)]
    // Choices, nested, with '/' inside.
    [InlineData("*.{Dockerfile,dockerfile}", "/web.dockerfile", true)]
    [InlineData("*.{Dockerfile,dockerfile}", "/web.Containerfile", false)]
    [InlineData("{api,web}/Dockerfile", "/web/Dockerfile", true)]
    [InlineData("{api,web}/Dockerfile", "/worker/Dockerfile", false)]
    [InlineData("{api/{v1,v2},web}/Dockerfile", "/api/v2/Dockerfile", true)]
    [InlineData("{api/{v1,v2},web}/Dockerfile", "/api/v3/Dockerfile", false)]
    [InlineData("Dockerfile{,.dev}", "/Dockerfile", true)]
    [InlineData("Dockerfile{,.dev}", "/Dockerfile.dev", true)]
    // Number ranges, in either order, negative numbers included.
    [InlineData("stage{1..3}.Dockerfile", "/stage2.Dockerfile", true)]
    [InlineData("stage{1..3}.Dockerfile", "/stage4.Dockerfile", false)]
    [InlineData("stage{3..1}.Dockerfile", "/stage1.Dockerfile", true)]
    [InlineData("v{-2..2}", "/v-1", true)]
    [InlineData("v{-2..2}", "/v-3", false)]
    [InlineData("v{1..3}/{5..6}", "/v2/6", true)]
    [InlineData("v{1..3}/{5..6}", "/v2/7", false)]
    // Escapes make a special character literal.
    [InlineData("\\*.Dockerfile", "/*.Dockerfile", true)]
    [InlineData("\\*.Dockerfile", "/web.Dockerfile", false)]
    [InlineData("Dockerfile\\{a\\}", "/Dockerfile{a}", true)]
    // Regex characters in names are literal.
    [InlineData("web(1).Dockerfile", "/web(1).Dockerfile", true)]
    [InlineData("web+.Dockerfile", "/webb.Dockerfile", false)]
    // Matching is case-sensitive.
    [InlineData("*.dockerfile", "/web.Dockerfile", false)]
    public void A_section_name_matches_paths_as_in_Roslyn(string sectionName, string relativePath, bool matches)
    {
        var matcher = SectionNameMatcher.TryCreate(sectionName);
        Assert.NotNull(matcher);
        Assert.Equal(matches, matcher!.IsMatch(relativePath));
    }

    [Theory]
    [InlineData("{api,web")]
    [InlineData("[ab")]
    [InlineData("a,b")]
    [InlineData("a}")]
    [InlineData("Dockerfile\\")]
    public void A_malformed_section_name_matches_nothing(string sectionName)
    {
        Assert.Null(SectionNameMatcher.TryCreate(sectionName));
    }
}

using DockerDsl.Core.Rules;

namespace DockerDsl.Core.Tests.Lint;

/// <summary>The pieces BuildKit's checks rest on: image references, platforms, suggestions and global arguments.</summary>
public class BuildingBlockTests
{
    [Theory]
    [InlineData("alpine")]
    [InlineData("alpine:3.20")]
    [InlineData("docker.io/library/alpine:latest")]
    [InlineData("ghcr.io/owner-org/app:v1.2.3")]
    [InlineData("GHCR.io/owner/app")]
    [InlineData("localhost:5000/team/app")]
    [InlineData("[::1]:5000/app:1")]
    [InlineData("alpine@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
    [InlineData("my_app--v2.x")]
    public void Image_references_BuildKit_accepts(string reference)
    {
        Assert.True(ImageReferenceSyntax.IsValid(reference));
    }

    [Theory]
    [InlineData("")]
    [InlineData("alpine:")]
    [InlineData("Alpine")]
    [InlineData("ghcr.io/Owner/app")]
    [InlineData("alpine:3.20:1")]
    [InlineData("alpine@sha256:0123")]
    [InlineData("alpine@md5:0123456789abcdef0123456789abcdef")]
    [InlineData("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
    [InlineData("team//app")]
    [InlineData("-app")]
    [InlineData("app:-tag")]
    public void Image_references_BuildKit_refuses(string reference)
    {
        Assert.False(ImageReferenceSyntax.IsValid(reference));
    }

    [Fact]
    public void A_name_longer_than_255_characters_is_refused()
    {
        Assert.False(ImageReferenceSyntax.IsValid("a/" + new string('b', 255)));
    }

    [Theory]
    [InlineData("linux/amd64", "linux", "amd64", "")]
    [InlineData("linux/x86_64", "linux", "amd64", "")]
    [InlineData("Linux/aarch64/v8", "linux", "arm64", "")]
    [InlineData("linux/arm/7", "linux", "arm", "v7")]
    [InlineData("linux/armhf", "linux", "arm", "v7")]
    [InlineData("macos/arm64", "darwin", "arm64", "")]
    [InlineData("windows(10.0.17763)/amd64", "windows", "amd64", "")]
    [InlineData("arm64", "linux", "arm64", "")]
    [InlineData("windows", "windows", "amd64", "")]
    public void Platforms_read_as_containerd_reads_them(string specifier, string os, string architecture, string variant)
    {
        Assert.True(PlatformSpecifier.TryParse(specifier, out var platform));
        Assert.Equal(new PlatformSpecifier(os, architecture, variant), platform);
    }

    [Theory]
    [InlineData("")]
    [InlineData("linux/")]
    [InlineData("linux/amd64/v1/extra")]
    [InlineData("linux/*")]
    [InlineData("nosuchthing")]
    public void Platforms_containerd_refuses(string specifier)
    {
        Assert.False(PlatformSpecifier.TryParse(specifier, out _));
    }

    [Theory]
    [InlineData("BULIDPLATFORM", "BUILDPLATFORM")]
    [InlineData("MYARCH", "MY_ARCH")]
    [InlineData("PAHT", "PATH")]
    [InlineData("VERSION", null)]
    [InlineData("COMPLETELY_DIFFERENT", null)]
    public void Suggestions_are_within_two_edits(string name, string? expected)
    {
        Assert.Equal(expected, Suggestions.Closest(name, new[] { "BUILDPLATFORM", "MY_OS", "MY_ARCH", "PATH", "VERSION" }));
    }

    [Fact]
    public void The_first_of_equally_close_suggestions_wins()
    {
        Assert.Equal("ab", Suggestions.Closest("a", new[] { "ab", "ac" }));
    }

    [Fact]
    public void Global_arguments_take_build_args_and_defaults_in_order()
    {
        var document = Text.DockerfileReader.Read("Dockerfile", "ARG A=1\nARG B=${A}2\nARG C\nFROM scratch\n");
        var arguments = GlobalArguments.Of(document.Model, new System.Collections.Generic.Dictionary<string, string> { ["A"] = "9", ["TARGETARCH"] = "arm64" });

        Assert.True(arguments.Values.TryGetValue("B", out var b) && b == "92");
        Assert.False(arguments.Values.TryGetValue("C", out _));
        Assert.True(arguments.Values.IsDeclared("C"));
        Assert.True(arguments.Values.TryGetValue("TARGETARCH", out var arch) && arch == "arm64");
        Assert.True(arguments.Defaults!.TryGetValue("B", out var defaultB) && defaultB == "12");
        Assert.Contains("TARGETSTAGE", arguments.Names);
    }
}

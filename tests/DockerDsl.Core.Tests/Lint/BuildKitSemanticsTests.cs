using DockerDsl.Core.Lint;

namespace DockerDsl.Core.Tests.Lint;

/// <summary>The rules shared with the analyzers, on Dockerfile text: where BuildKit's check differs from the obvious reading, it is followed.</summary>
public class BuildKitSemanticsTests
{
    [Theory]
    [InlineData("FROM scratch\nWORKDIR app\nWORKDIR sub\n", new[] { 2 })]
    [InlineData("FROM scratch\nWORKDIR /app\nWORKDIR sub\n", new int[0])]
    [InlineData("FROM scratch AS a\nWORKDIR /app\nFROM a\nWORKDIR sub\n", new int[0])]
    [InlineData("FROM scratch\nWORKDIR \"/app\"\n", new int[0])]
    [InlineData("FROM scratch\nARG DIR=/app\nWORKDIR $DIR\n", new int[0])]
    [InlineData("FROM scratch\nARG DIR=app\nWORKDIR $DIR\n", new[] { 3 })]
    [InlineData("FROM golang:1.22\nWORKDIR $GOPATH/src\n", new int[0])]
    public void Only_a_first_relative_workdir_is_found(string text, int[] lines)
    {
        Assert.Equal(lines, Lints.Lines("DDSL008", text));
    }

    [Theory]
    [InlineData("FROM scratch\nCMD app --serve\n", new[] { 2 })]
    [InlineData("FROM scratch\nSHELL [\"/bin/bash\", \"-c\"]\nCMD app --serve\nENTRYPOINT app\n", new int[0])]
    [InlineData("FROM scratch AS base\nSHELL [\"/bin/bash\", \"-c\"]\nFROM base\nCMD app --serve\n", new int[0])]
    [InlineData("FROM scratch\nENTRYPOINT app\nSHELL [\"/bin/bash\", \"-c\"]\n", new[] { 2 })]
    [InlineData("FROM scratch\nCMD [\"app\", \"--serve\"]\n", new int[0])]
    public void Shell_form_is_found_only_with_the_default_shell(string text, int[] lines)
    {
        Assert.Equal(lines, Lints.Lines("DDSL005", text));
    }

    [Theory]
    [InlineData("FROM scratch\nARG GITHUB_TOKEN\n", 1)]
    [InlineData("FROM scratch\nENV DB_PASSWORD=x\n", 1)]
    [InlineData("ARG GITHUB_TOKEN\nFROM scratch\n", 0)]
    [InlineData("FROM scratch\nENV DB_PASSWORD_FILE=/run/secrets/db\n", 0)]
    [InlineData("FROM scratch\nARG AUTH_VERSION=2\n", 0)]
    [InlineData("FROM scratch\nARG PUBLIC_KEY\n", 0)]
    public void Secret_looking_names_are_found_in_stages(string text, int count)
    {
        Assert.Equal(count, Lints.Lines("DDSL006", text).Length);
    }

    [Theory]
    [InlineData("FROM --platform=linux/amd64 alpine:3.20 AS build\n", "Platform 'linux/amd64' is a constant, which forces emulation when building for other platforms; use $BUILDPLATFORM for build stages or leave it unset")]
    [InlineData("FROM --platform=\"linux/arm64\" alpine:3.20\n", "Platform 'linux/arm64' is a constant, which forces emulation when building for other platforms; use $BUILDPLATFORM for build stages or leave it unset")]
    public void A_constant_platform_is_found(string text, string message)
    {
        Assert.Equal(new[] { message }, Lints.Messages("DDSL022", text));
    }

    [Theory]
    [InlineData("FROM --platform=linux/arm64 alpine:3.20 AS build-arm64\n")]
    [InlineData("FROM --platform=linux/x86_64 alpine:3.20 AS build_amd64\n")]
    [InlineData("FROM --platform=windows/amd64 nanoserver AS windows-build\n")]
    [InlineData("FROM --platform=$BUILDPLATFORM alpine:3.20\n")]
    [InlineData("ARG P=linux/amd64\nFROM --platform=$P alpine:3.20\n")]
    [InlineData("FROM --platform=not/a/platform/at/all alpine:3.20\n")]
    public void Platforms_that_are_not_constants_or_that_the_stage_is_named_for_are_fine(string text)
    {
        Assert.Empty(Lints.Lines("DDSL022", text));
    }

    [Theory]
    [InlineData("FROM --platform=$TARGETPLATFORM alpine:3.20\n", 1)]
    [InlineData("FROM --platform=\"${TARGETPLATFORM}\" alpine:3.20\n", 1)]
    [InlineData("FROM --platform=${TARGETPLATFORM:-linux/amd64} alpine:3.20\n", 1)]
    [InlineData("FROM --platform=$BUILDPLATFORM alpine:3.20\n", 0)]
    [InlineData("FROM --platform=$TARGETOS/$TARGETARCH alpine:3.20\n", 0)]
    public void Target_platform_alone_is_redundant(string text, int count)
    {
        Assert.Equal(count, Lints.Lines("DDSL023", text).Length);
        Assert.Equal(count, Lints.Lines("DDSL023", text, Lints.BuildArgs(("TARGETPLATFORM", "linux/arm64"))).Length);
    }

    [Theory]
    [InlineData("FROM alpine:$TAG\n", new[] { "TAG" })]
    [InlineData("FROM --platform=$BULIDPLATFORM alpine:3.20\n", new[] { "BULIDPLATFORM" })]
    [InlineData("FROM alpine:${TAG:-3.20}\n", new[] { "TAG" })]
    [InlineData("FROM alpine:$HTTP_PROXY\n", new[] { "HTTP_PROXY" })]
    [InlineData("ARG TAG\nFROM alpine:$TAG\n", new string[0])]
    [InlineData("FROM --platform=$BUILDPLATFORM alpine:3.20-$TARGETARCH$TARGETVARIANT\n", new string[0])]
    [InlineData("FROM alpine:3.20 AS build\nARG TAG\nFROM alpine:$TAG\n", new[] { "TAG" })]
    public void Variables_in_from_need_a_global_arg(string text, string[] names)
    {
        Assert.Equal(names.Length, Lints.Lines("DDSL025", text).Length);
        Assert.All(names, n => Assert.Contains(Lints.Messages("DDSL025", text), m => m.StartsWith($"'{n}'", System.StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("*\n", "FROM scratch\nCOPY . /app\n", 1)]
    [InlineData("**\n", "FROM scratch\nCOPY ./ /app\n", 1)]
    [InlineData("*\n!src\n", "FROM scratch\nCOPY . /app\n", 0)]
    [InlineData(".*\n", "FROM scratch\nCOPY . /app\n", 0)]
    [InlineData("secret.txt\n", "FROM scratch\nARG SRC=secret.txt\nCOPY $SRC /app/\n", 1)]
    [InlineData("secret.txt\n", "FROM alpine:3.20\nCOPY $SRC /app/\n", 0)]
    public void Ignored_sources_are_found_after_expansion_and_at_the_context_root(string dockerignore, string text, int count)
    {
        Assert.Equal(count, Lints.Lines("DDSL029", text, new LintOptions { Dockerignore = dockerignore }).Length);
    }

    [Fact]
    public void Repeated_instructions_are_found_in_the_stages_a_build_reaches()
    {
        var text = "FROM scratch AS tools\nCMD [\"a\"]\nCMD [\"b\"]\nFROM scratch\nCMD [\"c\"]\n";

        Assert.Equal(new[] { 2 }, Lints.Lines("DDSL007", text));
        Assert.Empty(Lints.Lines("DDSL007", text, new LintOptions { FinalStageOnly = true }));
    }
}

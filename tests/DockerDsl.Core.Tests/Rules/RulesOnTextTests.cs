using System.Linq;
using DockerDsl.Core.Lint;

namespace DockerDsl.Core.Tests.Rules;

/// <summary>The rules on Dockerfile text, for the kinds of input the comparison with dockerlinter on real Dockerfiles turned up.</summary>
public class RulesOnTextTests
{
    /// <summary>The lines at which <paramref name="rule"/> reports in <paramref name="dockerfile"/>.</summary>
    private static int[] Lines(string rule, string dockerfile)
    {
        var result = DockerfileLinter.Lint("Dockerfile", dockerfile, LintOptions.Default);
        Assert.Null(result.Error);
        return result.Findings.Where(f => f.Rule.Id == rule).Select(f => f.Source.Line).ToArray();
    }

    private static string Run(string script) => "FROM debian:bookworm-slim\nRUN " + script + "\n";

    [Theory]
    [InlineData("set -eux; arch=\"$(dpkg --print-architecture | awk -F- '{ print $NF }')\"")]
    [InlineData("dst=\"$(echo \"$src\" | tr -d 3)\"; ln -s \"$src\" \"$dst\"")]
    [InlineData("go test $(go list ./... | grep -v /vendor/)")]
    [InlineData("echo `uname -m | tr a-z A-Z`")]
    [InlineData("printf \"a \\\"b\\\"\\n\" > /x && curl -fsSL https://example.com/x | sh")]
    public void DDSL018_finds_a_pipe_in_a_substitution_or_after_escaped_quotes(string script) =>
        Assert.Equal(new[] { 2 }, Lines("DDSL018", Run(script)));

    [Theory]
    [InlineData("case \"$(uname -m)\" in x86_64 | amd64) arch=amd64 ;; *) arch=other ;; esac")]
    [InlineData("su nobody -s /bin/sh -c \"cd /tmp && ls | wc -l\"")]
    [InlineData("echo 'a | b'")]
    [InlineData("make -j$((n | 1))")]
    public void DDSL018_reads_no_pipe_in_a_case_pattern_a_quoted_argument_or_arithmetic(string script) =>
        Assert.Empty(Lines("DDSL018", Run(script)));

    [Theory]
    [InlineData("printf \"#!/bin/sh\\\\nexec \\\"\\$@\\\"\\\\n\" > /usr/local/bin/run && cd /src && make")]
    [InlineData("x=\"$(cd /src && pwd)\"")]
    public void DDSL017_finds_cd_after_escaped_quotes_and_in_a_substitution(string script) =>
        Assert.Equal(new[] { 2 }, Lines("DDSL017", Run(script)));

    [Theory]
    [InlineData("if apt-get install -s \"postgresql-17-jit\" > /dev/null 2>&1; then echo yes; fi")]
    [InlineData("apt-get install --simulate curl")]
    [InlineData("apt-get install --dry-run curl")]
    [InlineData("apt-get -qs install curl")]
    public void An_apt_get_install_that_only_simulates_is_no_install(string script)
    {
        var dockerfile = Run(script);

        Assert.Empty(Lines("DDSL013", dockerfile));
        Assert.Empty(Lines("DDSL014", dockerfile));
        Assert.Empty(Lines("DDSL028", dockerfile));
    }

    [Theory]
    [InlineData("apt-get install -oDpkg::Options::=--force-confold --no-install-recommends curl=8.0")]
    [InlineData("apt-get install -t bookworm-backports --no-install-recommends curl=8.0")]
    public void The_value_of_an_apt_get_option_is_not_read_as_flags(string script) =>
        Assert.Equal(new[] { 2 }, Lines("DDSL013", Run(script)));

    [Theory]
    [InlineData("apt-get install -qy --no-install-recommends curl=8.0")]
    [InlineData("apt-get install -o APT::Get::Assume-Yes=true --no-install-recommends curl=8.0")]
    public void Apt_get_is_told_yes_by_a_short_flag_or_its_configuration(string script) =>
        Assert.Empty(Lines("DDSL013", Run(script)));

    [Theory]
    [InlineData("apt-get install --update -y --no-install-recommends curl=8.0", 1)]
    [InlineData("apt-get install --update -y --no-install-recommends curl=8.0; apt-get dist-clean", 0)]
    [InlineData("apt-get update && apt-get install -y --no-install-recommends curl=8.0 && apt-get dist-clean", 0)]
    [InlineData("apt-get update && apt-get install -y --no-install-recommends curl=8.0 && rm -rf /var/lib/apt/lists/", 0)]
    [InlineData("apt-get update && apt-get install -y --no-install-recommends curl=8.0 && apt-get clean", 1)]
    public void DDSL021_knows_apt_3s_update_option_and_dist_clean(string script, int findings) =>
        Assert.Equal(findings, Lines("DDSL021", Run(script)).Length);

    [Theory]
    [InlineData("RUN apk add --no-network --virtual .rundeps $runDeps", 0)]
    [InlineData("RUN --mount=type=cache,target=/pkg-cache,sharing=locked ln -s /pkg-cache /etc/apk/cache && apk add bash=5.2.37-r0", 0)]
    [InlineData("RUN --mount=type=cache,target=/etc/apk/cache,sharing=locked apk add bash=5.2.37-r0", 0)]
    [InlineData("RUN ln -s /pkg-cache /etc/apk/cache && apk add bash=5.2.37-r0", 1)]
    [InlineData("RUN --mount=type=cache,target=/other,sharing=locked ln -s /pkg-cache /etc/apk/cache && apk add bash=5.2.37-r0", 1)]
    public void DDSL026_accepts_what_leaves_no_index_in_the_layer(string run, int findings) =>
        Assert.Equal(findings, Lines("DDSL026", "FROM alpine:3.20\n" + run + "\n").Length);

    [Theory]
    [InlineData("quay.io/prometheus/busybox-${OS}-${ARCH}:latest", 1)]
    [InlineData("${REGISTRY}/library/node", 1)]
    [InlineData("${REGISTRY:-docker.io}/node", 1)]
    [InlineData("${REGISTRY}/node:22", 0)]
    [InlineData("node:${NODE_VERSION}", 0)]
    [InlineData("build-${VARIANT}", 0)]
    [InlineData("${IMAGE}", 0)]
    [InlineData("registry/node${SUFFIX}", 0)]
    public void DDSL004_judges_a_build_argument_only_where_it_cannot_change_the_verdict(string image, int findings) =>
        Assert.Equal(findings, Lines("DDSL004", "ARG OS ARCH REGISTRY NODE_VERSION VARIANT IMAGE SUFFIX\nFROM " + image + "\n").Length);

    [Theory]
    [InlineData("FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled\n")]
    [InlineData("FROM mcr.microsoft.com/dotnet/runtime-deps:10.0-noble-chiseled-extra\n")]
    [InlineData("FROM gcr.io/distroless/static-debian13:nonroot-${ARCH}\n")]
    [InlineData("FROM gcr.io/distroless/base-debian12:debug-nonroot\n")]
    [InlineData("ARG REPO=mcr.microsoft.com/dotnet/runtime-deps\nFROM $REPO:10.0.11-azurelinux3.0-distroless-amd64\n")]
    [InlineData("FROM gcr.io/distroless/static-debian13:nonroot AS base\nFROM base\nCOPY app /app\n")]
    public void DDSL001_trusts_a_base_image_published_to_run_as_non_root(string dockerfile) =>
        Assert.Empty(Lines("DDSL001", dockerfile));

    [Theory]
    [InlineData("FROM gcr.io/distroless/static-debian13\n", 1)]
    [InlineData("FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble\n", 1)]
    [InlineData("FROM example.com/chiseled/app:chiseled\n", 1)]
    [InlineData("FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled\nUSER root\n", 2)]
    public void DDSL001_still_reports_other_images_and_an_explicit_root(string dockerfile, int line) =>
        Assert.Equal(new[] { line }, Lines("DDSL001", dockerfile));
}

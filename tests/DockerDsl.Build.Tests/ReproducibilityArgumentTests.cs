using System.Collections.Generic;
using System.Linq;
using DockerDsl.Build.Images;
using Xunit;

namespace DockerDsl.Build.Tests;

/// <summary>The epoch's precedence and form, the labels' base image, and the bake arguments they become, without a build.</summary>
public sealed class ReproducibilityArgumentTests
{
    private static (string?, string) Commit(string? time) => (time, "no commit");

    [Theory]
    [InlineData("1500000000", "1600000000", "1700000000", "1500000000")]
    [InlineData(" 1500000000 ", "1600000000", "1700000000", "1500000000")]
    [InlineData("", "1600000000", "1700000000", "1600000000")]
    [InlineData(null, "", "1700000000", "1700000000")]
    [InlineData(null, "none", "1700000000", null)]
    [InlineData(null, "NONE", "1700000000", null)]
    [InlineData("1500000000", "none", "1700000000", "1500000000")]
    [InlineData(null, null, null, null)]
    public void The_environment_variable_wins_then_the_property_then_the_commit(string? environment, string? property, string? commit, string? expected)
    {
        var result = SourceDateEpoch.Resolve(environment, property, () => Commit(commit));

        Assert.Null(result.Error);
        Assert.Equal(expected, result.Value);
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("-1")]
    [InlineData("+1")]
    [InlineData("1.5")]
    [InlineData("1e9")]
    [InlineData("0x10")]
    [InlineData("253402300800")] // after 9999-12-31T23:59:59Z, which RFC 3339 cannot write
    [InlineData("9999999999999999999")]
    public void A_value_that_is_not_decimal_seconds_is_an_error_naming_where_it_came_from(string value)
    {
        var environment = SourceDateEpoch.Resolve(value, null, () => Commit(null));
        var property = SourceDateEpoch.Resolve(null, value, () => Commit(null));

        Assert.Null(environment.Value);
        Assert.StartsWith($"the SOURCE_DATE_EPOCH environment variable is '{value}', which is not a SOURCE_DATE_EPOCH", environment.Error);
        Assert.StartsWith($"DockerDslSourceDateEpoch is '{value}'", property.Error);
    }

    [Theory]
    [InlineData("0", "1970-01-01T00:00:00Z")]
    [InlineData("1796129968", "2026-12-01T12:59:28Z")]
    [InlineData("253402300799", "9999-12-31T23:59:59Z")]
    public void The_created_label_is_the_epoch_in_RFC_3339_UTC(string epoch, string created) =>
        Assert.Equal(created, SourceDateEpoch.Rfc3339(epoch));

    [Theory]
    [InlineData("FROM debian:bookworm-slim\n", null, "debian:bookworm-slim")]
    [InlineData("FROM --platform=$BUILDPLATFORM debian:bookworm-slim AS build\nFROM build AS final\n", null, "debian:bookworm-slim")]
    [InlineData("FROM debian:bookworm-slim@sha256:aa AS base\nFROM Base AS final\nFROM alpine:3 AS other\n", "final", "debian:bookworm-slim@sha256:aa")]
    [InlineData("FROM debian:bookworm-slim AS base\nFROM alpine:3 AS other\n", "BASE", "debian:bookworm-slim")]
    [InlineData("from debian:bookworm-slim as base\nfrom base\n", null, "debian:bookworm-slim")]
    [InlineData("FROM scratch\n", null, null)]
    [InlineData("FROM debian:bookworm-slim AS build\nFROM scratch AS final\n", null, null)]
    [InlineData("ARG BASE=debian\nFROM $BASE\n", null, null)]
    [InlineData("FROM debian:bookworm-slim AS a\n", "missing", null)]
    [InlineData("# no stages\n", null, null)]
    // A later stage of the same name is not the base of an earlier one.
    [InlineData("FROM final AS first\nFROM debian:bookworm-slim AS final\n", "first", "final")]
    public void The_base_is_the_final_stages_image_through_the_stages_it_is_built_on(string dockerfile, string? stage, string? expected) =>
        Assert.Equal(expected, ImageLabels.BaseImage(dockerfile, stage));

    [Fact]
    public void Labels_leave_out_what_is_not_known()
    {
        var labels = ImageLabels.For(new ImageLabelSource { Version = " 1.0.0 ", RepositoryUrl = "", Revision = "a\nb" }, "FROM scratch\n", null);

        Assert.Equal(new[] { new KeyValuePair<string, string>(ImageLabels.Version, "1.0.0") }, labels);
    }

    [Theory]
    [InlineData(true, false, true, "--set *.output=type=docker,rewrite-timestamp=true")]
    [InlineData(false, true, true, "--set *.output=type=registry,rewrite-timestamp=true")]
    [InlineData(true, true, true, "--load --push")]
    [InlineData(true, false, false, "--load")]
    [InlineData(false, false, true, "")]
    public void Rewrite_timestamp_replaces_one_output_flag_when_there_is_an_epoch(bool load, bool push, bool rewrite, string expected)
    {
        var bake = new BakeFile.Contents(new[] { "api" }, new[] { new BakeTarget("api", ".", "Dockerfile", null, new[] { "api:dev" }) });
        var options = new BakeOptions { BakeFile = "/p/docker-bake.hcl", Load = load, Push = push, RewriteTimestamp = rewrite, SourceDateEpoch = "1" };

        var arguments = string.Join(" ", BakeArguments.For(bake, options));

        Assert.Equal(("buildx bake --file /p/docker-bake.hcl --progress=plain " + expected).TrimEnd() + " --set api.args.SOURCE_DATE_EPOCH=1 api", arguments);

        options.SourceDateEpoch = null;
        Assert.DoesNotContain("rewrite-timestamp", string.Join(" ", BakeArguments.For(bake, options)));
    }
}

using System.Linq;
using DockerDsl.Core.Lock;
using DockerDsl.Core.Text;

namespace DockerDsl.Core.Tests.Lock;

/// <summary>Which images a Dockerfile pulls, per platform, as BuildKit decides them.</summary>
public sealed class ExternalImagesTests
{
    private static (string[] Uses, string[] Errors) Of(string dockerfile, params string[] platforms)
    {
        var model = DockerfileReader.Read("Dockerfile", dockerfile).Model;
        var (uses, errors) = ExternalImages.Of(model, platforms.Length == 0 ? new[] { "linux/amd64" } : platforms, "linux/amd64");
        return (uses.Select(u => $"{u.Reference} {u.Platform} :{u.Source.Line}").ToArray(), errors.Select(e => $":{e.Source.Line} {e.Message}").ToArray());
    }

    [Fact]
    public void FROM_COPY_from_and_mount_from_images_count_and_stage_names_do_not()
    {
        var (uses, errors) = Of("""
            FROM debian:bookworm-slim AS build
            RUN --mount=type=bind,from=busybox:1.36,target=/b --mount=type=cache,target=/c true
            FROM build AS test
            COPY --from=BUILD /x /x
            COPY --from=0 /x /y
            COPY --from=alpine:3.20 /etc/os-release /z
            FROM scratch
            COPY --from=test /x /x
            """);
        Assert.Empty(errors);
        Assert.Equal(new[] { "debian:bookworm-slim linux/amd64 :1", "busybox:1.36 linux/amd64 :2", "alpine:3.20 linux/amd64 :6" }, uses);
    }

    [Fact]
    public void FROM_is_expanded_with_the_global_ARG_defaults_and_the_platform_arguments()
    {
        var (uses, errors) = Of("""
            ARG REGISTRY=ghcr.io/acme
            ARG VERSION=1.2
            FROM --platform=$BUILDPLATFORM ${REGISTRY}/sdk:${VERSION} AS build
            FROM ${REGISTRY}/runtime:${VERSION}-${TARGETARCH}
            """, "linux/amd64", "linux/arm64");
        Assert.Empty(errors);
        Assert.Equal(new[]
        {
            "ghcr.io/acme/sdk:1.2 linux/amd64 :3",
            "ghcr.io/acme/runtime:1.2-amd64 linux/amd64 :4",
            "ghcr.io/acme/runtime:1.2-arm64 linux/arm64 :4",
        }, uses);
    }

    [Fact]
    public void An_image_name_an_ARG_without_a_default_leaves_empty_is_an_error_at_its_FROM()
    {
        var (uses, errors) = Of("""
            ARG BASE
            FROM $BASE
            FROM debian:bookworm-slim
            """);
        Assert.Equal(new[] { "debian:bookworm-slim linux/amd64 :3" }, uses);
        Assert.Equal(":2 FROM $BASE: the image name is empty with the build arguments' defaults", Assert.Single(errors));
    }

    [Fact]
    public void A_reference_Docker_cannot_pull_is_an_error()
    {
        var (_, errors) = Of("FROM Debian:Latest\n");
        Assert.Contains("not an image reference", Assert.Single(errors));
    }
}

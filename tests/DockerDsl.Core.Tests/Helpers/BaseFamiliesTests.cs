using System.Collections.Generic;
using System.IO;
using System.Linq;
using DockerDsl.Core.Helpers;
using DockerDsl.Core.Text;

namespace DockerDsl.Core.Tests.Helpers;

/// <summary>
/// The base family inferred from image references: a table of real references (with registries, digests, architecture
/// namespaces and every tag convention the inference reads), and every FROM of the corpus's real Dockerfiles.
/// </summary>
public class BaseFamiliesTests
{
    [Theory]
    // Debian and Ubuntu, with docker.io's defaults, digests and architecture namespaces.
    [InlineData("debian", ImageFamily.Debian)]
    [InlineData("debian:bookworm-slim", ImageFamily.Debian)]
    [InlineData("docker.io/library/debian:12", ImageFamily.Debian)]
    [InlineData("index.docker.io/library/ubuntu:24.04", ImageFamily.Debian)]
    [InlineData("ubuntu:24.04@sha256:d1e2e92c075e5ca139d51a140fff46f84315c0fdce203eab2807c7e495eff4f9", ImageFamily.Debian)]
    [InlineData("amd64/buildpack-deps:noble-curl", ImageFamily.Debian)]
    [InlineData("arm64v8/debian:trixie", ImageFamily.Debian)]
    [InlineData("DEBIAN:Bookworm", ImageFamily.Debian)]
    // Official images: Debian by default, Alpine by tag, UBI by tag.
    [InlineData("node:22-bookworm-slim", ImageFamily.Debian)]
    [InlineData("node:18-alpine", ImageFamily.Alpine)]
    [InlineData("python:alpine", ImageFamily.Alpine)]
    [InlineData("python:3.14", ImageFamily.Debian)]
    [InlineData("golang:1.26-alpine3.23", ImageFamily.Alpine)]
    [InlineData("nginx:1.27.4", ImageFamily.Debian)]
    [InlineData("nginx:alpine", ImageFamily.Alpine)]
    [InlineData("eclipse-temurin:21-jre-jammy", ImageFamily.Debian)]
    [InlineData("eclipse-temurin:21-jre-ubi9-minimal", ImageFamily.RedHatMinimal)]
    [InlineData("rust:buster", ImageFamily.Debian)]
    // Alpine and busybox.
    [InlineData("alpine", ImageFamily.Alpine)]
    [InlineData("alpine:3.24", ImageFamily.Alpine)]
    [InlineData("docker.io/alpine:3.20@sha256:0000000000000000000000000000000000000000000000000000000000000000", ImageFamily.Alpine)]
    [InlineData("busybox", ImageFamily.Busybox)]
    [InlineData("busybox:1.36-musl", ImageFamily.Busybox)]
    [InlineData("busybox:stable-glibc", ImageFamily.Busybox)]
    [InlineData("busybox:1.35", ImageFamily.Busybox)]
    // The Red Hat family.
    [InlineData("fedora:41", ImageFamily.RedHat)]
    [InlineData("registry.fedoraproject.org/fedora:41", ImageFamily.RedHat)]
    [InlineData("registry.fedoraproject.org/fedora-minimal:41", ImageFamily.RedHatMinimal)]
    [InlineData("rockylinux:9", ImageFamily.RedHat)]
    [InlineData("rockylinux/rockylinux:9-minimal", ImageFamily.RedHatMinimal)]
    [InlineData("almalinux:8", ImageFamily.RedHat)]
    [InlineData("almalinux:9-minimal", ImageFamily.RedHatMinimal)]
    [InlineData("quay.io/centos/centos:stream9", ImageFamily.RedHat)]
    [InlineData("oraclelinux:9", ImageFamily.RedHat)]
    [InlineData("oraclelinux:9-slim", ImageFamily.RedHatMinimal)]
    [InlineData("registry.access.redhat.com/ubi9", ImageFamily.RedHat)]
    [InlineData("registry.access.redhat.com/ubi9/ubi:9.5", ImageFamily.RedHat)]
    [InlineData("registry.access.redhat.com/ubi8/ubi-init", ImageFamily.RedHat)]
    [InlineData("registry.access.redhat.com/ubi9-minimal:9.5", ImageFamily.RedHatMinimal)]
    [InlineData("registry.access.redhat.com/ubi9/ubi-minimal", ImageFamily.RedHatMinimal)]
    [InlineData("registry.redhat.io/ubi10/ubi-minimal", ImageFamily.RedHatMinimal)]
    [InlineData("redhat/ubi9", ImageFamily.RedHat)]
    [InlineData("redhat/ubi9-minimal:latest", ImageFamily.RedHatMinimal)]
    [InlineData("amazonlinux:2023", ImageFamily.RedHatMinimal)]
    [InlineData("public.ecr.aws/amazonlinux/amazonlinux:2", ImageFamily.RedHatMinimal)]
    [InlineData("mcr.microsoft.com/azurelinux/base/core:3.0", ImageFamily.RedHatMinimal)]
    // No shell.
    [InlineData("scratch", ImageFamily.Distroless)]
    [InlineData("gcr.io/distroless/static-debian12:nonroot", ImageFamily.Distroless)]
    [InlineData("gcr.io/distroless/cc-debian12", ImageFamily.Distroless)]
    [InlineData("mcr.microsoft.com/azurelinux/distroless/base:3.0", ImageFamily.Distroless)]
    // .NET: Debian or Ubuntu by default, then the tag's variant.
    [InlineData("mcr.microsoft.com/dotnet/aspnet:10.0", ImageFamily.Debian)]
    [InlineData("mcr.microsoft.com/dotnet/aspnet:8.0-bookworm-slim", ImageFamily.Debian)]
    [InlineData("mcr.microsoft.com/dotnet/sdk:10.0-noble", ImageFamily.Debian)]
    [InlineData("mcr.microsoft.com/dotnet/runtime:10.0-alpine", ImageFamily.Alpine)]
    [InlineData("mcr.microsoft.com/dotnet/runtime-deps:10.0-alpine3.22-extra", ImageFamily.Alpine)]
    [InlineData("mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled", ImageFamily.Distroless)]
    [InlineData("mcr.microsoft.com/dotnet/runtime-deps:10.0-noble-chiseled-extra", ImageFamily.Distroless)]
    [InlineData("mcr.microsoft.com/dotnet/aspnet:10.0-azurelinux3.0-distroless", ImageFamily.Distroless)]
    [InlineData("mcr.microsoft.com/dotnet/sdk:10.0-azurelinux3.0", ImageFamily.RedHatMinimal)]
    public void Infers_the_family_from_the_reference(string image, ImageFamily expected) =>
        Assert.Equal(expected, BaseFamilies.Infer(image));

    [Theory]
    // Names that do not tell: private and third-party images, variables, Windows, UBI's micro and application images.
    [InlineData("a:1")]
    [InlineData("registry.example.com/team/app:1")]
    [InlineData("oven/bun:1")]
    [InlineData("koalaman/shellcheck-alpine:v0.11.0")]
    [InlineData("mvdan/shfmt:v3.13.1-alpine")]
    [InlineData("alpine:${ALPINE_VERSION}")]
    [InlineData("$BASE")]
    [InlineData("mcr.microsoft.com/dotnet/sdk:10.0-windowsservercore-ltsc2022")]
    [InlineData("mcr.microsoft.com/windows/servercore:ltsc2022")]
    [InlineData("registry.access.redhat.com/ubi9/ubi-micro")]
    [InlineData("registry.access.redhat.com/ubi9/nodejs-20")]
    [InlineData("example.com/debian:12")]
    [InlineData("")]
    public void Does_not_guess(string image) => Assert.Null(BaseFamilies.Infer(image));

    [Theory]
    // Azure Linux and CBL-Mariner install with tdnf, the .NET images' -azurelinux and -cbl-mariner tags with them.
    [InlineData("mcr.microsoft.com/azurelinux/base/core:3.0", RpmManagerKind.Tdnf)]
    [InlineData("MCR.microsoft.com/azurelinux/base/core:3.0@sha256:0000000000000000000000000000000000000000000000000000000000000000", RpmManagerKind.Tdnf)]
    [InlineData("mcr.microsoft.com/cbl-mariner/base/core:2.0", RpmManagerKind.Tdnf)]
    [InlineData("mcr.microsoft.com/dotnet/runtime-deps:10.0-azurelinux3.0", RpmManagerKind.Tdnf)]
    [InlineData("mcr.microsoft.com/dotnet/sdk:8.0-cbl-mariner2.0", RpmManagerKind.Tdnf)]
    // Amazon Linux 2023 has dnf and no microdnf, though it is RedHatMinimal (no shadow-utils).
    [InlineData("amazonlinux:2023", RpmManagerKind.Dnf)]
    [InlineData("public.ecr.aws/amazonlinux/amazonlinux:2023", RpmManagerKind.Dnf)]
    [InlineData("amazonlinux", RpmManagerKind.Dnf)]
    public void Knows_the_rpm_manager_where_the_distribution_is_not_the_family_default(string image, RpmManagerKind expected) =>
        Assert.Equal(expected, BaseFamilies.RpmManagerOf(image));

    [Theory]
    // The family decides for these (dnf or microdnf), and for names that do not tell.
    [InlineData("fedora:41")]
    [InlineData("registry.access.redhat.com/ubi9/ubi-minimal:9.5")]
    [InlineData("mcr.microsoft.com/dotnet/runtime-deps:10.0")]
    [InlineData("registry.example.com/azurelinux/base/core:3.0")]
    [InlineData("$BASE")]
    [InlineData("")]
    public void Leaves_the_rpm_manager_to_the_family_elsewhere(string image) => Assert.Null(BaseFamilies.RpmManagerOf(image));

    /// <summary>Every image a FROM of the corpus's real Dockerfiles names, and the family inferred from it (reviewed); images it does not infer are left out.</summary>
    private static readonly Dictionary<string, ImageFamily> CorpusFamilies = new()
    {
        ["almalinux:8"] = ImageFamily.RedHat,
        ["alpine"] = ImageFamily.Alpine,
        ["alpine:3.20"] = ImageFamily.Alpine,
        ["alpine:3.21"] = ImageFamily.Alpine,
        ["alpine:3.23"] = ImageFamily.Alpine,
        ["alpine:3.24"] = ImageFamily.Alpine,
        ["amd64/buildpack-deps:noble-curl"] = ImageFamily.Debian,
        ["buildpack-deps:bullseye"] = ImageFamily.Debian,
        ["buildpack-deps:trixie"] = ImageFamily.Debian,
        ["buildpack-deps:trixie-scm"] = ImageFamily.Debian,
        ["debian:bookworm-slim"] = ImageFamily.Debian,
        ["debian:buster-slim"] = ImageFamily.Debian,
        ["debian:trixie-slim"] = ImageFamily.Debian,
        ["eclipse-temurin:17-jdk-noble"] = ImageFamily.Debian,
        ["eclipse-temurin:21-jre-jammy"] = ImageFamily.Debian,
        ["eclipse-temurin:8-jre-jammy"] = ImageFamily.Debian,
        ["golang:1.18-alpine"] = ImageFamily.Alpine,
        ["golang:1.26-alpine3.23"] = ImageFamily.Alpine,
        ["mcr.microsoft.com/azurelinux/base/core:3.0"] = ImageFamily.RedHatMinimal,
        ["mcr.microsoft.com/dotnet/aspnet:10.0"] = ImageFamily.Debian,
        ["mcr.microsoft.com/dotnet/aspnet:10.0-azurelinux3.0-distroless"] = ImageFamily.Distroless,
        ["mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled"] = ImageFamily.Distroless,
        ["mcr.microsoft.com/dotnet/runtime-deps:10.0"] = ImageFamily.Debian,
        ["mcr.microsoft.com/dotnet/runtime-deps:10.0-azurelinux3.0-distroless-extra"] = ImageFamily.Distroless,
        ["mcr.microsoft.com/dotnet/runtime-deps:10.0-noble-chiseled-arm64v8"] = ImageFamily.Distroless,
        ["mcr.microsoft.com/dotnet/runtime-deps:10.0-noble-chiseled-extra"] = ImageFamily.Distroless,
        ["mcr.microsoft.com/dotnet/runtime:10.0"] = ImageFamily.Debian,
        ["mcr.microsoft.com/dotnet/runtime:10.0-alpine"] = ImageFamily.Alpine,
        ["mcr.microsoft.com/dotnet/sdk:10.0"] = ImageFamily.Debian,
        ["mcr.microsoft.com/dotnet/sdk:10.0-alpine"] = ImageFamily.Alpine,
        ["mcr.microsoft.com/dotnet/sdk:10.0-azurelinux3.0"] = ImageFamily.RedHatMinimal,
        ["mcr.microsoft.com/dotnet/sdk:10.0-azurelinux3.0-aot"] = ImageFamily.RedHatMinimal,
        ["mcr.microsoft.com/dotnet/sdk:10.0-noble"] = ImageFamily.Debian,
        ["mcr.microsoft.com/dotnet/sdk:10.0-noble-aot-amd64"] = ImageFamily.Debian,
        ["nginx:1.27.4"] = ImageFamily.Debian,
        ["nginx:alpine"] = ImageFamily.Alpine,
        ["node:17.0.1-bullseye-slim"] = ImageFamily.Debian,
        ["node:18-alpine"] = ImageFamily.Alpine,
        ["node:lts-buster"] = ImageFamily.Debian,
        ["python:3.14"] = ImageFamily.Debian,
        ["python:alpine"] = ImageFamily.Alpine,
        ["rabbitmq:4.3"] = ImageFamily.Debian,
        ["rabbitmq:4.3-alpine"] = ImageFamily.Alpine,
        ["rust:buster"] = ImageFamily.Debian,
        ["scratch"] = ImageFamily.Distroless,
        ["ubuntu:24.04"] = ImageFamily.Debian,
        ["ubuntu:24.04@sha256:d1e2e92c075e5ca139d51a140fff46f84315c0fdce203eab2807c7e495eff4f9"] = ImageFamily.Debian,
        ["ubuntu:jammy"] = ImageFamily.Debian,
    };

    [Fact]
    public void Infers_every_corpus_from_that_it_names_as_reviewed()
    {
        var images = Directory.GetFiles(Corpus.Path("real"))
            .SelectMany(file => DockerfileReader.Read(Path.GetFileName(file), File.ReadAllText(file)).Model.Stages)
            .Select(stage => stage.Base.Image)
            .OfType<string>()
            .Distinct()
            .Order(System.StringComparer.Ordinal)
            .ToList();
        var inferred = images
            .Select(image => (Image: image, Family: BaseFamilies.Infer(image)))
            .Where(pair => pair.Family is not null)
            .ToDictionary(pair => pair.Image, pair => pair.Family!.Value);

        Assert.True(images.Count > 60, $"only {images.Count} images");
        Assert.Equal(
            CorpusFamilies.OrderBy(p => p.Key, System.StringComparer.Ordinal).Select(p => $"{p.Key} {p.Value}"),
            inferred.OrderBy(p => p.Key, System.StringComparer.Ordinal).Select(p => $"{p.Key} {p.Value}"));
    }
}

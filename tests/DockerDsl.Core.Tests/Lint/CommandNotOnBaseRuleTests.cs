using System;
using DockerDsl.Core.Helpers;
using DockerDsl.Core.Lint;
using DockerDsl.Core.Lock;
using DockerDsl.Core.Model;

namespace DockerDsl.Core.Tests.Lint;

/// <summary>DDSL044: a RUN command that the family of the stage's base image does not have.</summary>
public class CommandNotOnBaseRuleTests
{
    [Theory]
    [InlineData("FROM debian:bookworm-slim\nRUN apk add --no-cache curl\n", 2, "'apk' is not on the base image 'debian:bookworm-slim' (Debian or Ubuntu)")]
    [InlineData("FROM ubuntu:24.04\nRUN dnf install -y curl\n", 2, "'dnf'")]
    [InlineData("FROM alpine:3.21\nRUN apt-get update && apt-get install -y curl\n", 2, "'apt-get' is not on the base image 'alpine:3.21' (Alpine)")]
    [InlineData("FROM alpine:3.21\nRUN addgroup -S app && useradd -r app\n", 2, "fails with exit code 127; use busybox's adduser and addgroup")]
    [InlineData("FROM node:22-alpine\nRUN groupadd app\n", 2, "'groupadd'")]
    [InlineData("FROM busybox:1.35\nRUN groupadd --system app\n", 2, "write the entries into /etc/passwd and /etc/group")]
    [InlineData("FROM busybox:1.35\nRUN apk add curl\n", 2, "busybox has no package manager")]
    [InlineData("FROM registry.access.redhat.com/ubi9/ubi-minimal:9.5\nRUN useradd app\n", 2, "install shadow-utils first")]
    [InlineData("FROM amazonlinux:2023\nRUN /usr/sbin/useradd app\n", 2, "'useradd'")]
    [InlineData("FROM fedora:41\nRUN apt-get install -y curl\n", 2, "'apt-get'")]
    [InlineData("FROM gcr.io/distroless/static-debian12\nRUN echo hi\n", 2, "'/bin/sh' is not on the base image")]
    [InlineData("FROM scratch\nRUN true\n", 2, "the base has no shell")]
    [InlineData("FROM alpine:3.21 AS base\nRUN true\nFROM base\nRUN useradd app\n", 4, "'alpine:3.21' (Alpine)")]
    [InlineData("FROM alpine:3.21\nRUN apk add --no-cache shadow\nFROM alpine:3.21\nRUN useradd app\n", 4, "'useradd'")]
    public void A_command_the_base_does_not_have_is_reported_at_its_RUN(string dockerfile, int line, string message)
    {
        Assert.Equal(new[] { line }, Lints.Lines("DDSL044", dockerfile));
        Assert.Contains(message, Assert.Single(Lints.Messages("DDSL044", dockerfile)));
    }

    [Theory]
    [InlineData("FROM debian:bookworm-slim\nRUN apt-get update && useradd app\n")]
    [InlineData("FROM alpine:3.21\nRUN apk add --no-cache curl && addgroup -S app && adduser -S -G app app\n")]
    [InlineData("FROM alpine:3.21\nRUN apk add --no-cache shadow && useradd app\n")]
    [InlineData("FROM alpine:3.21 AS base\nRUN apk add --no-cache shadow\nFROM base\nRUN useradd app\n")]
    [InlineData("FROM registry.access.redhat.com/ubi9/ubi-minimal:9.5\nRUN microdnf install -y shadow-utils && useradd app\n")]
    [InlineData("FROM fedora:41\nRUN dnf install -y curl && useradd app\n")]
    [InlineData("FROM amazonlinux:2023\nRUN dnf install -y curl\n")]
    [InlineData("FROM busybox:1.35\nRUN echo 'app:x:10001:' >> /etc/group\n")]
    [InlineData("FROM registry.example.com/base:1\nRUN apk add curl && apt-get install -y x\n")]
    [InlineData("FROM alpine:${V}\nRUN apt-get install -y x\n")]
    [InlineData("FROM gcr.io/distroless/static-debian12\nRUN [\"/busybox/sh\", \"-c\", \"true\"]\n")]
    [InlineData("FROM gcr.io/distroless/static-debian12\nCOPY app /app\n")]
    public void A_command_the_base_has_or_a_base_of_unknown_family_is_not_reported(string dockerfile) =>
        Assert.Empty(Lints.Lines("DDSL044", dockerfile));

    private static LintOptions Locked(string reference, string family) => new()
    {
        Lock = new LockFile(new[]
        {
            new LockedImage(reference, "registry.example/team/base", "1", Digest, "application/vnd.oci.image.manifest.v1+json", new[]
            {
                new LockedPlatform("linux/amd64", Digest, "linux", "amd64", null, ImageConfig.None, new LockedFileSystem(null, null, EquatableArray<string>.Empty, Enum.Parse<ImageFamily>(family))),
            }.ToEquatableArray()),
        }.ToEquatableArray()),
    };

    private static readonly string Digest = "sha256:" + new string('d', 64);

    [Theory]
    [InlineData("FROM registry.example/team/base:1\nRUN apk add curl\n", "registry.example/team/base:1", "Debian", "(Debian or Ubuntu)")]
    [InlineData("FROM debian:12\nRUN apt-get install -y curl\n", "debian:12", "Busybox", "busybox has no package manager")]
    public void A_locked_base_has_the_family_its_layers_tell(string dockerfile, string reference, string family, string message)
    {
        // Without the lock: the first name tells nothing, and debian has apt-get.
        Assert.Empty(Lints.Lines("DDSL044", dockerfile));
        Assert.Equal(new[] { 2 }, Lints.Lines("DDSL044", dockerfile, Locked(reference, family)));
        Assert.Contains(message, Assert.Single(Lints.Messages("DDSL044", dockerfile, Locked(reference, family))));
    }
}

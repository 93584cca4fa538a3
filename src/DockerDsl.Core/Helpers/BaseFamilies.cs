using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace DockerDsl.Core.Helpers;

/// <summary>
/// The kind of base image a helper writes for (DockerDsl.BaseFamily, the same numbers): which tools make users
/// and install packages.
/// </summary>
public enum ImageFamily
{
    Debian = 1,
    Alpine = 2,
    Busybox = 3,
    RedHat = 4,
    RedHatMinimal = 5,
    Distroless = 6,
}

/// <summary>
/// Infers a base image's family from its reference, the one place that decides it. Only names whose family is
/// known are inferred (official images and vendor repositories, by the tag conventions they document); any other
/// name, a name or tag built from a variable, and Windows images give null, so the helper asks for
/// <c>Family</c> rather than guess.
/// </summary>
public static class BaseFamilies
{
    // Docker Official Images whose default variant is Debian (or Ubuntu) and whose "-alpine" tags are Alpine
    // (each image's tag list on Docker Hub: "<version>", "<version>-<debian suite>", "<version>-alpine<version>").
    private static readonly HashSet<string> DebianByDefault = new(StringComparer.Ordinal)
    {
        "buildpack-deps", "golang", "node", "python", "ruby", "rust", "php", "perl", "nginx", "httpd", "redis",
        "postgres", "rabbitmq", "memcached", "haproxy", "eclipse-temurin", "openjdk", "gradle", "maven", "erlang",
        "elixir", "haskell", "julia", "r-base", "gcc", "swift", "tomcat", "traefik", "mariadb", "mongo",
    };

    // The architecture namespaces of the Docker Official Images (amd64/debian is debian).
    private static readonly HashSet<string> ArchitectureNamespaces = new(StringComparer.Ordinal)
    {
        "amd64", "arm32v5", "arm32v6", "arm32v7", "arm64v8", "i386", "mips64le", "ppc64le", "riscv64", "s390x",
    };

    // ubi9, ubi9-minimal, ubi9/ubi, ubi9/ubi-minimal (and -init, -micro); not the application images (ubi9/nodejs-20).
    private static readonly Regex UbiPath = new("^(ubi[0-9]*(-(?<variant>[a-z]+))?|ubi[0-9]+/ubi(-(?<variant>[a-z]+))?)$", RegexOptions.CultureInvariant);

    private static readonly string[] RedHatImages =
    {
        "fedora", "registry.fedoraproject.org/fedora", "quay.io/fedora/fedora", "rockylinux", "rockylinux/rockylinux",
        "quay.io/rockylinux/rockylinux", "almalinux", "quay.io/almalinuxorg/almalinux", "centos", "quay.io/centos/centos",
        "oraclelinux",
    };

    /// <summary>
    /// The families a package helper (<c>AptInstall</c>, <c>ApkInstall</c>, <c>DnfInstall</c>, by attribute name without
    /// "Attribute") fits: those whose package manager it runs. On a base of a known other family it is DDSL114. Null for
    /// any other helper.
    /// </summary>
    public static IReadOnlyList<ImageFamily>? PackageHelperFamilies(string helper) => helper switch
    {
        "AptInstall" => new[] { ImageFamily.Debian },
        "ApkInstall" => new[] { ImageFamily.Alpine },
        "DnfInstall" => new[] { ImageFamily.RedHat, ImageFamily.RedHatMinimal },
        _ => null,
    };

    /// <summary>
    /// The family of <paramref name="image"/> (a FROM reference: <c>[registry/]name[:tag][@digest]</c>), or null
    /// when its name does not tell.
    /// </summary>
    public static ImageFamily? Infer(string? image)
    {
        if (string.IsNullOrWhiteSpace(image) || image!.IndexOf('$') >= 0)
        {
            return null;
        }

        var (name, tag) = Split(image.Trim().ToLowerInvariant());
        if (name == "scratch")
        {
            return ImageFamily.Distroless;
        }

        if (tag.Contains("windowsservercore") || tag.Contains("nanoserver") || name.StartsWith("mcr.microsoft.com/windows", StringComparison.Ordinal))
        {
            return null;
        }

        switch (name)
        {
            case "debian":
            case "ubuntu":
                return ImageFamily.Debian;
            case "alpine":
                return ImageFamily.Alpine;
            case "busybox":
                return ImageFamily.Busybox;

            // Amazon Linux's container image has no shadow-utils (amazonlinux/container-images#28, #83).
            case "amazonlinux":
            case "public.ecr.aws/amazonlinux/amazonlinux":
                return ImageFamily.RedHatMinimal;

            // Azure Linux (CBL-Mariner 2.0 and later) base/core has no shadow-utils (microsoft/azurelinux#3239).
            case "mcr.microsoft.com/azurelinux/base/core":
            case "mcr.microsoft.com/cbl-mariner/base/core":
                return ImageFamily.RedHatMinimal;
            case "mcr.microsoft.com/azurelinux/distroless/base":
            case "mcr.microsoft.com/azurelinux/distroless/minimal":
            case "mcr.microsoft.com/cbl-mariner/distroless/base":
            case "mcr.microsoft.com/cbl-mariner/distroless/minimal":
                return ImageFamily.Distroless;
        }

        if (name.StartsWith("gcr.io/distroless/", StringComparison.Ordinal))
        {
            return ImageFamily.Distroless;
        }

        if (RedHatImage(name) is { } redHat)
        {
            // Rocky's and Alma's "-minimal" and Oracle's "-slim" tags have microdnf and no shadow-utils; Fedora's
            // minimal image is its own repository (fedora-minimal).
            return tag.Contains("minimal") || (name == "oraclelinux" && tag.Contains("slim")) ? ImageFamily.RedHatMinimal : redHat;
        }

        if (Ubi(name) is { } ubi)
        {
            return ubi;
        }

        if (name.StartsWith("mcr.microsoft.com/dotnet/", StringComparison.Ordinal))
        {
            return DotNet(tag);
        }

        if (DebianByDefault.Contains(name))
        {
            return tag.Contains("alpine") ? ImageFamily.Alpine
                : tag.Contains("ubi") ? (tag.Contains("minimal") ? ImageFamily.RedHatMinimal : ImageFamily.RedHat)
                : ImageFamily.Debian;
        }

        return null;
    }

    /// <summary>
    /// The RPM manager a base image's distribution ships, where its name tells and it is not the family's default:
    /// Azure Linux and CBL-Mariner install with tdnf (dotnet-docker's azurelinux3.0 Dockerfiles run
    /// <c>tdnf install -y ... &amp;&amp; tdnf clean all</c> on mcr.microsoft.com/azurelinux/base/core:3.0); Amazon Linux
    /// 2023 has dnf and no microdnf (Amazon Linux 2, which had yum, reached its end of support on 2026-06-30). Null for
    /// any other image.
    /// </summary>
    public static RpmManagerKind? RpmManagerOf(string? image)
    {
        if (string.IsNullOrWhiteSpace(image) || image!.IndexOf('$') >= 0)
        {
            return null;
        }

        var (name, tag) = Split(image.Trim().ToLowerInvariant());
        if (name.StartsWith("mcr.microsoft.com/azurelinux/", StringComparison.Ordinal)
            || name.StartsWith("mcr.microsoft.com/cbl-mariner/", StringComparison.Ordinal)
            || (name.StartsWith("mcr.microsoft.com/dotnet/", StringComparison.Ordinal) && (tag.Contains("azurelinux") || tag.Contains("cbl-mariner"))))
        {
            return RpmManagerKind.Tdnf;
        }

        return name is "amazonlinux" or "public.ecr.aws/amazonlinux/amazonlinux" ? RpmManagerKind.Dnf : null;
    }

    /// <summary>The .NET images' tags (dotnet-docker's supported tags): Debian or Ubuntu by default, then -alpine, -chiseled, -azurelinux, -distroless.</summary>
    private static ImageFamily DotNet(string tag) =>
        tag.Contains("chiseled") || tag.Contains("distroless") ? ImageFamily.Distroless
        : tag.Contains("alpine") ? ImageFamily.Alpine
        : tag.Contains("azurelinux") || tag.Contains("cbl-mariner") ? ImageFamily.RedHatMinimal
        : ImageFamily.Debian;

    private static ImageFamily? RedHatImage(string name)
    {
        if (RedHatImages.Contains(name))
        {
            return ImageFamily.RedHat;
        }

        return name is "registry.fedoraproject.org/fedora-minimal" or "quay.io/fedora/fedora-minimal" ? ImageFamily.RedHatMinimal : null;
    }

    /// <summary>
    /// The Red Hat Universal Base Images: registry.access.redhat.com/ubi9 (or ubi9/ubi), registry.redhat.io/ubi9, redhat/ubi9
    /// on Docker Hub; -minimal has microdnf and no shadow-utils. ubi-micro (no package manager) is not inferred.
    /// </summary>
    private static ImageFamily? Ubi(string name)
    {
        string? path = null;
        foreach (var registry in new[] { "registry.access.redhat.com/", "registry.redhat.io/", "redhat/" })
        {
            if (name.StartsWith(registry, StringComparison.Ordinal))
            {
                path = name.Substring(registry.Length);
            }
        }

        if (path is null)
        {
            return null;
        }

        var match = UbiPath.Match(path);
        return !match.Success ? null
            : match.Groups["variant"].Value switch { "" or "init" => ImageFamily.RedHat, "minimal" => ImageFamily.RedHatMinimal, _ => null };
    }

    /// <summary>The repository name without docker.io's defaults and the tag, lower case.</summary>
    private static (string Name, string Tag) Split(string image)
    {
        var at = image.IndexOf('@');
        var reference = at >= 0 ? image.Substring(0, at) : image;
        var slash = reference.LastIndexOf('/');
        var colon = reference.LastIndexOf(':');
        var tag = colon > slash ? reference.Substring(colon + 1) : string.Empty;
        var name = colon > slash ? reference.Substring(0, colon) : reference;
        foreach (var prefix in new[] { "docker.io/", "index.docker.io/", "registry-1.docker.io/" })
        {
            if (name.StartsWith(prefix, StringComparison.Ordinal))
            {
                name = name.Substring(prefix.Length);
            }
        }

        if (name.StartsWith("library/", StringComparison.Ordinal))
        {
            name = name.Substring("library/".Length);
        }

        var first = name.IndexOf('/');
        if (first > 0 && ArchitectureNamespaces.Contains(name.Substring(0, first)) && name.IndexOf('/', first + 1) < 0)
        {
            name = name.Substring(first + 1);
        }

        return (name, tag);
    }
}

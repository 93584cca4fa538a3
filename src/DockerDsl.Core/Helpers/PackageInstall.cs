using System.Collections.Generic;
using System.Linq;
using DockerDsl.Core.Model;

namespace DockerDsl.Core.Helpers;

/// <summary>The RPM package manager [DnfInstall] runs (DockerDsl.RpmManager, the same numbers).</summary>
public enum RpmManagerKind
{
    Dnf = 1,
    Microdnf = 2,
    Tdnf = 3,
}

/// <summary>
/// [ApkInstall] and [DnfInstall]: one RUN that installs the packages and leaves no package index or downloaded
/// package in the layer. apk: <c>--no-cache</c> fetches the index to a temporary place (apk(8)); dnf and microdnf:
/// no weak dependencies and no documentation, then <c>clean all</c> removes the metadata and package cache.
/// </summary>
public static class PackageInstall
{
    public static RunInstruction Apk(EquatableArray<string> packages, SourceRef source)
    {
        var lines = new List<string> { "apk add --no-cache" };
        lines.AddRange(packages.Select(p => "    " + p));
        return Run(lines, source);
    }

    public static RunInstruction Dnf(RpmManagerKind manager, EquatableArray<string> packages, SourceRef source)
    {
        if (manager == RpmManagerKind.Tdnf)
        {
            // Azure Linux's own images install this way (dotnet-docker's azurelinux3.0 Dockerfiles:
            // "tdnf install -y ... && tdnf clean all"); tdnf's options for weak dependencies and documentation
            // differ from dnf's, so none is given.
            var tdnf = new List<string> { "tdnf install -y" };
            tdnf.AddRange(packages.Select(p => "    " + p));
            tdnf.Add("&& tdnf clean all");
            return Run(tdnf, source);
        }

        var tool = manager == RpmManagerKind.Microdnf ? "microdnf" : "dnf";

        // microdnf takes --setopt=install_weak_deps=0 (microdnf 3.8); dnf takes the same option and value.
        var lines = new List<string> { $"{tool} install -y --nodocs --setopt=install_weak_deps=0" };
        lines.AddRange(packages.Select(p => "    " + p));
        lines.Add($"&& {tool} clean all");
        return Run(lines, source);
    }

    /// <summary>
    /// The manager when [DnfInstall] does not state one: the one the base image's distribution ships where its name
    /// tells (<see cref="BaseFamilies.RpmManagerOf"/>), else microdnf on the minimal images and dnf on the others.
    /// </summary>
    public static RpmManagerKind DefaultManager(ImageFamily? family, string? baseImage) =>
        BaseFamilies.RpmManagerOf(baseImage)
        ?? (family == ImageFamily.RedHatMinimal ? RpmManagerKind.Microdnf : RpmManagerKind.Dnf);

    private static RunInstruction Run(List<string> lines, SourceRef source) =>
        new(RunForm.Shell, lines.ToEquatableArray(), EquatableArray<Mount>.Empty, null, null, source);
}

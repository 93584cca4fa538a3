using System;
using System.Collections.Generic;
using System.Linq;
using DockerDsl.Core.Helpers;
using DockerDsl.Core.Lock;
using DockerDsl.Core.Model;

namespace DockerDsl.Core.Rules;

/// <summary>Rules that need the family of the image at the root of a stage's FROM chain (<see cref="BaseFamilies"/>).</summary>
public static class BaseFamilyRules
{
    private static readonly string[] PackageManagers = { "apt-get", "apt", "apk", "dnf", "microdnf", "yum", "tdnf" };
    private static readonly string[] ShadowTools = { "useradd", "groupadd", "usermod", "groupmod", "userdel", "groupdel" };

    /// <summary>
    /// DDSL044: a RUN, in a stage whose base image's family is known, that runs a command that family does not have
    /// (apk on Debian, apt-get on Alpine, useradd where there is no shadow package), or any shell-form RUN on a base
    /// without a shell: the shell fails with exit code 127 ("not found"). useradd and its kin count as present once an
    /// earlier command of the chain installed the shadow package (<c>apk add shadow</c>, <c>microdnf install
    /// shadow-utils</c>). Found once per RUN, at its command. Arguments: the command, the base image, its family, what
    /// to use instead.
    /// </summary>
    /// <param name="lockFile">The lock file: the family a locked base image's layers tell wins over its name's, as for the helpers.</param>
    public static IEnumerable<Finding> CommandNotOnBase(DockerfileModel model, LockFile? lockFile = null)
    {
        var locked = lockFile?.ImageFamilies();
        foreach (var stage in model.Stages)
        {
            var root = StageChain.Of(model, stage)[0];
            if (root.Base.Image is not { } image
                || (locked is not null && locked.TryGetValue(image, out var lockedFamily) ? lockedFamily : BaseFamilies.Infer(image)) is not { } family)
            {
                continue;
            }

            var shadowInstalled = false;
            foreach (var (owner, instruction) in StageChain.Instructions(model, stage))
            {
                if (RunCommandRules.CommandsOf(instruction) is not { } commands)
                {
                    continue;
                }

                string[]? found = null;
                if (family == ImageFamily.Distroless)
                {
                    found = new[] { "/bin/sh", image, Describe(family), "the base has no shell: run the command in a build stage and copy its result" };
                }

                foreach (var command in commands)
                {
                    var name = command.Name.Substring(command.Name.LastIndexOf('/') + 1);
                    if (found is null && Missing(family, name, shadowInstalled) is { } instead)
                    {
                        found = new[] { name, image, Describe(family), instead };
                    }

                    shadowInstalled |= PackageManagers.Contains(name) && command.Words.Any(w => w is "shadow" or "shadow-utils" || w.StartsWith("shadow=", StringComparison.Ordinal) || w.StartsWith("shadow-utils-", StringComparison.Ordinal));
                }

                if (owner == stage && found is not null)
                {
                    yield return new Finding(instruction.Source.WithArgument(0), found, stage.TypeMetadataName);
                }
            }
        }
    }

    private static string? Missing(ImageFamily family, string name, bool shadowInstalled)
    {
        var packages = family switch
        {
            ImageFamily.Debian => new[] { "apk", "dnf", "microdnf", "yum", "tdnf" },
            ImageFamily.Alpine => new[] { "apt-get", "apt", "dnf", "microdnf", "yum", "tdnf" },
            ImageFamily.Busybox => PackageManagers,
            ImageFamily.RedHat => new[] { "apt-get", "apt", "apk" },
            ImageFamily.RedHatMinimal => new[] { "apt-get", "apt", "apk" },
            _ => Array.Empty<string>(),
        };
        if (packages.Contains(name))
        {
            return family switch
            {
                ImageFamily.Debian => "install with apt-get",
                ImageFamily.Alpine => "install with apk",
                ImageFamily.RedHat => "install with dnf",
                ImageFamily.RedHatMinimal => "install with the image's own manager (microdnf on ubi-minimal, dnf on Amazon Linux 2023, tdnf on Azure Linux)",
                _ => "busybox has no package manager: install in a build stage of another base and copy the files",
            };
        }

        var noShadow = family is ImageFamily.Alpine or ImageFamily.Busybox or ImageFamily.RedHatMinimal;
        if (noShadow && !shadowInstalled && ShadowTools.Contains(name))
        {
            return family switch
            {
                ImageFamily.Alpine => "use busybox's adduser and addgroup, or install the shadow package first",
                ImageFamily.Busybox => "write the entries into /etc/passwd and /etc/group",
                _ => "install shadow-utils first, or write the entries into /etc/passwd and /etc/group",
            };
        }

        return null;
    }

    private static string Describe(ImageFamily family) => family switch
    {
        ImageFamily.Debian => "Debian or Ubuntu",
        ImageFamily.Alpine => "Alpine",
        ImageFamily.Busybox => "busybox",
        ImageFamily.RedHat => "Red Hat family",
        ImageFamily.RedHatMinimal => "minimal Red Hat family, without shadow-utils",
        _ => "no shell: distroless, chiseled or scratch",
    };
}

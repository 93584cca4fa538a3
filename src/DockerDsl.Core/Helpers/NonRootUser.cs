using System.Collections.Generic;
using System.Globalization;
using System.Text.RegularExpressions;
using DockerDsl.Core.Emit;
using DockerDsl.Core.Model;

namespace DockerDsl.Core.Helpers;

/// <summary>
/// [NonRootUser]: a group and user with fixed ids, made with the tools of the base image's family, then a
/// numeric <c>USER uid:gid</c> so that runtimes (Kubernetes runAsNonRoot) can verify the image does not run as root.
/// </summary>
public static class NonRootUser
{
    public const int DefaultUid = 1001;

    /// <summary>The home directory written to /etc/passwd for a user without one (Debian's convention for system users).</summary>
    public const string NoHome = "/nonexistent";

    private static readonly Regex NamePattern = new("^[a-z_][a-z0-9_-]{0,31}$", RegexOptions.CultureInvariant);

    public static string? NameProblem(string? name) =>
        name is not null && NamePattern.IsMatch(name) ? null : "is not a valid user or group name (lower case letters, digits, '_' or '-', at most 32)";

    public static string Owner(int uid, int gid) => Number(uid) + ":" + Number(gid);

    /// <summary>Why the options cannot be made on <paramref name="family"/>; null when they can.</summary>
    public static string? FamilyProblem(ImageFamily family, string? home, bool createHome) =>
        family == ImageFamily.Distroless && home is not null && createHome
            ? $"cannot create the home directory '{home}' on a base without a shell (distroless, chiseled, scratch); set CreateHome = false to only set HOME, or create the directory in a build stage and copy it with [CopyFrom(..., Chown = ...)]"
            : null;

    /// <summary>The instructions for <paramref name="family"/>; <see cref="FamilyProblem"/> must be null for the options.</summary>
    public static IEnumerable<Instruction> Expand(ImageFamily family, NonRootUserOptions user, char escape, SourceRef source)
    {
        var lines = family switch
        {
            ImageFamily.Debian => ShadowUtils(user, "/usr/sbin/nologin"),
            ImageFamily.RedHat => ShadowUtils(user, "/sbin/nologin"),
            ImageFamily.Alpine => Busybox(user),
            ImageFamily.Busybox => PasswdFiles(user, "/bin/false"),
            ImageFamily.RedHatMinimal => PasswdFiles(user, "/sbin/nologin"),
            _ => null,
        };

        if (lines is not null)
        {
            yield return new RunInstruction(RunForm.Shell, lines.ToEquatableArray(), EquatableArray<Mount>.Empty, null, null, source);
        }
        else if (user.Home is not null)
        {
            // No /etc/passwd entry, so the runtime sets HOME=/ for the numeric user (runc's user lookup falls back to "/").
            yield return new EnvInstruction(new[] { new KeyValue("HOME", Quoting.DoubleQuoted(user.Home, escape, false)) }.ToEquatableArray(), source);
        }

        yield return new UserInstruction(Number(user.Uid), Number(user.Gid), source);
    }

    /// <summary>groupadd and useradd from shadow-utils (Debian's passwd package): useradd(8), groupadd(8).</summary>
    private static string[] ShadowUtils(NonRootUserOptions user, string shell)
    {
        var system = user.System ? "--system " : string.Empty;
        var home = user.Home is null ? "--no-create-home"
            : user.CreateHome ? $"--create-home --home-dir '{user.Home}'"
            : $"--no-create-home --home-dir '{user.Home}'";
        return new[]
        {
            $"groupadd {system}--gid {Number(user.Gid)} {user.Group}",
            $"&& useradd {system}--uid {Number(user.Uid)} --gid {Number(user.Gid)} {home} --shell {shell} {user.Name}",
        };
    }

    /// <summary>
    /// busybox addgroup and adduser, which Alpine uses unless its shadow package is installed (busybox
    /// loginutils/addgroup.c and adduser.c: -S system, -g GID; -D no password, -H no home, -h DIR, -u UID, -G GROUP, -s SHELL).
    /// </summary>
    private static string[] Busybox(NonRootUserOptions user)
    {
        var system = user.System ? "-S " : string.Empty;
        var home = user.Home is null ? "-H"
            : user.CreateHome ? $"-h '{user.Home}'"
            : $"-h '{user.Home}' -H";
        return new[]
        {
            $"addgroup {system}-g {Number(user.Gid)} {user.Group}",
            $"&& adduser {system}-D {home} -u {Number(user.Uid)} -G {user.Group} -s /sbin/nologin {user.Name}",
        };
    }

    /// <summary>
    /// The entries written to /etc/group and /etc/passwd (group(5), passwd(5)) with the shell alone, for bases that
    /// have a shell and no user tools: the busybox image (whose applets depend on how busybox was configured) and
    /// RPM-based images without shadow-utils (ubi-minimal, Amazon Linux, Azure Linux). No password is set, as with
    /// useradd; the ids are not checked against existing entries.
    /// </summary>
    private static string[] PasswdFiles(NonRootUserOptions user, string shell)
    {
        var lines = new List<string>
        {
            $"echo '{user.Group}:x:{Number(user.Gid)}:' >> /etc/group",
            $"&& echo '{user.Name}:x:{Number(user.Uid)}:{Number(user.Gid)}::{user.Home ?? NoHome}:{shell}' >> /etc/passwd",
        };
        if (user.Home is not null && user.CreateHome)
        {
            lines.Add($"&& mkdir -p '{user.Home}'");
            lines.Add($"&& chown {Owner(user.Uid, user.Gid)} '{user.Home}'");
        }

        return lines.ToArray();
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>What [NonRootUser] declares, checked: valid names, ids above 0, an absolute literal home.</summary>
public sealed record NonRootUserOptions(string Name, int Uid, string Group, int Gid, string? Home, bool CreateHome, bool System);

using System.Collections.Generic;
using System.Globalization;
using System.Text.RegularExpressions;
using DockerDsl.Core.Model;

namespace DockerDsl.Core.Helpers;

/// <summary>
/// [NonRootUser]: a system group and user with fixed ids, then a numeric <c>USER uid:gid</c> so that
/// runtimes (Kubernetes runAsNonRoot) can verify the image does not run as root.
/// </summary>
public static class NonRootUser
{
    public const int DefaultUid = 1001;

    private static readonly Regex NamePattern = new("^[a-z_][a-z0-9_-]{0,31}$", RegexOptions.CultureInvariant);

    public static string? NameProblem(string? name) =>
        name is not null && NamePattern.IsMatch(name) ? null : "is not a valid user or group name (lower case letters, digits, '_' or '-', at most 32)";

    public static string Owner(int uid, int gid) => Number(uid) + ":" + Number(gid);

    public static IEnumerable<Instruction> Expand(string name, int uid, string group, int gid, string? home, SourceRef source)
    {
        var homeOptions = home is null ? "--no-create-home" : $"--create-home --home-dir '{home}'";
        var lines = new[]
        {
            $"groupadd --system --gid {Number(gid)} {group}",
            $"&& useradd --system --uid {Number(uid)} --gid {Number(gid)} {homeOptions} --shell /usr/sbin/nologin {name}",
        };
        yield return new RunInstruction(RunForm.Shell, lines.ToEquatableArray(), EquatableArray<Mount>.Empty, null, null, source);
        yield return new UserInstruction(Number(uid), Number(gid), source);
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}

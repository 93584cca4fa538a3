using System;
using System.Linq;

namespace DockerDsl.Build.Images;

/// <summary>
/// The <c>SOURCE_DATE_EPOCH</c> an image build gets. The reproducible-builds specification
/// (reproducible-builds.org/specs/source-date-epoch) makes the environment variable the caller's word: it wins.
/// Then the project's <c>DockerDslSourceDateEpoch</c> (<c>none</c>: no epoch), then the commit time of the
/// source, <c>git log -1 --format=%ct</c> in the project folder. Without any, there is none, and BuildKit stamps
/// the image with the time of the build.
/// </summary>
internal static class SourceDateEpoch
{
    public const string Variable = "SOURCE_DATE_EPOCH";

    /// <summary>The value that turns the epoch off in <c>DockerDslSourceDateEpoch</c>.</summary>
    public const string None = "none";

    /// <param name="Value">The epoch, decimal seconds since 1970-01-01 UTC; null when there is none.</param>
    /// <param name="Origin">Where it came from, for the log: "the SOURCE_DATE_EPOCH environment variable", ...</param>
    /// <param name="Error">Set when the value given is not an epoch: the message says which setting to fix.</param>
    public sealed record Result(string? Value, string Origin, string? Error = null);

    /// <param name="environment">The <c>SOURCE_DATE_EPOCH</c> environment variable of the build, or null.</param>
    /// <param name="property">The project's <c>DockerDslSourceDateEpoch</c>, or empty.</param>
    /// <param name="commitTime">Asks git for the commit time of HEAD; returns the value and why there is none.</param>
    public static Result Resolve(string? environment, string? property, Func<(string? Value, string Reason)> commitTime)
    {
        if (!string.IsNullOrWhiteSpace(environment))
        {
            return Checked(environment!.Trim(), "the SOURCE_DATE_EPOCH environment variable");
        }

        if (!string.IsNullOrWhiteSpace(property))
        {
            var value = property!.Trim();
            return string.Equals(value, None, StringComparison.OrdinalIgnoreCase)
                ? new Result(null, "DockerDslSourceDateEpoch=none")
                : Checked(value, "DockerDslSourceDateEpoch");
        }

        var (commit, reason) = commitTime();
        return commit is null ? new Result(null, reason) : Checked(commit.Trim(), "the commit time of HEAD (git log -1 --format=%ct)");
    }

    /// <summary>
    /// BuildKit reads the epoch with Go's <c>strconv.ParseInt(v, 10, 64)</c> (exporter/util/epoch/parse.go in
    /// moby/buildkit); the specification asks for ASCII digits only. A value BuildKit cannot read fails BuildKit 0.13's
    /// build and is skipped since moby/buildkit#6602 (a build silently stamped with the time of the build): here it is
    /// an error that names the setting, before bake runs.
    /// </summary>
    public static bool IsEpoch(string value) =>
        value.Length is > 0 and <= 18 && value.All(c => c is >= '0' and <= '9');

    /// <summary>The epoch as RFC 3339 UTC, as BuildKit writes the image's <c>created</c>: <c>2026-12-01T12:59:28Z</c>.</summary>
    public static string Rfc3339(string epoch) =>
        DateTimeOffset.FromUnixTimeSeconds(long.Parse(epoch, System.Globalization.CultureInfo.InvariantCulture))
            .UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    private static Result Checked(string value, string origin) =>
        IsEpoch(value) && long.Parse(value, System.Globalization.CultureInfo.InvariantCulture) <= 253402300799
            ? new Result(value, origin)
            : new Result(null, origin, $"{origin} is '{value}', which is not a SOURCE_DATE_EPOCH: give the number of seconds since 1970-01-01 UTC, in decimal digits only (for example the output of 'git log -1 --format=%ct')");
}

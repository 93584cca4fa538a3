using System;
using System.Collections.Generic;
using System.Linq;

namespace DockerDsl.Build.Images;

/// <summary>What the project says about its images, for the OCI labels.</summary>
internal sealed class ImageLabelSource
{
    /// <summary><c>org.opencontainers.image.source</c>: the project's <c>RepositoryUrl</c>.</summary>
    public string? RepositoryUrl { get; set; }

    /// <summary><c>org.opencontainers.image.revision</c>: <c>SourceRevisionId</c>, else the commit of HEAD.</summary>
    public string? Revision { get; set; }

    /// <summary><c>org.opencontainers.image.version</c>: the project's <c>Version</c>.</summary>
    public string? Version { get; set; }

    /// <summary><c>org.opencontainers.image.created</c>: from <c>SOURCE_DATE_EPOCH</c>; none without one.</summary>
    public string? SourceDateEpoch { get; set; }
}

/// <summary>
/// The OCI labels of an image (github.com/opencontainers/image-spec, annotations.md, pre-defined keys), from
/// MSBuild properties as the .NET SDK's container publishing writes them (dotnet/docs,
/// docs/core/containers/publish-configuration.md, "Default container labels"): <c>source</c> from the repository URL,
/// <c>revision</c> from <c>SourceRevisionId</c>, <c>version</c>, and <c>base.name</c> / <c>base.digest</c> of the final
/// stage's base. Unlike the SDK, <c>created</c> is the source's time (<c>SOURCE_DATE_EPOCH</c>), never the time of the
/// build, so the labels do not make two builds of one commit differ; without an epoch it is left out.
/// </summary>
internal static class ImageLabels
{
    public const string Created = "org.opencontainers.image.created";
    public const string Source = "org.opencontainers.image.source";
    public const string Revision = "org.opencontainers.image.revision";
    public const string Version = "org.opencontainers.image.version";
    public const string BaseName = "org.opencontainers.image.base.name";
    public const string BaseDigest = "org.opencontainers.image.base.digest";

    /// <param name="source">The project's properties.</param>
    /// <param name="dockerfile">The generated Dockerfile's text, whose final stage's FROM names the base.</param>
    /// <param name="stage">The bake target's stage, or null for the last stage.</param>
    public static IReadOnlyList<KeyValuePair<string, string>> For(ImageLabelSource source, string? dockerfile, string? stage)
    {
        var labels = new List<KeyValuePair<string, string>>();
        void Add(string key, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value) && value!.IndexOfAny(new[] { '\r', '\n' }) < 0)
            {
                labels.Add(new KeyValuePair<string, string>(key, value.Trim()));
            }
        }

        if (source.SourceDateEpoch is { } epoch && SourceDateEpoch.IsEpoch(epoch))
        {
            Add(Created, SourceDateEpoch.Rfc3339(epoch));
        }

        Add(Source, source.RepositoryUrl);
        Add(Revision, source.Revision);
        Add(Version, source.Version);
        if (dockerfile is not null && BaseImage(dockerfile, stage) is { } image)
        {
            var at = image.IndexOf('@');
            Add(BaseName, at < 0 ? image : image.Substring(0, at));
            if (at >= 0)
            {
                Add(BaseDigest, image.Substring(at + 1));
            }
        }

        return labels;
    }

    /// <summary>
    /// The image the final stage (<paramref name="stage"/>, or the last) is built on, following stages built
    /// <c>FROM</c> another stage: <c>debian:bookworm-slim@sha256:...</c> when the lock pinned it. Null for
    /// <c>scratch</c>, and for a FROM whose image holds a variable (its value is the build's, not the file's).
    /// Reads the generated Dockerfile, one instruction per line as the emitter writes FROM.
    /// </summary>
    public static string? BaseImage(string dockerfile, string? stage)
    {
        var stages = new List<(string? Name, string Image)>();
        foreach (var raw in dockerfile.Replace("\r\n", "\n").Split('\n'))
        {
            var words = raw.Trim().Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries);
            if (words.Length < 2 || !string.Equals(words[0], "FROM", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var rest = words.Skip(1).SkipWhile(w => w.StartsWith("--", StringComparison.Ordinal)).ToList();
            if (rest.Count == 0)
            {
                continue;
            }

            var name = rest.Count >= 3 && string.Equals(rest[1], "AS", StringComparison.OrdinalIgnoreCase) ? rest[2] : null;
            stages.Add((name, rest[0]));
        }

        if (stages.Count == 0)
        {
            return null;
        }

        var index = stage is null ? stages.Count - 1 : stages.FindIndex(s => string.Equals(s.Name, stage, StringComparison.OrdinalIgnoreCase));
        for (var hops = 0; index >= 0 && hops <= stages.Count; hops++)
        {
            var image = stages[index].Image;
            // FROM <stage>: stage names compare without case, as in BuildKit; only earlier stages can be named.
            var earlier = stages.Take(index).ToList().FindLastIndex(s => string.Equals(s.Name, image, StringComparison.OrdinalIgnoreCase));
            if (earlier < 0)
            {
                return string.Equals(image, "scratch", StringComparison.OrdinalIgnoreCase) || image.IndexOf('$') >= 0 ? null : image;
            }

            index = earlier;
        }

        return null;
    }
}

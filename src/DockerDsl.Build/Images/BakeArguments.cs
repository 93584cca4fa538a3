using System;
using System.Collections.Generic;
using System.Linq;

namespace DockerDsl.Build.Images;

/// <summary>What the MSBuild properties ask of <c>docker buildx bake</c>.</summary>
internal sealed class BakeOptions
{
    public string BakeFile { get; set; } = string.Empty;

    /// <summary>Bake targets to build; empty: the <c>default</c> group.</summary>
    public IReadOnlyList<string> Targets { get; set; } = Array.Empty<string>();

    /// <summary><c>DockerDslImageTags</c>: tags (the part after ':') given to every image built.</summary>
    public IReadOnlyList<string> ImageTags { get; set; } = Array.Empty<string>();

    public IReadOnlyList<string> Platforms { get; set; } = Array.Empty<string>();

    public string? Builder { get; set; }

    public bool Load { get; set; } = true;

    public bool Push { get; set; }

    /// <summary><c>DockerDslBakeSet</c>: passed as they are, one <c>--set</c> each, after DockerDsl's own.</summary>
    public IReadOnlyList<string> Set { get; set; } = Array.Empty<string>();

    public string? MetadataFile { get; set; }

    /// <summary>The build's <c>SOURCE_DATE_EPOCH</c> (see <see cref="Images.SourceDateEpoch"/>), or null.</summary>
    public string? SourceDateEpoch { get; set; }

    /// <summary><c>DockerDslRewriteTimestamp</c>: with an epoch, ask the exporter for <c>rewrite-timestamp=true</c>.</summary>
    public bool RewriteTimestamp { get; set; } = true;

    /// <summary>The labels of each target's image, by target name (see <see cref="ImageLabels"/>).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<KeyValuePair<string, string>>> Labels { get; set; } =
        new Dictionary<string, IReadOnlyList<KeyValuePair<string, string>>>();

    /// <summary><c>attest</c> entries given to every target: <c>type=sbom</c>, <c>type=provenance,mode=max</c>.</summary>
    public IReadOnlyList<string> Attest { get; set; } = Array.Empty<string>();
}

/// <summary>
/// The command line of <c>docker buildx bake</c> for the generated bake file. Bake's flags and the
/// <c>--set target.key=value</c> form are buildx's (docs/reference/buildx_bake.md in docker/buildx);
/// a <c>--set</c> of a list key given more than once appends, so each tag and platform is its own.
/// </summary>
internal static class BakeArguments
{
    public static IReadOnlyList<string> For(BakeFile.Contents bake, BakeOptions options)
    {
        var arguments = new List<string> { "buildx", "bake", "--file", options.BakeFile, "--progress=plain" };
        if (!string.IsNullOrWhiteSpace(options.Builder))
        {
            arguments.Add("--builder");
            arguments.Add(options.Builder!.Trim());
        }

        // --load is '--set=*.output=type=docker' and --push '--set=*.output=type=registry' (buildx_bake.md); the
        // output written out can carry rewrite-timestamp=true, which BuildKit 0.13+ exporters take to clamp the
        // files' times in the layers to SOURCE_DATE_EPOCH (docs/build-repro.md in moby/buildkit). With both, no
        // output is written out: one image exporter per build is what every driver takes.
        var rewrite = options.RewriteTimestamp && options.SourceDateEpoch is not null && options.Load != options.Push;
        if (rewrite)
        {
            arguments.Add("--set");
            arguments.Add(options.Load ? "*.output=type=docker,rewrite-timestamp=true" : "*.output=type=registry,rewrite-timestamp=true");
        }
        else
        {
            if (options.Load)
            {
                arguments.Add("--load");
            }

            if (options.Push)
            {
                arguments.Add("--push");
            }
        }

        if (!string.IsNullOrWhiteSpace(options.MetadataFile))
        {
            arguments.Add("--metadata-file");
            arguments.Add(options.MetadataFile!);
        }

        var targets = Selected(bake, options);
        foreach (var target in targets)
        {
            foreach (var tag in TagsOf(target, options.ImageTags))
            {
                arguments.Add("--set");
                arguments.Add(target.Name + ".tags=" + tag);
            }

            foreach (var platform in options.Platforms)
            {
                arguments.Add("--set");
                arguments.Add(target.Name + ".platform=" + platform);
            }

            // A build argument set here is the caller's: it wins over the bake file's args and over an ARG default.
            if (options.SourceDateEpoch is not null)
            {
                arguments.Add("--set");
                arguments.Add(target.Name + ".args." + Images.SourceDateEpoch.Variable + "=" + options.SourceDateEpoch);
            }

            if (options.Labels.TryGetValue(target.Name, out var labels))
            {
                foreach (var label in labels)
                {
                    arguments.Add("--set");
                    arguments.Add(target.Name + ".labels." + label.Key + "=" + label.Value);
                }
            }

            foreach (var attest in options.Attest)
            {
                arguments.Add("--set");
                arguments.Add(target.Name + ".attest=" + attest);
            }
        }

        foreach (var set in options.Set)
        {
            arguments.Add("--set");
            arguments.Add(set);
        }

        arguments.AddRange(targets.Select(t => t.Name));
        return arguments;
    }

    /// <summary>The targets to build, in order: the named ones, or the default group's.</summary>
    public static IReadOnlyList<BakeTarget> Selected(BakeFile.Contents bake, BakeOptions options)
    {
        var names = options.Targets.Count > 0 ? options.Targets : bake.DefaultTargets;
        var selected = new List<BakeTarget>();
        foreach (var name in names)
        {
            var target = bake.Targets.FirstOrDefault(t => t.Name == name)
                ?? throw new ArgumentException($"the bake file has no target '{name}'; its targets are {string.Join(", ", bake.Targets.Select(t => t.Name))}");
            selected.Add(target);
        }

        return selected;
    }

    /// <summary>
    /// The tags an image gets. Like the SDK's <c>ContainerImageTags</c>, <c>DockerDslImageTags</c> names tags, not
    /// repositories: each is put on the repository of the image's first declared tag, or on the bake target's name.
    /// Nothing declared and nothing given: <c>&lt;target&gt;:latest</c>, as the SDK defaults to <c>latest</c>.
    /// Declared tags and no <c>DockerDslImageTags</c>: none here, bake uses the declared ones.
    /// </summary>
    public static IReadOnlyList<string> TagsOf(BakeTarget target, IReadOnlyList<string> imageTags)
    {
        if (imageTags.Count == 0)
        {
            return target.Tags.Count == 0 ? new[] { target.Name + ":latest" } : Array.Empty<string>();
        }

        var repository = target.Tags.Count == 0 ? target.Name : Repository(target.Tags[0]);
        return imageTags.Select(tag => repository + ":" + tag).ToList();
    }

    /// <summary>The reference without its tag and digest: <c>host:5000/team/api:1.2</c> is <c>host:5000/team/api</c>.</summary>
    public static string Repository(string reference)
    {
        var at = reference.IndexOf('@');
        if (at >= 0)
        {
            reference = reference.Substring(0, at);
        }

        var colon = reference.LastIndexOf(':');
        return colon > reference.LastIndexOf('/') ? reference.Substring(0, colon) : reference;
    }
}

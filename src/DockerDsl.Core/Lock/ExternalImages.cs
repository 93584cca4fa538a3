using System;
using System.Collections.Generic;
using System.Globalization;
using DockerDsl.Core.Model;
using DockerDsl.Core.Rules;

namespace DockerDsl.Core.Lock;

/// <summary>One external image a Dockerfile uses, for one platform: what the lock must hold.</summary>
/// <param name="Reference">The reference as BuildKit pulls it: the FROM word with the build arguments' defaults expanded, or a --from value.</param>
/// <param name="Platform">The platform it is pulled for, in normal form.</param>
/// <param name="Source">The instruction that names it.</param>
public readonly record struct ImageUse(string Reference, string Platform, SourceRef Source);

/// <summary>Why an image a Dockerfile names cannot be locked; the build would fail there too.</summary>
public readonly record struct ImageUseError(string Message, SourceRef Source);

/// <summary>
/// The images a Dockerfile pulls, as BuildKit decides them for a build for each target platform: every stage's FROM
/// (its word expanded with the global ARG defaults and the platform arguments; a word that then names an earlier
/// stage, or <c>scratch</c>, pulls nothing) at the stage's <c>--platform</c> or the target platform, and every
/// <c>COPY --from</c> and <c>RUN --mount from=</c> that names no stage (BuildKit does not expand those), at the target
/// platform. Every stage counts, not only those the last one needs: bake may build any of them.
/// </summary>
public static class ExternalImages
{
    /// <param name="model">A Dockerfile read by <see cref="Text.DockerfileReader"/>.</param>
    /// <param name="targetPlatforms">The platforms the Dockerfile is built for, in normal form.</param>
    /// <param name="buildPlatform">The platform of the machine that builds, in normal form (BUILDPLATFORM).</param>
    /// <param name="everyUse">True for every instruction that names an image; false for the first of each image and platform.</param>
    public static (IReadOnlyList<ImageUse> Uses, IReadOnlyList<ImageUseError> Errors) Of(DockerfileModel model, IReadOnlyList<string> targetPlatforms, string buildPlatform, bool everyUse = false)
    {
        var uses = new List<ImageUse>();
        var errors = new List<ImageUseError>();
        var seen = new HashSet<(string, string, SourceRef)>();
        var reported = new HashSet<SourceRef>();
        foreach (var target in targetPlatforms)
        {
            var arguments = GlobalArguments.Of(model, PlatformArguments(target, buildPlatform));
            for (var i = 0; i < model.Stages.Count; i++)
            {
                var stage = model.Stages[i];
                var platform = StagePlatform(stage, arguments, target, out var platformError);
                if (platformError is not null)
                {
                    Report(platformError, stage.Source);
                    continue;
                }

                if (stage.Base.Stage is null && stage.Base.Image is { } word)
                {
                    var expanded = arguments.Expand(WordRoles.Source, word).Result;
                    if (expanded is null)
                    {
                        Report($"FROM {word}: BuildKit cannot expand the image name", stage.Source);
                    }
                    else if (expanded.Length == 0)
                    {
                        Report($"FROM {word}: the image name is empty with the build arguments' defaults", stage.Source);
                    }
                    else if (!NamesStageBefore(model, i, expanded) && expanded != "scratch")
                    {
                        Add(expanded, platform!, stage.Source, $"FROM {word}");
                    }
                }

                foreach (var instruction in stage.Instructions)
                {
                    switch (instruction)
                    {
                        case CopyInstruction { From: { } from } copy:
                            AddSource(from, copy.Source, (copy.Kind == CopyKind.Add ? "ADD" : "COPY") + " --from=" + from);
                            break;
                        case RunInstruction run:
                            foreach (var mount in run.Mounts)
                            {
                                if (mount.Get("from") is { } source)
                                {
                                    AddSource(source, mount.Source.Line > 0 ? mount.Source : run.Source, "RUN --mount from=" + source);
                                }
                            }

                            break;
                    }
                }

                void AddSource(string from, SourceRef source, string what)
                {
                    if (!NamesStage(model, from) && from != "scratch" && from != "context")
                    {
                        Add(from, target, source, what);
                    }
                }
            }
        }

        return (uses, errors);

        void Add(string reference, string platform, SourceRef source, string what)
        {
            if (ImageName.Parse(reference) is null)
            {
                Report($"{what}: '{reference}' is not an image reference Docker can pull", source);
            }
            else if (seen.Add((reference, platform, everyUse ? source : default)))
            {
                uses.Add(new ImageUse(reference, platform, source));
            }
        }

        void Report(string message, SourceRef source)
        {
            if (reported.Add(source))
            {
                errors.Add(new ImageUseError(message, source));
            }
        }
    }

    /// <summary>The automatic platform arguments of a build for <paramref name="target"/> on <paramref name="build"/>.</summary>
    private static Dictionary<string, string> PlatformArguments(string target, string build)
    {
        var arguments = new Dictionary<string, string>(StringComparer.Ordinal);
        Set("TARGET", target);
        Set("BUILD", build);
        return arguments;

        void Set(string prefix, string platform)
        {
            var parts = platform.Split('/');
            arguments[prefix + "PLATFORM"] = platform;
            arguments[prefix + "OS"] = parts[0];
            arguments[prefix + "ARCH"] = parts[1];
            arguments[prefix + "VARIANT"] = parts.Length > 2 ? parts[2] : string.Empty;
        }
    }

    private static string? StagePlatform(StageModel stage, GlobalArguments arguments, string target, out string? error)
    {
        error = null;
        if (stage.Platform is not { } flag)
        {
            return target;
        }

        var expanded = arguments.Expand(WordRoles.Flag, flag).Result;
        if (string.IsNullOrEmpty(expanded))
        {
            error = $"FROM --platform={flag}: the platform is empty with the build arguments' defaults";
            return null;
        }

        if (LockPlatform.Normalize(expanded!) is not { } platform)
        {
            error = $"FROM --platform={flag}: '{expanded}' is not a platform written as os/architecture[/variant]";
            return null;
        }

        return platform;
    }

    // As BuildKit's FROM: the latest earlier stage whose name in lower case is the expanded word.
    internal static bool NamesStageBefore(DockerfileModel model, int index, string expanded)
    {
        for (var j = index - 1; j >= 0; j--)
        {
            var name = model.Stages[j].Name;
            if (name.Length > 0 && string.Equals(name.ToLowerInvariant(), expanded, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    // As BuildKit's --from: a stage index, or any stage's name ignoring case.
    internal static bool NamesStage(DockerfileModel model, string from)
    {
        if (int.TryParse(from, NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            return true;
        }

        foreach (var stage in model.Stages)
        {
            if (stage.Name.Length > 0 && string.Equals(stage.Name, from, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}

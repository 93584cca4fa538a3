using System;
using System.Collections.Generic;
using System.Linq;
using DockerDsl.Core.Model;
using DockerDsl.Core.Text.Shell;

namespace DockerDsl.Core.Rules;

/// <summary>Rules on FROM: the base image, the platform flag and the stage name.</summary>
public static class BaseImageRules
{
    /// <summary>DDSL004: a base image without a tag or digest, or tagged <c>latest</c>. Arguments: image, what is wrong.</summary>
    public static IEnumerable<Finding> UnpinnedBaseImage(DockerfileModel model)
    {
        foreach (var stage in model.Stages)
        {
            if (stage.Base.Image is not { } image || stage.Base.Stage is not null || image == "scratch")
            {
                continue;
            }

            // A build argument is judged only where it cannot change the verdict: ':latest' after it is
            // still latest, and one in the registry or path leaves an untagged name untagged.
            var reference = ImageReference.Parse(image);
            if (reference.Digest is not null || (reference.Tag?.Contains("$") ?? false))
            {
                continue;
            }

            if (reference.Tag == "latest")
            {
                yield return Finding.At(stage.Source.WithArgument("From"), image, "uses the 'latest' tag");
            }
            else if (reference.Tag is null && !LastPathPart(reference.Name).Contains("$"))
            {
                yield return Finding.At(stage.Source.WithArgument("From"), image, "has no tag");
            }
        }
    }

    /// <summary>The image name after its last '/': a build argument there may hold the tag too.</summary>
    private static string LastPathPart(string name) => name.Substring(name.LastIndexOf('/') + 1);

    /// <summary>DDSL019: a stage name with upper-case letters. Arguments: name, lower-case name.</summary>
    public static IEnumerable<Finding> StageNameCasing(DockerfileModel model) =>
        model.Stages
            .Where(s => s.Name != s.Name.ToLowerInvariant())
            .Select(s => Finding.At(s.Source.WithArgument("Name"), s.Name, s.Name.ToLowerInvariant()));

    /// <summary>
    /// DDSL022: FROM --platform with a constant value: one that uses no variable and is a platform, unless
    /// the stage's name contains its OS or architecture, which says the stage is meant for that platform
    /// (dockerfile2llb/validations.go, reportConstPlatformDisallowed). Arguments: platform.
    /// </summary>
    public static IEnumerable<Finding> ConstantPlatform(DockerfileModel model, GlobalArguments? arguments = null)
    {
        arguments ??= GlobalArguments.Of(model);
        foreach (var stage in model.Stages)
        {
            if (stage.Platform is not { } platform || Process(arguments, platform) is not { } result
                || result.Matched.Count > 0 || result.Unmatched.Count > 0 || !PlatformSpecifier.TryParse(result.Result, out var parsed))
            {
                continue;
            }

            var name = stage.Name.ToLowerInvariant();
            if (!name.Contains(parsed.OS) && !name.Contains(parsed.Architecture))
            {
                yield return Finding.At(stage.Source.WithArgument("Platform"), result.Result);
            }
        }
    }

    /// <summary>
    /// DDSL023: FROM --platform that expands to the target platform through TARGETPLATFORM alone, as
    /// <c>$TARGETPLATFORM</c> or <c>${TARGETPLATFORM}</c>, which is the default (validations.go,
    /// reportRedundantTargetPlatform). Arguments: platform as written.
    /// </summary>
    public static IEnumerable<Finding> RedundantTargetPlatform(DockerfileModel model, GlobalArguments? arguments = null)
    {
        arguments ??= GlobalArguments.Of(model);
        foreach (var stage in model.Stages)
        {
            if (stage.Platform is { } platform && Process(arguments, platform) is { Matched.Count: 1, Unmatched.Count: 0 } result
                && result.Matched.Contains("TARGETPLATFORM") && arguments.Values.TryGetValue("TARGETPLATFORM", out var target) && result.Result == target)
            {
                yield return Finding.At(stage.Source.WithArgument("Platform"), platform);
            }
        }
    }

    /// <summary>
    /// DDSL025: FROM (its image or --platform) uses a variable that is neither a global ARG nor one of the
    /// arguments BuildKit defines (the build and target platforms, TARGETSTAGE), so it expands to an empty
    /// string (validations.go, reportUnusedFromArgs). Arguments: variable name.
    /// </summary>
    public static IEnumerable<Finding> UndefinedArgInFrom(DockerfileModel model, GlobalArguments? arguments = null)
    {
        arguments ??= GlobalArguments.Of(model);
        foreach (var stage in model.Stages)
        {
            foreach (var (text, argument) in new[] { (stage.Base.Image ?? stage.Base.Stage, "From"), (stage.Platform, "Platform") })
            {
                if (text is null)
                {
                    continue;
                }

                foreach (var variable in arguments.Expand(WordRoles.Source, text).Undefined)
                {
                    yield return Finding.At(stage.Source.WithArgument(argument), variable.Name);
                }
            }
        }
    }

    private static ShellWordResult? Process(GlobalArguments arguments, string word)
    {
        try
        {
            return arguments.Lexer.ProcessWordWithMatches(word, arguments.Values);
        }
        catch (ShellLexException)
        {
            return null;
        }
    }
}

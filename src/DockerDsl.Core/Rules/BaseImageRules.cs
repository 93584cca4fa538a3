using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using DockerDsl.Core.Model;

namespace DockerDsl.Core.Rules;

/// <summary>Rules on FROM: the base image, the platform flag and the stage name.</summary>
public static class BaseImageRules
{
    /// <summary>Arguments BuildKit defines in the global scope without an ARG.</summary>
    private static readonly HashSet<string> PredefinedArgs = new(StringComparer.Ordinal)
    {
        "BUILDPLATFORM", "BUILDOS", "BUILDARCH", "BUILDVARIANT",
        "TARGETPLATFORM", "TARGETOS", "TARGETARCH", "TARGETVARIANT",
        "HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy", "FTP_PROXY", "ftp_proxy",
        "NO_PROXY", "no_proxy", "ALL_PROXY", "all_proxy",
    };

    private static readonly Regex VariablePattern = new(@"\$\{?([A-Za-z_][A-Za-z0-9_]*)", RegexOptions.CultureInvariant);

    /// <summary>DDSL004: a base image without a tag or digest, or tagged <c>latest</c>. Arguments: image, what is wrong.</summary>
    public static IEnumerable<Finding> UnpinnedBaseImage(DockerfileModel model)
    {
        foreach (var stage in model.Stages)
        {
            if (stage.Base.Image is not { } image || image == "scratch")
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

    /// <summary>DDSL022: FROM --platform with a constant value. Arguments: platform.</summary>
    public static IEnumerable<Finding> ConstantPlatform(DockerfileModel model) =>
        model.Stages
            .Where(s => s.Platform is { } p && !p.Contains("$"))
            .Select(s => Finding.At(s.Source.WithArgument("Platform"), s.Platform!));

    /// <summary>DDSL023: FROM --platform=$TARGETPLATFORM, which is the default. Arguments: platform.</summary>
    public static IEnumerable<Finding> RedundantTargetPlatform(DockerfileModel model) =>
        model.Stages
            .Where(s => s.Platform is "$TARGETPLATFORM" or "${TARGETPLATFORM}")
            .Select(s => Finding.At(s.Source.WithArgument("Platform"), s.Platform!));

    /// <summary>DDSL025: FROM uses a variable that no global ARG declares. Arguments: variable name.</summary>
    public static IEnumerable<Finding> UndefinedArgInFrom(DockerfileModel model)
    {
        var declared = new HashSet<string>(model.GlobalArgs.SelectMany(a => a.Args).Select(a => a.Name), StringComparer.Ordinal);
        foreach (var stage in model.Stages)
        {
            foreach (var (text, argument) in new[] { (stage.Base.Image, "From"), (stage.Platform, "Platform") })
            {
                if (text is null)
                {
                    continue;
                }

                foreach (Match match in VariablePattern.Matches(text))
                {
                    var name = match.Groups[1].Value;
                    if (!declared.Contains(name) && !PredefinedArgs.Contains(name))
                    {
                        yield return Finding.At(stage.Source.WithArgument(argument), name);
                    }
                }
            }
        }
    }
}

using System.Collections.Generic;
using System.Text.RegularExpressions;
using DockerDsl.Core.Emit;
using DockerDsl.Core.Model;

namespace DockerDsl.Core.Rules;

/// <summary>The Dockerfile frontend a <c># syntax=</c> line pins, and the features it lacks.</summary>
public static class FrontendRules
{
    private static readonly Regex TagPattern = new(@"^(\d+)(?:\.(\d+))?(?:\.\d+)?(-labs)?$", RegexOptions.CultureInvariant);

    /// <summary>
    /// DDSL009: a feature the pinned frontend does not have. The pin is the declared Syntax, else the
    /// project's DockerDslSyntax; without either DockerDsl picks a frontend that has every feature.
    /// Arguments: feature, version it needs, the pinned syntax.
    /// </summary>
    public static IEnumerable<Finding> FeatureNewerThanPin(DockerfileModel model, string? projectSyntax)
    {
        var syntax = model.Syntax ?? (string.IsNullOrWhiteSpace(projectSyntax) ? null : projectSyntax!.Trim());
        if (syntax is null || DockerfileEmitter.EffectiveSyntax(model, projectSyntax) is null || Parse(syntax) is not { } pin)
        {
            yield break;
        }

        foreach (var requirement in FrontendRequirements.All(model))
        {
            if (Lacks(pin, requirement))
            {
                yield return Finding.At(requirement.Source, requirement.Feature, requirement.Version, syntax);
            }
        }
    }

    /// <summary>
    /// The version a syntax pins: <c>docker/dockerfile:1.4</c> → 1.4, <c>:1</c> → every stable 1.x,
    /// <c>:1.7-labs</c> → 1.7 with labs features. Null for other frontends or tags (nothing to check).
    /// </summary>
    public static FrontendPin? Parse(string syntax)
    {
        var reference = ImageReference.Parse(syntax.Trim());
        if (reference.Tag is null || !(reference.Name == "docker/dockerfile" || reference.Name.EndsWith("/docker/dockerfile", System.StringComparison.Ordinal)))
        {
            return null;
        }

        var match = TagPattern.Match(reference.Tag);
        if (!match.Success)
        {
            return null;
        }

        var minor = match.Groups[2].Success ? int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) : (int?)null;
        return new FrontendPin(int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), minor, match.Groups[3].Success);
    }

    /// <summary>True when <paramref name="pin"/> has not <paramref name="requirement"/>: a labs pin has a feature from the labs version that first had it.</summary>
    public static bool Lacks(FrontendPin pin, FrontendRequirement requirement)
    {
        if (pin.Labs && requirement.LabsSince is { } labs && AtLeast(pin, labs.Major, labs.Minor))
        {
            return false;
        }

        return (requirement.Labs && !pin.Labs) || !AtLeast(pin, requirement.Major, requirement.Minor);
    }

    private static bool AtLeast(FrontendPin pin, int major, int minor) =>
        pin.Major > major || (pin.Major == major && (pin.Minor is not { } pinned || pinned >= minor));
}

/// <summary>A pinned frontend version; <see cref="Minor"/> null means the newest of that major version.</summary>
public readonly record struct FrontendPin(int Major, int? Minor, bool Labs);

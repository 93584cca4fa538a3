using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using DockerDsl.Core.Model;

namespace DockerDsl.Core.Rules;

/// <summary>
/// Rules on what the image runs with: the final stage, including what it inherits through stages
/// it is built FROM (USER and HEALTHCHECK carry over into an image built FROM another).
/// </summary>
public static class FinalStageRules
{
    private static readonly Regex Variable = new(@"\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))", RegexOptions.CultureInvariant);

    /// <summary>
    /// DDSL001: the image's user is root. Found at the USER that makes it root, or at the final stage
    /// when no stage of its chain sets a user. Arguments: stage name, user.
    /// </summary>
    public static IEnumerable<Finding> RootUser(DockerfileModel model)
    {
        if (model.FinalStage is not { } final)
        {
            yield break;
        }

        var user = StageChain.Last(model, final, "USER");
        var text = user is null ? null : UserRules.UserOf(user);
        if (user is null || text is null)
        {
            if (!BaseRunsAsNonRoot(model, final))
            {
                yield return new Finding(final.Source, new[] { final.Name, "root (no USER is set)" }, final.TypeMetadataName);
            }
        }
        else if (UserRules.IsRoot(text))
        {
            yield return new Finding(user.Source, new[] { final.Name, text }, final.TypeMetadataName);
        }
    }

    /// <summary>
    /// Whether the image the stage chain of <paramref name="final"/> starts from is published to run as a
    /// non-root user, as its reference shows: a tag with the word <c>nonroot</c> (distroless images) or
    /// one of .NET's <c>chiseled</c> and <c>distroless</c> images. Build arguments in the reference are
    /// read with their global defaults, as a build without <c>--build-arg</c> reads them.
    /// </summary>
    private static bool BaseRunsAsNonRoot(DockerfileModel model, StageModel final)
    {
        if (StageChain.Of(model, final)[0].Base.Image is not { } image)
        {
            return false;
        }

        var defaults = model.GlobalArgs.SelectMany(a => a.Args).GroupBy(a => a.Name).ToDictionary(g => g.Key, g => g.Last().Default);
        image = Variable.Replace(image, m => defaults.TryGetValue(m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value, out var value) && value is not null ? value.Trim('"', '\'') : m.Value);

        var reference = ImageReference.Parse(image);
        var tagWords = (reference.Tag ?? string.Empty).Split('-');
        return tagWords.Contains("nonroot", StringComparer.Ordinal)
            || (reference.Name.StartsWith("mcr.microsoft.com/dotnet/", StringComparison.Ordinal) && tagWords.Any(w => w is "chiseled" or "distroless"));
    }

    /// <summary>
    /// DDSL002: the image declares no HEALTHCHECK, not even NONE. Found at the final stage.
    /// Arguments: stage name.
    /// </summary>
    public static IEnumerable<Finding> MissingHealthCheck(DockerfileModel model)
    {
        if (model.FinalStage is { } final && StageChain.Last(model, final, "HEALTHCHECK") is null)
        {
            yield return new Finding(final.Source, new[] { final.Name }, final.TypeMetadataName);
        }
    }

    /// <summary>
    /// DDSL010: the image's user is a name, which runtimes cannot check is not root. Found at that USER.
    /// Arguments: user.
    /// </summary>
    public static IEnumerable<Finding> UserByName(DockerfileModel model)
    {
        if (model.FinalStage is not { } final || StageChain.Last(model, final, "USER") is not { } user)
        {
            yield break;
        }

        var text = UserRules.UserOf(user);
        if (text is not null && !UserRules.IsRoot(text) && !UserRules.IsNumeric(text))
        {
            yield return Finding.At(user.Source, text);
        }
    }
}

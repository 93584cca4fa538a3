using System;
using System.Collections.Generic;
using System.Linq;
using DockerDsl.Core.Model;

namespace DockerDsl.Core.Rules;

/// <summary>
/// Rules on what the image runs with: the final stage, including what it inherits through stages
/// it is built FROM (USER and HEALTHCHECK carry over into an image built FROM another).
/// </summary>
public static class FinalStageRules
{

    /// <summary>
    /// DDSL001: the image's user is root, or may be: found at the USER that makes it root, or whose variables
    /// cannot be resolved (a value the base image or --build-arg supplies), or at the final stage when no stage of
    /// its chain sets a user. <paramref name="words"/> are the expanded words (Dockerfile text, with the build's
    /// arguments); without them the model's own are expanded. Arguments: stage name, the user and what it is.
    /// </summary>
    public static IEnumerable<Finding> RootUser(DockerfileModel model, ExpandedWords? words = null)
    {
        if (model.FinalStage is not { } final)
        {
            yield break;
        }

        var user = ImageUser.Of(model, final, words ?? ExpandedWords.Of(model));
        if (user is null)
        {
            if (!BaseRunsAsNonRoot(model, final))
            {
                yield return new Finding(final.Source, new[] { final.Label, "root (no USER is set)" }, final.TypeMetadataName);
            }
        }
        else if (user.Value is null)
        {
            yield return new Finding(user.Instruction.Source, new[] { final.Label, $"'{user.Written}', which may be root: DockerDsl cannot tell, since {user.Unresolved}" }, final.TypeMetadataName);
        }
        else if (UserRules.IsRoot(user.Value))
        {
            var text = !user.IsVariable ? user.Written
                : UserRules.UserPart(user.Value).Length == 0 ? $"'{user.Written}', which is empty: root"
                : $"'{user.Written}', which is {user.Value}";
            yield return new Finding(user.Instruction.Source, new[] { final.Label, text }, final.TypeMetadataName);
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
        if (StageChain.Of(model, final)[0].Base.Image is not { } image
            || GlobalArguments.Of(model).Expand(WordRoles.Value, image) is not { IsDecided: true, Result: { } expanded })
        {
            return false;
        }

        var reference = ImageReference.Parse(expanded);
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
            yield return new Finding(final.Source, new[] { final.Label }, final.TypeMetadataName);
        }
    }

    /// <summary>
    /// DDSL010: the image's user is a name, which runtimes cannot check is not root, or may be one (its variables
    /// cannot be resolved). Found at that USER. Arguments: the user and what it is.
    /// </summary>
    public static IEnumerable<Finding> UserByName(DockerfileModel model, ExpandedWords? words = null)
    {
        if (model.FinalStage is not { } final || ImageUser.Of(model, final, words ?? ExpandedWords.Of(model)) is not { } user)
        {
            yield break;
        }

        if (user.Value is null)
        {
            yield return Finding.At(user.Instruction.Source, $"'{user.Written}' may be a name: DockerDsl cannot tell, since {user.Unresolved}");
        }
        else if (!UserRules.IsRoot(user.Value) && !UserRules.IsNumeric(user.Value))
        {
            yield return Finding.At(user.Instruction.Source, user.IsVariable ? $"'{user.Written}' is the name '{UserRules.UserPart(user.Value)}'" : $"'{user.Written}' is a name");
        }
    }
}

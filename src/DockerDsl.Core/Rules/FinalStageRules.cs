using System;
using System.Collections.Generic;
using System.Linq;
using DockerDsl.Core.Lock;
using DockerDsl.Core.Model;

namespace DockerDsl.Core.Rules;

/// <summary>
/// Rules on what the image runs with: the final stage, including what it inherits through stages
/// it is built FROM (USER and HEALTHCHECK carry over into an image built FROM another).
/// </summary>
public static class FinalStageRules
{

    /// <summary>
    /// DDSL001: the image's user is root. Found at the USER that makes it root, or at the final stage
    /// when no stage of its chain sets a user. Arguments: stage name, user.
    /// </summary>
    /// <param name="lockFile">The lock file: a base image it holds runs as the user its image config says.</param>
    public static IEnumerable<Finding> RootUser(DockerfileModel model, LockFile? lockFile = null)
    {
        if (model.FinalStage is not { } final)
        {
            yield break;
        }

        var user = StageChain.Last(model, final, "USER");
        var text = user is null ? null : UserRules.UserOf(user);
        if (user is null || text is null)
        {
            if (!(LockedBase(model, final, lockFile) is { } locked ? locked.All(c => !string.IsNullOrEmpty(c.User) && !UserRules.IsRoot(c.User!)) : BaseRunsAsNonRoot(model, final)))
            {
                yield return new Finding(final.Source, new[] { final.Label, "root (no USER is set)" }, final.TypeMetadataName);
            }
        }
        else if (UserRules.IsRoot(text))
        {
            yield return new Finding(user.Source, new[] { final.Label, text }, final.TypeMetadataName);
        }
    }

    /// <summary>
    /// The image configs, one per locked platform, of the image the stage chain of <paramref name="final"/> starts
    /// from, when the lock holds it (its reference read with the global defaults, as the lock keys it); else null.
    /// </summary>
    private static IReadOnlyList<ImageConfig>? LockedBase(DockerfileModel model, StageModel final, LockFile? lockFile)
    {
        if (lockFile is null
            || StageChain.Of(model, final)[0].Base is not { Stage: null, Image: { } image }
            || GlobalArguments.Of(model).Expand(WordRoles.Source, image) is not { IsDecided: true, Result: { } expanded }
            || lockFile.FindWritten(expanded) is not { Platforms.IsEmpty: false } locked)
        {
            return null;
        }

        return locked.Platforms.Select(p => p.Config).ToList();
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
    /// DDSL002: the image declares no HEALTHCHECK, not even NONE, and its base image has none (an image
    /// inherits its base's health check). Found at the final stage. Arguments: stage name.
    /// </summary>
    /// <param name="lockFile">The lock file: a base image it holds has the health check its image config says.</param>
    public static IEnumerable<Finding> MissingHealthCheck(DockerfileModel model, LockFile? lockFile = null)
    {
        if (model.FinalStage is { } final && StageChain.Last(model, final, "HEALTHCHECK") is null
            && !(LockedBase(model, final, lockFile) is { } locked && locked.All(c => c.Healthcheck is not null)))
        {
            yield return new Finding(final.Source, new[] { final.Label }, final.TypeMetadataName);
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

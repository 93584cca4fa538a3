using System.Collections.Generic;
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
            yield return new Finding(final.Source, new[] { final.Name, "root (no USER is set)" }, final.TypeMetadataName);
        }
        else if (UserRules.IsRoot(text))
        {
            yield return new Finding(user.Source, new[] { final.Name, text }, final.TypeMetadataName);
        }
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

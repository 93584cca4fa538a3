using System.Collections.Generic;
using System.Linq;
using DockerDsl.Core.Model;

namespace DockerDsl.Core.Rules;

/// <summary>
/// The user an image runs as: the last USER of its stage and the stages it is built FROM, expanded as BuildKit
/// expands it (with the ARG and ENV before it, the global arguments and the build's --build-arg values), or why
/// its value cannot be known here.
/// </summary>
/// <param name="Instruction">The USER instruction.</param>
/// <param name="Written">Its <c>user[:group]</c> as written.</param>
/// <param name="Value">The expanded <c>user[:group]</c>; null when it cannot be known.</param>
/// <param name="Unresolved">Why <see cref="Value"/> is null, phrased to follow "DockerDsl cannot tell: ".</param>
public sealed record ImageUser(Instruction Instruction, string Written, string? Value, string? Unresolved)
{
    /// <summary>The user of the image of <paramref name="stage"/>; null when no stage of its chain sets one.</summary>
    public static ImageUser? Of(DockerfileModel model, StageModel stage, ExpandedWords words)
    {
        if (StageChain.Last(model, stage, "USER") is not { } user || UserRules.UserOf(user) is not { } written)
        {
            return null;
        }

        if (words.Of(user, WordRoles.User) is not { } word)
        {
            // Not expanded: a build that fails before it, or text that holds no variable and means what it says.
            return written.IndexOf('$') < 0
                ? new ImageUser(user, written, written, null)
                : new ImageUser(user, written, null, "an instruction before it fails BuildKit's variable expansion");
        }

        return new ImageUser(user, written, word.IsDecided && word.Unassigned.Count == 0 ? word.Result : null, Reason(word));
    }

    /// <summary>True when the USER names its user with a variable, so what it is needs saying.</summary>
    public bool IsVariable => Written.IndexOf('$') >= 0;

    private static string? Reason(ExpandedWord word)
    {
        if (word.Result is null)
        {
            return "BuildKit's variable expansion refuses it";
        }

        if (word.Unknown.Count > 0)
        {
            return $"{Names(word.Unknown)} may be set by the base image, which DockerDsl cannot read";
        }

        if (word.Unassigned.Count > 0)
        {
            return $"{Names(word.Unassigned)} {(word.Unassigned.Count == 1 ? "is a build argument" : "are build arguments")} without a default, which --build-arg sets";
        }

        return word.Uncertain ? "its value depends on what the base image sets" : null;
    }

    private static string Names(IReadOnlyList<string> names) => string.Join(", ", names.Select(n => "$" + n));
}

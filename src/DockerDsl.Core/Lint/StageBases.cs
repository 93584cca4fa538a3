using System;
using DockerDsl.Core.Model;
using DockerDsl.Core.Rules;

namespace DockerDsl.Core.Lint;

/// <summary>
/// What each FROM of Dockerfile text builds on, decided as BuildKit decides it: the word expanded with
/// the global arguments of this build names an earlier stage when it equals that stage's name in lower
/// case (the latest such stage), and an image otherwise (dockerfile2llb/convert.go, addState). A FROM
/// whose word needs expanding to name a stage keeps the word as written, as its image, beside the stage.
/// </summary>
internal static class StageBases
{
    public static DockerfileModel Resolve(DockerfileModel model, GlobalArguments arguments)
    {
        var stages = new StageModel[model.Stages.Count];
        var changed = false;
        for (var i = 0; i < stages.Length; i++)
        {
            var stage = model.Stages[i];
            stages[i] = stage;
            if ((stage.Base.Image ?? stage.Base.Stage) is not { } word || arguments.Expand(WordRoles.Source, word).Result is not { } expanded)
            {
                continue;
            }

            var resolved = StageBase.FromImage(word);
            for (var j = i - 1; j >= 0; j--)
            {
                var name = model.Stages[j].Name;
                if (name.Length > 0 && string.Equals(name.ToLowerInvariant(), expanded, StringComparison.Ordinal))
                {
                    resolved = word == name || word == expanded ? StageBase.FromStage(name) : new StageBase(word, name);
                    break;
                }
            }

            if (resolved != stage.Base)
            {
                stages[i] = stage with { Base = resolved };
                changed = true;
            }
        }

        return changed ? model with { Stages = stages.ToEquatableArray() } : model;
    }
}

using System.Collections.Generic;
using DockerDsl.Core.Model;

namespace DockerDsl.Core.Rules;

/// <summary>A stage and the stages it is built FROM: what its image inherits from the same Dockerfile.</summary>
public static class StageChain
{
    /// <summary><paramref name="stage"/> and its ancestors within <paramref name="model"/>, the farthest ancestor first.</summary>
    public static IReadOnlyList<StageModel> Of(DockerfileModel model, StageModel stage)
    {
        var chain = new List<StageModel>();
        for (var current = stage; current is not null && !Contains(chain, current); current = BaseOf(model, current))
        {
            chain.Insert(0, current);
        }

        return chain;
    }

    /// <summary>The stage <paramref name="stage"/> is built FROM: the latest stage of that name before it, as BuildKit resolves FROM; null for an image.</summary>
    public static StageModel? BaseOf(DockerfileModel model, StageModel stage)
    {
        if (stage.Base.Stage is not { } name)
        {
            return null;
        }

        var index = model.Stages.Count;
        for (var i = 0; i < model.Stages.Count; i++)
        {
            if (ReferenceEquals(model.Stages[i], stage))
            {
                index = i;
                break;
            }
        }

        for (var i = index - 1; i >= 0; i--)
        {
            if (model.Stages[i].Name.Length > 0 && string.Equals(model.Stages[i].Name, name, System.StringComparison.OrdinalIgnoreCase))
            {
                return model.Stages[i];
            }
        }

        return index == model.Stages.Count ? model.FindStage(name) : null;
    }

    // By reference: two stages of Dockerfile text can be equal in every value.
    private static bool Contains(List<StageModel> chain, StageModel stage)
    {
        foreach (var link in chain)
        {
            if (ReferenceEquals(link, stage))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Every instruction the image of <paramref name="stage"/> is built with, in build order.</summary>
    public static IEnumerable<(StageModel Stage, Instruction Instruction)> Instructions(DockerfileModel model, StageModel stage)
    {
        foreach (var link in Of(model, stage))
        {
            foreach (var instruction in link.Instructions)
            {
                yield return (link, instruction);
            }
        }
    }

    /// <summary>The last instruction with <paramref name="keyword"/> that the image of <paramref name="stage"/> carries, if any.</summary>
    public static Instruction? Last(DockerfileModel model, StageModel stage, string keyword)
    {
        Instruction? last = null;
        foreach (var (_, instruction) in Instructions(model, stage))
        {
            if (Keywords.Of(instruction) == keyword)
            {
                last = instruction;
            }
        }

        return last;
    }
}

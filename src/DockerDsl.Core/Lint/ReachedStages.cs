using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using DockerDsl.Core.Model;

namespace DockerDsl.Core.Lint;

/// <summary>
/// The stages a build of one target needs, as BuildKit decides what to build: the target, the stage it
/// is built FROM, and the stages its COPY --from and RUN --mount from= name (by name or by index),
/// and so on from each of those.
/// </summary>
internal static class ReachedStages
{
    /// <summary>The model with only the stages a build of <paramref name="target"/> needs, in file order (the target last).</summary>
    public static DockerfileModel Of(DockerfileModel model, StageModel target)
    {
        var reached = new HashSet<int>();
        var pending = new Stack<int>();
        pending.Push(IndexOf(model, target));
        while (pending.Count > 0)
        {
            var index = pending.Pop();
            if (index < 0 || !reached.Add(index))
            {
                continue;
            }

            var stage = model.Stages[index];
            if (stage.Base.Stage is { } name)
            {
                pending.Push(Find(model, name, index));
            }

            foreach (var reference in References(stage))
            {
                pending.Push(Find(model, reference, index));
            }
        }

        var stages = model.Stages.Where((_, i) => reached.Contains(i)).ToEquatableArray();
        return model with { Stages = stages };
    }

    private static IEnumerable<string> References(StageModel stage)
    {
        foreach (var instruction in stage.Instructions)
        {
            switch (instruction)
            {
                case CopyInstruction { From: { } from }:
                    yield return from;
                    break;
                case RunInstruction run:
                    foreach (var mount in run.Mounts)
                    {
                        if (mount.Get("from") is { } source)
                        {
                            yield return source;
                        }
                    }

                    break;
            }
        }
    }

    // A name of an earlier stage (the latest of that name), or the index of one; anything else is an image.
    private static int Find(DockerfileModel model, string reference, int before)
    {
        if (int.TryParse(reference, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
        {
            return index < before ? index : -1;
        }

        for (var i = before - 1; i >= 0; i--)
        {
            if (model.Stages[i].Name.Length > 0 && string.Equals(model.Stages[i].Name, reference, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    private static int IndexOf(DockerfileModel model, StageModel stage)
    {
        for (var i = 0; i < model.Stages.Count; i++)
        {
            if (ReferenceEquals(model.Stages[i], stage))
            {
                return i;
            }
        }

        return -1;
    }
}

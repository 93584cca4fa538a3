using System;
using System.Collections.Generic;
using DockerDsl.Core.Text;

namespace DockerDsl.Core.Rules;

/// <summary>Rules on stage names of Dockerfile text (BuildKit's DuplicateStageName and ReservedStageName).</summary>
public static class StageNameRules
{
    // What FROM and --from would take for something else (dockerfile2llb/validations.go).
    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal) { "context", "scratch" };

    /// <summary>
    /// DDSL034: a stage named like an earlier one, names compared in lower case as BuildKit keeps them;
    /// found at the later stage. Arguments: the name in lower case.
    /// </summary>
    public static IEnumerable<Finding> DuplicateStageName(DockerfileDocument document)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var stage in document.Model.Stages)
        {
            var name = stage.Name.ToLowerInvariant();
            if (name.Length > 0 && !seen.Add(name))
            {
                yield return Finding.At(stage.Source, name);
            }
        }
    }

    /// <summary>DDSL035: a stage named <c>scratch</c> or <c>context</c> (in any case). Arguments: the name in lower case.</summary>
    public static IEnumerable<Finding> ReservedStageName(DockerfileDocument document)
    {
        foreach (var stage in document.Model.Stages)
        {
            var name = stage.Name.ToLowerInvariant();
            if (Reserved.Contains(name))
            {
                yield return Finding.At(stage.Source, name);
            }
        }
    }
}

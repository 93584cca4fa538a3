using System;
using System.Collections.Generic;
using System.Linq;
using DockerDsl.Core.Lint;
using DockerDsl.Core.Model;

namespace DockerDsl.Core.Rules;

/// <summary>A COPY or ADD source read from the build context: the instruction and the source's index in it.</summary>
public readonly record struct ContextSource(CopyInstruction Instruction, int Index)
{
    /// <summary>The source as the model holds it.</summary>
    public string Path => Instruction.Sources[Index];
}

/// <summary>
/// The paths a build reads from its context, and how BuildKit's COPY matches a source with wildcards
/// (tonistiigi/fsutil copy/copy.go, ResolveWildcards: the path is split before its first segment with a
/// wildcard, and the rest is matched with Go's filepath.Match against each path below that directory).
/// </summary>
public static class ContextSources
{
    /// <summary>
    /// The COPY and ADD sources of the stages a build of <paramref name="model"/> reaches (its last stage and each
    /// <c>[BuildTarget]</c> stage, the targets of its bake file), in order. Left out: <c>--from</c> sources, heredocs,
    /// URLs, git sources of ADD, and instructions with <c>--parents</c> or <c>--exclude</c>, whose matching differs.
    /// </summary>
    public static IEnumerable<ContextSource> Of(DockerfileModel model)
    {
        if (model.Stages.Count == 0)
        {
            yield break;
        }

        var reached = new HashSet<StageModel>(ReachedStages.Of(model, model.Stages[model.Stages.Count - 1]).Stages);
        foreach (var target in model.Stages.Where(s => s.BuildTarget is not null))
        {
            reached.UnionWith(ReachedStages.Of(model, target).Stages);
        }

        foreach (var stage in model.Stages.Where(reached.Contains))
        {
            foreach (var copy in stage.Instructions.OfType<CopyInstruction>())
            {
                if (copy.From is not null || copy.HeredocContent is not null || copy.Parents || !copy.Exclude.IsEmpty)
                {
                    continue;
                }

                for (var i = 0; i < copy.Sources.Count; i++)
                {
                    var source = copy.Sources[i];
                    if (!CopyRules.IsRemote(source) && !(copy.Kind == CopyKind.Add && CopyRules.IsGit(source)))
                    {
                        yield return new ContextSource(copy, i);
                    }
                }
            }
        }
    }

    /// <summary>
    /// fsutil's splitWildcards for a source cleaned relative to the context root: the directories before the first
    /// segment with <c>*</c>, <c>?</c> or <c>[</c> (a <c>\</c> escapes the next character), and the rest, or null when
    /// there is no wildcard.
    /// </summary>
    public static (string Directory, string? Pattern) SplitWildcards(string path)
    {
        var segments = path.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            if (HasWildcard(segments[i]))
            {
                return (string.Join("/", segments.Take(i)), string.Join("/", segments.Skip(i)));
            }
        }

        return (path, null);
    }

    /// <summary>
    /// Whether Go's <c>filepath.Match(pattern, path)</c> is true, where <c>*</c> and <c>?</c> never match '/', so each
    /// segment of the pattern matches one segment of the path (<c>**</c> is two <c>*</c>, the same as one; COPY has no
    /// recursive wildcard). Null when the pattern is malformed or beyond what Core's matcher models.
    /// </summary>
    public static bool? MatchesWildcards(string pattern, string path)
    {
        var single = CollapseStars(pattern);
        if (single.Length == 0 || single[0] == '!' || DockerignorePattern.Problem(single) is not null)
        {
            return null;
        }

        // One pattern of the .dockerignore matcher: without '**' it is filepath.Match's, compiled as moby's patternmatcher does.
        var compiled = DockerignorePattern.Read(single, single);
        return compiled.IsModelled ? compiled.Matches(path) : null;
    }

    private static bool HasWildcard(string segment)
    {
        for (var i = 0; i < segment.Length; i++)
        {
            if (segment[i] == '\\')
            {
                i++;
            }
            else if (segment[i] is '*' or '?' or '[')
            {
                return true;
            }
        }

        return false;
    }

    private static string CollapseStars(string pattern)
    {
        var text = new System.Text.StringBuilder(pattern.Length);
        var afterStar = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                text.Append(c).Append(pattern[++i]);
                afterStar = false;
            }
            else if (c != '*' || !afterStar)
            {
                text.Append(c);
                afterStar = c == '*';
            }
        }

        return text.ToString();
    }
}

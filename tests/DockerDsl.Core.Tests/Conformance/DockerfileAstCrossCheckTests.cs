using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using DockerDsl.Core.Text.Syntax;

namespace DockerDsl.Core.Tests.Conformance;

/// <summary>
/// Our parser against one nobody here wrote: on every real Dockerfile, rcjsuen's dockerfile-ast (VS
/// Code's) finds the same instructions, with the same keywords and flags, and the same ONBUILD triggers.
/// </summary>
public class DockerfileAstCrossCheckTests
{
    [AstFact]
    public async Task Both_parsers_find_the_same_instructions_keywords_and_flags_in_every_real_Dockerfile()
    {
        var files = Directory.GetFiles(Corpus.Path("real")).Order(StringComparer.Ordinal).ToList();
        var theirs = await DockerfileAst.ReadAsync(files);

        var differences = new List<string>();
        for (var i = 0; i < files.Count; i++)
        {
            var ours = DockerfileParser.Parse(File.ReadAllText(files[i])).Root.Children;
            var name = Path.GetFileName(files[i]);
            if (ours.Count != theirs[i].Instructions.Count)
            {
                differences.Add($"{name}: {ours.Count} instructions here, {theirs[i].Instructions.Count} in dockerfile-ast");
                continue;
            }

            for (var j = 0; j < ours.Count; j++)
            {
                if (Describe(ours[j]) != Describe(theirs[i].Instructions[j]))
                {
                    differences.Add($"{name}:{ours[j].StartLine}: here {Describe(ours[j])}, dockerfile-ast {Describe(theirs[i].Instructions[j])}");
                    break;
                }
            }
        }

        Assert.True(files.Count == 88, $"{files.Count} real files");
        Assert.True(differences.Count == 0, string.Join("\n", differences));
    }

    private static string Describe(DockerfileNode node) =>
        node.Value.ToUpperInvariant() + " [" + string.Join(" ", node.Flags.Select(f => f.TrimStart('-'))) + "]"
        + (node.Value == "onbuild" && node.Children.Count > 0 ? " " + Describe(node.Children[0]) : string.Empty);

    private static string Describe(AstInstruction instruction) =>
        instruction.Keyword.ToUpperInvariant() + " [" + string.Join(" ", instruction.Flags) + "]"
        + (instruction.Trigger is { } trigger ? " " + Describe(trigger) : string.Empty);
}

/// <summary>A fact that is skipped, with the reason, when dockerfile-ast is not installed (CI requires it).</summary>
public sealed class AstFactAttribute : FactAttribute
{
    public AstFactAttribute()
    {
        Skip = DockerfileAst.MissingReason;
    }
}

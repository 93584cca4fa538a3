using System;
using System.Collections.Generic;
using DockerDsl.Core.Text.Syntax;

namespace DockerDsl.Core.Lint;

/// <summary>
/// What the comments right before one instruction switch off for it: BuildKit's
/// <c># check=skip=&lt;Rule&gt;[,&lt;Rule&gt;]</c> (BuildKit checks by name, or <c>all</c>), and DockerDsl's
/// <c># dockerdsl ignore=&lt;ID&gt;[,&lt;ID&gt;]</c> for any DDSL rule. Text after the list (such as
/// <c>// why</c>) is a note.
/// </summary>
internal sealed class InstructionSuppressions
{
    private const string DockerDslPrefix = "dockerdsl ignore=";
    private readonly CheckOptions _checks;
    private readonly HashSet<string> _ids;

    private InstructionSuppressions(CheckOptions checks, HashSet<string> ids)
    {
        _checks = checks;
        _ids = ids;
    }

    public static InstructionSuppressions Of(DockerfileNode node)
    {
        var checks = CheckOptions.None;
        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var comment in node.PrevComment)
        {
            var text = comment.Text.TrimStart('#').Trim();
            if (text.StartsWith("check=", StringComparison.Ordinal))
            {
                try
                {
                    checks = CheckOptions.Parse(FirstWord(text.Substring("check=".Length)));
                }
                catch (ArgumentException)
                {
                    // BuildKit leaves a comment it cannot read as a comment.
                }
            }
            else if (text.StartsWith(DockerDslPrefix, StringComparison.OrdinalIgnoreCase))
            {
                foreach (var id in FirstWord(text.Substring(DockerDslPrefix.Length)).Split(','))
                {
                    if (id.Trim().Length > 0)
                    {
                        ids.Add(id.Trim());
                    }
                }
            }
        }

        return new InstructionSuppressions(checks, ids);
    }

    public bool Suppresses(string id, string? buildKitRule) =>
        _ids.Contains(id) || (buildKitRule is not null && _checks.Skips(buildKitRule));

    private static string FirstWord(string text)
    {
        var end = 0;
        while (end < text.Length && !char.IsWhiteSpace(text[end]))
        {
            end++;
        }

        return text.Substring(0, end);
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using DockerDsl.Core.Emit;
using DockerDsl.Core.Model;
using DockerDsl.Core.Text;
using DockerDsl.Core.Text.Syntax;

namespace DockerDsl.Core.Import;

internal sealed partial class ImportSession
{
    private static readonly char[] ExpandedCharacters = { '$', '\\', '`' };

    private CSharpAttribute? MapCopy(StagePlan plan, DockerfileNode node, out string? reason)
    {
        reason = null;
        var isAdd = node.Value == "add";
        var flags = new InstructionFlags(node.Flags, node.StartLine).String("chown").String("chmod").Bool("link").Strings("exclude");
        if (isAdd)
        {
            flags.String("checksum").Bool("keep-git-dir").Bool("unpack");
        }
        else
        {
            flags.String("from").Bool("parents");
        }

        flags.Parse();
        var args = node.Next;
        var sources = args.Take(args.Count - 1).ToList();
        if (node.Heredocs.Count > 0 || sources.Any(IsHeredocWord))
        {
            return CopyHeredoc(plan, node, flags, sources, isAdd, out reason);
        }

        var paths = new List<string>();
        foreach (var word in sources)
        {
            var path = PlainWord(word, spaces: true);
            if (path is null)
            {
                reason = "a path DockerDsl does not accept (a quote, an escape or a '$' that starts no variable)";
                return null;
            }

            paths.Add(path);
        }

        var destination = PlainWord(args[args.Count - 1], spaces: true);
        if (destination is null)
        {
            reason = "a path DockerDsl does not accept (a quote, an escape or a '$' that starts no variable)";
            return null;
        }

        // [Copy] keeps '.', which BuildKit reads as './' (dockerfile2llb/convert.go pathRelativeToWorkingDir).
        if (paths.Count > 1 && !destination.EndsWith("/", StringComparison.Ordinal) && destination != ".")
        {
            reason = "several sources into a destination without a trailing '/' (which [Copy] adds)";
            return null;
        }

        string? from = null;
        if (!isAdd && flags.Value("from") is { } fromValue)
        {
            from = FromReference(fromValue, _stages.IndexOf(plan));
            if (from is null)
            {
                reason = "a --from DockerDsl does not accept";
                return null;
            }
        }

        var excludes = new List<string>();
        foreach (var pattern in flags.Values("exclude"))
        {
            if (!DeclarationValues.Word(pattern, _escape))
            {
                reason = "an --exclude pattern with a build variable, a quote or white space";
                return null;
            }

            excludes.Add(pattern);
        }

        var parents = !isAdd && flags.IsTrue("parents");
        CSharpAttribute attribute;
        if (from is not null && paths.Count == 1 && excludes.Count == 0 && !parents)
        {
            attribute = new CSharpAttribute("CopyFrom").Add(from).Add(CSharpExpression.String(paths[0])).Add(CSharpExpression.String(destination));
            from = null;
        }
        else
        {
            attribute = new CSharpAttribute(isAdd ? "Add" : "Copy")
                .Add(paths.Count == 1 ? CSharpExpression.String(paths[0]) : CSharpExpression.Array(paths.Select(CSharpCode.String).ToList()))
                .Add(CSharpExpression.String(destination));
        }

        if (from is not null)
        {
            attribute.Named("From", from);
        }

        if (!Ownership(plan, flags, attribute, out reason))
        {
            return null;
        }

        if (flags.IsTrue("link"))
        {
            attribute.NamedTrue("Link");
        }

        if (excludes.Count > 0)
        {
            attribute.Named("Exclude", CSharpExpression.Array(excludes.Select(CSharpCode.String).ToList()));
        }

        if (parents)
        {
            attribute.NamedTrue("Parents");
        }

        // ADD --unpack=false differs from no --unpack (an archive URL is then not unpacked): both are kept.
        if (isAdd && flags.Value("unpack") is not null)
        {
            attribute.Named("Unpack", flags.IsTrue("unpack") ? "true" : "false");
        }

        if (isAdd && flags.Value("checksum") is { } checksum)
        {
            if (!DeclarationValues.Checksum(checksum, _escape))
            {
                reason = "an ADD --checksum DockerDsl does not accept";
                return null;
            }

            attribute.NamedString("Checksum", checksum);
        }

        if (isAdd && flags.IsTrue("keep-git-dir"))
        {
            attribute.NamedTrue("KeepGitDir");
        }

        return attribute;
    }

    /// <summary><c>COPY &lt;&lt;EOF dest</c>: one file whose content BuildKit leaves as written.</summary>
    private CSharpAttribute? CopyHeredoc(StagePlan plan, DockerfileNode node, InstructionFlags flags, List<string> sources, bool isAdd, out string? reason)
    {
        reason = "a heredoc COPY other than one file without --from, --exclude or --parents";
        if (isAdd || node.Heredocs.Count != 1 || sources.Count != 1 || HeredocWord.Parse(sources[0]) is not { } word || word.Name != node.Heredocs[0].Name
            || flags.Value("from") is not null || flags.Values("exclude").Count > 0 || flags.IsTrue("parents"))
        {
            return null;
        }

        // The marker is kept as written, so BuildKit expands (or not) and strips tabs from the body as it did.
        var markerText = sources[0].Substring(2);
        if (HeredocMarker.Parse(markerText) is null)
        {
            reason = "a heredoc marker DockerDsl does not take (a name with characters other than letters, digits, '_' and '.')";
            return null;
        }

        var content = node.Heredocs[0].Content;
        if (!DeclarationValues.HeredocBody(content))
        {
            reason = "a COPY heredoc with a carriage return";
            return null;
        }

        var destination = PlainWord(node.Next[node.Next.Count - 1], spaces: true);
        if (destination is null)
        {
            reason = "a path DockerDsl does not accept (a quote, an escape or a '$' that starts no variable)";
            return null;
        }

        var attribute = new CSharpAttribute("CopyHeredoc").Add(CSharpExpression.String(destination)).Add(CSharpExpression.Text(HeredocValue(content)));
        if (markerText != "'" + Quoting.HeredocMarker(content) + "'")
        {
            attribute.NamedString("Marker", markerText);
        }

        if (flags.IsTrue("link"))
        {
            attribute.NamedTrue("Link");
        }

        return Ownership(plan, flags, attribute, out reason) ? attribute : null;
    }

    /// <summary>--chown and --chmod, and <c>ChownToUser = false</c> where the C# front end would add the stage user's --chown.</summary>
    private bool Ownership(StagePlan plan, InstructionFlags flags, CSharpAttribute attribute, out string? reason)
    {
        reason = null;
        if (flags.Value("chown") is { } chown)
        {
            if (!DeclarationValues.Owner(chown, _escape))
            {
                reason = "a --chown DockerDsl does not accept (not a user[:group])";
                return false;
            }

            attribute.NamedString("Chown", chown);
        }
        else if (plan.Owner is not null)
        {
            attribute.Named("ChownToUser", "false");
        }

        if (flags.Value("chmod") is { } chmod)
        {
            if (!DeclarationValues.FileMode(chmod, _escape))
            {
                reason = "a --chmod that is not a file mode such as 0755 or u+x";
                return false;
            }

            attribute.NamedString("Chmod", chmod);
        }

        return true;
    }

    /// <summary>The C# for a --from or mount from: <c>typeof</c> an earlier stage (by name or index), else the image; null when DockerDsl refuses it.</summary>
    private string? FromReference(string value, int current)
    {
        if (ReferencedStage(value, current) is { } stage)
        {
            return $"typeof({stage.ClassName})";
        }

        // A number names a stage by index; one that is not an earlier stage's cannot be written as a stage.
        return DeclarationValues.CanonicalNumber(value, int.MaxValue, out _) || !DeclarationValues.Image(value, _escape) ? null : CSharpCode.String(value);
    }

    private static bool IsHeredocWord(string word) => word.StartsWith("<<", StringComparison.Ordinal) && word.Length > 2 && word[2] != '<';
}

using System;
using System.Collections.Generic;
using System.Linq;
using DockerDsl.Core.Model;
using DockerDsl.Core.Text;
using DockerDsl.Core.Text.Syntax;

namespace DockerDsl.Core.Import;

internal sealed partial class ImportSession
{
    /// <summary>Names every stage (an unnamed one gets a name nothing in the file refers to) and its class.</summary>
    private void PlanStages()
    {
        var references = ReferenceWords();
        var taken = new HashSet<string>(_document.Model.Stages.Where(s => s.Name.Length > 0).Select(s => s.Name), StringComparer.OrdinalIgnoreCase);
        foreach (var stage in _document.Model.Stages)
        {
            _stages.Add(new StagePlan(stage) { Name = stage.Name });
        }

        for (var i = 0; i < _stages.Count; i++)
        {
            var plan = _stages[i];
            if (plan.Name.Length > 0)
            {
                continue;
            }

            var preferred = i == _stages.Count - 1 ? "final" : ImageStageName(plan.Model.Base);
            var name = preferred;
            for (var n = 1; taken.Contains(name) || references.Contains(name); n++)
            {
                name = n == 1 ? preferred + "-stage" : preferred + "-stage" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            taken.Add(name);
            plan.Name = name;
        }

        foreach (var plan in _stages)
        {
            plan.ClassName = ClassName(CSharpCode.PascalCase(plan.Name).TrimStart('_'), "Stage");
        }
    }

    /// <summary>A stage name from the image a stage starts from: <c>mcr.microsoft.com/dotnet/aspnet:10.0</c> gives <c>aspnet</c>.</summary>
    private static string ImageStageName(StageBase stageBase)
    {
        var image = stageBase.Stage ?? stageBase.Image ?? string.Empty;
        var at = image.IndexOf('@');
        if (at >= 0)
        {
            image = image.Substring(0, at);
        }

        image = image.Substring(image.LastIndexOf('/') + 1);
        var colon = image.IndexOf(':');
        if (colon >= 0)
        {
            image = image.Substring(0, colon);
        }

        var name = new string(image.ToLowerInvariant().Where(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-').ToArray()).Trim('-');
        return name.Length > 0 && name[0] is >= 'a' and <= 'z' ? name : "stage";
    }

    /// <summary>Every word of the file that could name a stage (FROM images, --from values, mount sources), in lower case.</summary>
    private HashSet<string> ReferenceWords()
    {
        var words = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var pending = new Stack<DockerfileNode>(_document.Syntax.Root.Children);
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            foreach (var child in node.Children)
            {
                pending.Push(child);
            }

            if (node.Value == "from" && node.Next.Count > 0)
            {
                words.Add(node.Next[0]);
            }

            foreach (var flag in node.Flags)
            {
                if (flag.StartsWith("--from=", StringComparison.Ordinal))
                {
                    words.Add(flag.Substring("--from=".Length));
                }
                else if (flag.StartsWith("--mount=", StringComparison.Ordinal))
                {
                    try
                    {
                        if (RunMounts.Parse(flag.Substring("--mount=".Length), default).Get("from") is { } from)
                        {
                            words.Add(from);
                        }
                    }
                    catch (DockerfileReadException)
                    {
                        // A mount BuildKit refuses names nothing.
                    }
                }
            }
        }

        return words;
    }

    private StagePlan? EarlierStage(string name, int before)
    {
        for (var i = 0; i < before && i < _stages.Count; i++)
        {
            if (string.Equals(_stages[i].Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return _stages[i];
            }
        }

        return null;
    }

    /// <summary>The stage a <c>--from</c> value names when it is an earlier stage, by name or index.</summary>
    private StagePlan? ReferencedStage(string value, int current)
    {
        if (DeclarationValues.CanonicalNumber(value, int.MaxValue, out var index))
        {
            return index < current ? _stages[(int)index] : null;
        }

        return EarlierStage(value, current);
    }

    private Mapped MapFrom(StagePlan plan, DockerfileNode node)
    {
        var attribute = new CSharpAttribute("Stage");
        var model = plan.Model;
        var index = _stages.IndexOf(plan);
        string? problem = null;
        if (model.Base.Stage is { } baseName && EarlierStage(baseName, index) is { } baseStage)
        {
            attribute.Named("From", $"typeof({baseStage.ClassName})");
            plan.Owner = baseStage.Owner;
        }
        else
        {
            var image = model.Base.Image ?? model.Base.Text;
            attribute.NamedString("From", image);
            if (!DeclarationValues.Image(image, _escape))
            {
                problem = "a FROM image DockerDsl does not accept";
            }
        }

        if (Naming.ToKebabCase(plan.ClassName) != plan.Name)
        {
            attribute.NamedString("Name", plan.Name);
        }

        if (model.Platform is { } platform)
        {
            attribute.NamedString("Platform", platform);
            if (!DeclarationValues.Platform(platform, _escape))
            {
                problem ??= "a FROM --platform DockerDsl does not accept";
            }
        }

        Record(node, problem is null ? ImportOutcome.Typed : ImportOutcome.NotExpressible, problem);
        var mapped = new Mapped(node, attribute) { Note = problem is null ? null : NotExpressibleNote(problem) };
        AddInnerComments(mapped);
        return mapped;
    }

    private string Write(List<string> ignore)
    {
        var w = new CSharpWriter();
        w.Line("using DockerDsl;");
        w.BlankLine();
        if (_options.Namespace is not null)
        {
            w.Line("namespace " + _options.Namespace + ";");
            w.BlankLine();
        }

        var dockerfile = DockerfileAttribute(ignore, out var notes);
        foreach (var note in notes)
        {
            w.Line(note);
        }

        foreach (var line in dockerfile.Write(string.Empty))
        {
            w.Line(line);
        }

        var written = new HashSet<DockerfileNode>();
        foreach (var arg in _globalArgs)
        {
            WriteMapped(w, arg, written, allowBlank: false);
        }

        w.Line("public partial class " + _options.ClassName);
        w.Line("{");
        w.Indent++;
        var first = true;
        void Separate()
        {
            if (!first)
            {
                w.BlankLine();
            }

            first = false;
        }

        foreach (var buildArg in _buildArgs)
        {
            Separate();
            var attribute = new CSharpAttribute("BuildArg");
            if (Naming.ToUpperSnakeCase(buildArg.ClassName) != buildArg.Name)
            {
                attribute.NamedString("Name", buildArg.Name);
            }

            if (buildArg.Default is not null)
            {
                attribute.NamedString("Default", buildArg.Default);
            }

            if (buildArg.Expand)
            {
                attribute.NamedTrue("Expand");
            }

            WriteAttribute(w, attribute);
            w.Line("public partial class " + buildArg.ClassName + ";");
        }

        foreach (var mount in _mounts)
        {
            Separate();
            WriteAttribute(w, mount.Attribute);
            w.Line("public partial class " + mount.ClassName + ";");
        }

        foreach (var stage in _stages)
        {
            Separate();
            WriteMapped(w, stage.Header!, written, allowBlank: false);
            foreach (var instruction in stage.Instructions)
            {
                WriteMapped(w, instruction, written, allowBlank: true);
            }

            w.Line("public partial class " + stage.ClassName + ";");
        }

        if (_layout.TrailingComments.Count > 0)
        {
            w.BlankLine();
            foreach (var comment in _layout.TrailingComments)
            {
                w.Line(CSharpCode.Comment(comment));
            }
        }

        w.Indent--;
        w.Line("}");
        return w.ToString();
    }

    private CSharpAttribute DockerfileAttribute(List<string> ignore, out List<string> notes)
    {
        var model = _document.Model;
        notes = new List<string>();

        // The C# front end takes # syntax= and # check= as one word each (ValueRules.LiteralWord): another value is
        // written as it is, and reported as the error it is there.
        foreach (var (name, value) in new[] { ("syntax", model.Syntax), ("check", model.Check) })
        {
            if (value is not null && !DeclarationValues.LiteralWord(value, '\0'))
            {
                var line = _document.Syntax.Directives.FirstOrDefault(d => d.Name.Equals(name, StringComparison.OrdinalIgnoreCase))?.Line ?? 1;
                var reason = $"a # {name}= directive that is not one word";
                _report.Insert(0, new ImportedInstruction(line, "# " + name + "=", ImportOutcome.NotExpressible, reason));
                notes.Add(NotExpressibleNote(reason));
            }
        }

        var path = (_options.DockerfilePath ?? _document.Path).Replace('\\', '/');
        var attribute = new CSharpAttribute("Dockerfile").Add(CSharpExpression.String(path));
        attribute.Named("Syntax", model.Syntax is null ? "DockerfileSyntax.None" : CSharpCode.String(model.Syntax));
        if (model.Escape != '\\')
        {
            attribute.Named("Escape", CSharpCode.Char(model.Escape));
        }

        if (model.Check is not null)
        {
            attribute.NamedString("Check", model.Check);
        }

        if (ignore.Count > 0)
        {
            attribute.Named("Ignore", CSharpExpression.Array(ignore.Select(CSharpCode.String).ToList()));
        }

        // The build context stays what the original's .dockerignore (or none) left it: without DockerDsl's built-in patterns.
        attribute.Named("DefaultIgnore", "false");

        return attribute;
    }

    private void WriteMapped(CSharpWriter w, Mapped mapped, HashSet<DockerfileNode> written, bool allowBlank)
    {
        if (written.Add(mapped.Node))
        {
            if (allowBlank && _layout.BlankLineBefore(mapped.Node))
            {
                w.BlankLine();
            }

            foreach (var comment in _layout.CommentsBefore(mapped.Node))
            {
                w.Line(CSharpCode.Comment(comment));
            }

            foreach (var comment in mapped.InnerComments)
            {
                w.Line(CSharpCode.Comment(comment));
            }
        }

        if (mapped.Note is not null)
        {
            w.Line(mapped.Note);
        }

        foreach (var attribute in mapped.Attributes)
        {
            WriteAttribute(w, attribute);
        }
    }

    private static void WriteAttribute(CSharpWriter w, CSharpAttribute attribute)
    {
        foreach (var line in attribute.Write(w.IndentText))
        {
            w.Raw(line);
        }
    }

    private void AddInnerComments(Mapped mapped)
    {
        if (_layout.LineOf(mapped.Node) is { } line)
        {
            mapped.InnerComments.AddRange(line.AllComments);
        }
    }

    private static string RawNote(string reason) => CSharpCode.Comment("Raw: " + reason + ".");

    private static string NotExpressibleNote(string reason) =>
        CSharpCode.Comment("Not expressible in DockerDsl yet (" + reason + "): this attribute is reported as an error until it is.");
}

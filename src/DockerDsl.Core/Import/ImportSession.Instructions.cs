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
    /// <summary>The keywords <c>[Instruction]</c> takes (the C# front end's list).</summary>
    private static readonly HashSet<string> RawKeywords = new(StringComparer.Ordinal)
    {
        "ADD", "ARG", "CMD", "COPY", "ENTRYPOINT", "ENV", "EXPOSE", "HEALTHCHECK", "LABEL", "MAINTAINER",
        "ONBUILD", "RUN", "SHELL", "STOPSIGNAL", "USER", "VOLUME", "WORKDIR",
    };

    private static readonly Dictionary<string, string> PlatformArgumentClasses = new(StringComparer.Ordinal)
    {
        ["TARGETPLATFORM"] = "TargetPlatform",
        ["TARGETOS"] = "TargetOs",
        ["TARGETARCH"] = "TargetArch",
        ["TARGETVARIANT"] = "TargetVariant",
        ["BUILDPLATFORM"] = "BuildPlatform",
        ["BUILDOS"] = "BuildOs",
        ["BUILDARCH"] = "BuildArch",
        ["BUILDVARIANT"] = "BuildVariant",
    };

    private Mapped MapInstruction(StagePlan plan, DockerfileNode node)
    {
        string? reason = null;
        List<CSharpAttribute>? attributes;
        try
        {
            attributes = node.Value switch
            {
                "arg" => MapArg(node, out reason),
                "env" => One(MapEnv(node, out reason)),
                "label" => One(MapLabel(node, out reason)),
                "run" => One(MapRun(plan, node, out reason)),
                "copy" or "add" => One(MapCopy(plan, node, out reason)),
                "workdir" => One(MapWorkDir(node, out reason)),
                "user" => One(MapUser(plan, node, out reason)),
                "expose" => One(MapExpose(node, out reason)),
                "volume" => One(MapVolume(node, out reason)),
                "cmd" or "entrypoint" => One(MapCommand(node, out reason)),
                "healthcheck" => One(MapHealthCheck(node, out reason)),
                "shell" => One(MapShell(node, out reason)),
                "stopsignal" => One(MapStopSignal(node, out reason)),
                "onbuild" => One(MapOnBuild(node, out reason)),
                _ => null,
            };
        }
        catch (Exception e) when (e is DockerfileReadException or LexException)
        {
            attributes = null;
            reason = "a form DockerDsl does not type";
        }

        if (attributes is not null)
        {
            Record(node, ImportOutcome.Typed, null);
            var typed = new Mapped(node, attributes.ToArray());
            if (node.Value != "run")
            {
                AddInnerComments(typed);
            }

            return typed;
        }

        if (node.Value == "maintainer")
        {
            reason = "MAINTAINER has no typed attribute (it is deprecated: LABEL org.opencontainers.image.authors replaces it)";
        }

        return Fallback(plan, node, reason ?? "a form DockerDsl does not type");
    }

    private static List<CSharpAttribute>? One(CSharpAttribute? attribute) => attribute is null ? null : new List<CSharpAttribute> { attribute };

    /// <summary><c>[Instruction("...")]</c> with the text BuildKit read, or the whole instruction when no attribute can hold it.</summary>
    private Mapped Fallback(StagePlan? plan, DockerfileNode node, string reason)
    {
        var text = GoText.TrimSpace(node.Original);
        var keyword = node.Value.ToUpperInvariant();
        if (plan is not null && node.Heredocs.Count == 0 && RawKeywords.Contains(keyword) && DeclarationValues.ShellLine(text, _escape))
        {
            Record(node, ImportOutcome.Raw, reason);
            if (keyword == "USER")
            {
                var user = text.Substring(4).Trim();
                plan.Owner = UserRules.IsRoot(user) ? null : user;
            }

            var raw = new Mapped(node, new CSharpAttribute("Instruction").Add(CSharpExpression.String(text))) { Note = RawNote(reason) };
            AddInnerComments(raw);
            return raw;
        }

        foreach (var heredoc in node.Heredocs)
        {
            text += "\n" + heredoc.Content + heredoc.Name;
        }

        Record(node, ImportOutcome.NotExpressible, reason);
        var whole = text.IndexOf('\n') >= 0 ? CSharpExpression.Text(text) : CSharpExpression.String(text);
        var unexpressed = new Mapped(node, new CSharpAttribute("Instruction").Add(whole)) { Note = NotExpressibleNote(reason) };
        AddInnerComments(unexpressed);
        return unexpressed;
    }

    /// <summary>An ARG before the first FROM: one <c>[Arg]</c> per build argument on the Dockerfile class.</summary>
    private Mapped MapGlobalArg(DockerfileNode node)
    {
        // BuildKit reads the build arguments before the first FROM one after another, so one ARG with several is several ARGs.
        var attributes = MapArg(node, out var reason);
        if (attributes is not null)
        {
            Record(node, ImportOutcome.Typed, null);
            var mapped = new Mapped(node, attributes.ToArray());
            AddInnerComments(mapped);
            return mapped;
        }

        return Fallback(null, node, (reason ?? "a form DockerDsl does not type") + "; [Arg] is the only ARG the Dockerfile class takes");
    }

    private List<CSharpAttribute>? MapArg(DockerfileNode node, out string? reason)
    {
        reason = null;
        var attributes = new List<CSharpAttribute>();
        var earlier = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in node.Next)
        {
            var equals = word.IndexOf('=');
            var name = equals < 0 ? word : word.Substring(0, equals);
            if (!DeclarationValues.VariableName(name))
            {
                reason = "an ARG name DockerDsl does not accept";
                return null;
            }

            string? value = null;
            var expand = false;
            if (equals >= 0)
            {
                var valueWord = word.Substring(equals + 1);
                value = _words.Literal(valueWord);
                if (value is null)
                {
                    // [BuildArg] Expand: the references stay in the double-quoted default BuildKit expands.
                    value = _words.KeepingReferences(valueWord);
                    expand = true;
                    if (value is null || !DeclarationValues.QuotedValue(value) || !_words.Equivalent(valueWord, Quoting.DoubleQuoted(value, _escape, expand: true)))
                    {
                        reason = "an ARG default that mixes a literal '$' with build variables";
                        return null;
                    }

                    // [BuildArg] Expand takes references to names an ARG or ENV can set, as the C# front end checks.
                    if (Text.Shell.VariableReferences.Problem(Quoting.DoubleQuoted(value, _escape, expand: true), _escape) is not null)
                    {
                        reason = "an ARG default with a reference DockerDsl does not take (a positional or special parameter)";
                        return null;
                    }

                    // BuildKit expands every default of one ARG before it sets any (instructions/commands.go
                    // ArgCommand.Expand): a default that refers to an earlier name of the same ARG cannot be split off.
                    if (Text.Shell.VariableReferences.Names(value).Any(n => earlier.Contains(n)))
                    {
                        reason = "an ARG default that refers to a name declared earlier in the same ARG";
                        return null;
                    }
                }
                else if (!DeclarationValues.QuotedValue(value) || !_words.Equivalent(valueWord, Quoting.DoubleQuoted(value, _escape, expand: false)))
                {
                    reason = "an ARG default DockerDsl cannot quote";
                    return null;
                }
            }

            earlier.Add(name);
            attributes.Add(new CSharpAttribute("Arg").Add($"typeof({BuildArgClass(name, value, expand)})"));
        }

        return attributes;
    }

    private string BuildArgClass(string name, string? value, bool expand)
    {
        foreach (var declaration in _buildArgs)
        {
            if (declaration.Name == name && declaration.Default == value && declaration.Expand == expand)
            {
                return declaration.ClassName;
            }
        }

        var preferred = PlatformArgumentClasses.TryGetValue(name, out var known) ? known : CSharpCode.PascalCase(name);
        var className = ClassName(preferred, "Arg");
        _buildArgs.Add(new BuildArgDeclaration(className, name, value, expand));
        return className;
    }

    private CSharpAttribute? MapEnv(DockerfileNode node, out string? reason) =>
        MapPairs(node, "Env", "ENV name", DeclarationValues.VariableName, out reason);

    private CSharpAttribute? MapLabel(DockerfileNode node, out string? reason) =>
        MapPairs(node, "Label", "label key", DeclarationValues.LabelKey, out reason);

    /// <summary>
    /// ENV and LABEL: BuildKit's chain is name, value, separator for each pair. All pairs stay in one attribute, since
    /// BuildKit expands every value of one instruction before it sets any (instructions/parse.go parseKvps): split,
    /// a later value would see an earlier name. One Expand covers every value, so literal '$' and variables cannot mix.
    /// </summary>
    private CSharpAttribute? MapPairs(DockerfileNode node, string attributeName, string what, Func<string, bool> validName, out string? reason)
    {
        reason = null;
        if (node.Next.Count == 0 || node.Next.Count % 3 != 0)
        {
            reason = $"an {node.Value.ToUpperInvariant()} DockerDsl does not read";
            return null;
        }

        var pairs = new List<(string Word, string Name, string Value, bool Expand)>();
        for (var i = 0; i < node.Next.Count; i += 3)
        {
            var name = _words.Literal(node.Next[i]);
            if (name is null || !validName(name) || !_words.Equivalent(node.Next[i], name))
            {
                reason = $"a {what} DockerDsl does not accept";
                return null;
            }

            if (!ConvertValue(node.Next[i + 1], allowExpand: true, out var value, out var expand, out reason))
            {
                return null;
            }

            pairs.Add((node.Next[i + 1], name, value, expand));
        }

        var expandAll = pairs.Any(p => p.Expand);
        if (expandAll && pairs.Any(p => !p.Expand && !_words.Equivalent(p.Word, Quoting.DoubleQuoted(p.Value, _escape, expand: true))))
        {
            reason = $"values of one {node.Value.ToUpperInvariant()} that mix a literal '$' with build variables";
            return null;
        }

        var attribute = new CSharpAttribute(attributeName);
        foreach (var pair in pairs)
        {
            attribute.Add(CSharpExpression.String(pair.Name)).Add(CSharpExpression.String(pair.Value));
        }

        return expandAll ? attribute.NamedTrue("Expand") : attribute;
    }

    /// <summary>The C# value whose double-quoted word (<c>Quoting.DoubleQuoted</c>) is equivalent to <paramref name="word"/>.</summary>
    private bool ConvertValue(string word, bool allowExpand, out string value, out bool expand, out string? reason)
    {
        reason = null;
        expand = false;
        var literal = _words.Literal(word);
        if (literal is not null)
        {
            value = literal;
            if (DeclarationValues.QuotedValue(literal) && _words.Equivalent(word, Quoting.DoubleQuoted(literal, _escape, expand: false)))
            {
                return true;
            }

            reason = "a value with a line break or control character";
            return false;
        }

        value = string.Empty;
        if (!allowExpand)
        {
            reason = "a LABEL value that refers to a build variable";
            return false;
        }

        var kept = _words.KeepingReferences(word);
        if (kept is not null && DeclarationValues.QuotedValue(kept) && _words.Equivalent(word, Quoting.DoubleQuoted(kept, _escape, expand: true)))
        {
            value = kept;
            expand = true;
            return true;
        }

        reason = "a value that mixes a literal '$' with build variables";
        return false;
    }

    /// <summary>
    /// A path or name the C# front end writes bare: the word with quotes and escapes removed, its variable references
    /// kept, when BuildKit's lexer reads that the same as the original word.
    /// </summary>
    private string? PlainWord(string word, bool spaces = false)
    {
        var literal = _words.Literal(word);
        if (literal is not null && Valid(literal) && _words.Equivalent(word, literal))
        {
            return literal;
        }

        var kept = _words.KeepingReferences(word);
        return kept is not null && Valid(kept) && _words.Equivalent(word, kept) ? kept : null;

        bool Valid(string value) => spaces ? DeclarationValues.Path(value, _escape) : DeclarationValues.Word(value, _escape);
    }

    private CSharpAttribute? MapWorkDir(DockerfileNode node, out string? reason)
    {
        reason = null;
        var path = PlainWord(node.Next[0]);
        if (path is null)
        {
            reason = "a path DockerDsl does not accept (a quote, an escape or a '$' that starts no variable)";
            return null;
        }

        return new CSharpAttribute("WorkDir").Add(CSharpExpression.String(path));
    }

    private CSharpAttribute? MapUser(StagePlan plan, DockerfileNode node, out string? reason)
    {
        reason = null;
        var text = PlainWord(node.Next[0]);
        if (text is null || !DeclarationValues.Owner(text, _escape))
        {
            reason = "a USER DockerDsl does not accept (a quote, an escape, or not a user[:group])";
            return null;
        }

        plan.Owner = UserRules.IsRoot(text) ? null : text;
        var colon = text.IndexOf(':');
        if (colon < 0)
        {
            return new CSharpAttribute("User").Add(CSharpExpression.String(text));
        }

        var user = text.Substring(0, colon);
        var group = text.Substring(colon + 1);
        if (DeclarationValues.CanonicalNumber(user, int.MaxValue, out var uid) && DeclarationValues.CanonicalNumber(group, int.MaxValue, out var gid))
        {
            return new CSharpAttribute("User").Add(CSharpCode.Number(uid)).Add(CSharpCode.Number(gid));
        }

        return new CSharpAttribute("User").Add(CSharpExpression.String(user)).NamedString("Group", group);
    }

    private CSharpAttribute? MapExpose(DockerfileNode node, out string? reason)
    {
        reason = null;
        if (node.Next.Count == 1 && PlainWord(node.Next[0]) is { } single)
        {
            var slash = single.IndexOf('/');
            var number = slash < 0 ? single : single.Substring(0, slash);
            var protocol = slash < 0 ? "tcp" : single.Substring(slash + 1);
            if (DeclarationValues.CanonicalNumber(number, 65535, out var port) && port >= 1 && protocol is "tcp" or "udp")
            {
                var attribute = new CSharpAttribute("Expose").Add(CSharpCode.Number(port));
                return protocol == "udp" ? attribute.Named("Protocol", "ExposeProtocol.Udp") : attribute;
            }
        }

        // Several ports, ranges, sctp or variables: the ports as text, each as EXPOSE takes it.
        var ports = new CSharpAttribute("Expose");
        foreach (var word in node.Next)
        {
            var text = PlainWord(word);
            if (text is null || !DeclarationValues.PortSpec(text, _escape))
            {
                reason = "a port DockerDsl does not accept";
                return null;
            }

            ports.Add(CSharpExpression.String(text));
        }

        return node.Next.Count > 0 ? ports : null;
    }

    private CSharpAttribute? MapVolume(DockerfileNode node, out string? reason)
    {
        reason = null;
        var attribute = new CSharpAttribute("Volume");
        foreach (var word in node.Next)
        {
            var path = PlainWord(word);
            if (path is null)
            {
                reason = "a path DockerDsl does not accept (a quote, an escape or a '$' that starts no variable)";
                return null;
            }

            attribute.Add(CSharpExpression.String(path));
        }

        return attribute;
    }

    private CSharpAttribute? MapCommand(DockerfileNode node, out string? reason)
    {
        reason = null;
        var name = node.Value == "cmd" ? "Cmd" : "Entrypoint";
        if (node.IsJson)
        {
            // No arguments: the empty exec form, BuildKit's way to clear what the base image set.
            var attribute = new CSharpAttribute(name);
            foreach (var item in node.Next)
            {
                attribute.Add(CSharpExpression.String(item));
            }

            return attribute;
        }

        if (node.Next.Count != 1 || !DeclarationValues.ShellLine(node.Next[0], _escape))
        {
            reason = "a command DockerDsl does not take as one line";
            return null;
        }

        return new CSharpAttribute(name + "Shell").Add(CSharpExpression.String(node.Next[0]));
    }

    private CSharpAttribute? MapHealthCheck(DockerfileNode node, out string? reason)
    {
        reason = null;
        if (node.Next[0].Equals("NONE", StringComparison.OrdinalIgnoreCase))
        {
            return new CSharpAttribute("NoHealthCheck");
        }

        var flags = new InstructionFlags(node.Flags, node.StartLine).String("interval").String("timeout").String("start-period").String("start-interval").String("retries").Parse();
        CSharpAttribute attribute;
        var command = node.Next.Skip(1).ToList();
        if (node.IsJson)
        {
            attribute = new CSharpAttribute("HealthCheck").Add(CSharpExpression.Array(command.Select(CSharpCode.String).ToList()));
        }
        else if (command.Count == 1 && DeclarationValues.ShellLine(command[0], _escape))
        {
            attribute = new CSharpAttribute("HealthCheck").Add(CSharpExpression.String(command[0]));
        }
        else
        {
            reason = "a health check command DockerDsl does not take as one line";
            return null;
        }

        foreach (var (flag, property) in new[] { ("interval", "Interval"), ("timeout", "Timeout"), ("start-period", "StartPeriod"), ("start-interval", "StartInterval") })
        {
            if (flags.Value(flag) is { } duration)
            {
                if (!DeclarationValues.Duration(duration))
                {
                    reason = "a health check duration DockerDsl does not accept";
                    return null;
                }

                attribute.NamedString(property, duration);
            }
        }

        if (flags.Value("retries") is { } retries)
        {
            if (!DeclarationValues.CanonicalNumber(retries, int.MaxValue, out var count) || count < 1)
            {
                reason = "health check retries other than a positive number";
                return null;
            }

            attribute.Named("Retries", CSharpCode.Number(count));
        }

        return attribute;
    }

    private CSharpAttribute? MapShell(DockerfileNode node, out string? reason)
    {
        reason = null;
        var attribute = new CSharpAttribute("Shell");
        foreach (var item in node.Next)
        {
            attribute.Add(CSharpExpression.String(item));
        }

        return attribute;
    }

    private CSharpAttribute? MapStopSignal(DockerfileNode node, out string? reason)
    {
        reason = null;
        var signal = PlainWord(node.Next[0]);
        if (signal is null || !DeclarationValues.Signal(signal, _escape))
        {
            reason = "a signal DockerDsl does not accept (not SIGNAME or a number)";
            return null;
        }

        return new CSharpAttribute("StopSignal").Add(CSharpExpression.String(signal));
    }

    private CSharpAttribute? MapOnBuild(DockerfileNode node, out string? reason)
    {
        reason = null;
        var trigger = GoText.TrimSpace(node.Children[0].Original);
        var keyword = node.Children[0].Value.ToUpperInvariant();
        if (node.Heredocs.Count > 0 || !DeclarationValues.ShellLine(trigger, _escape) || !RawKeywords.Contains(keyword) || keyword is "ONBUILD" or "MAINTAINER")
        {
            reason = "an ONBUILD trigger DockerDsl does not take as one line";
            return null;
        }

        return new CSharpAttribute("OnBuild").Add(CSharpExpression.String(trigger));
    }
}

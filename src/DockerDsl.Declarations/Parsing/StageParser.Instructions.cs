using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using DockerDsl.Core.Helpers;
using DockerDsl.Core.Emit;
using DockerDsl.Core.Model;
using Microsoft.CodeAnalysis;

namespace DockerDsl.Declarations.Parsing;

internal sealed partial class StageParser
{
    private static readonly HashSet<string> RawKeywords = new()
    {
        "ADD", "ARG", "CMD", "COPY", "ENTRYPOINT", "ENV", "EXPOSE", "HEALTHCHECK", "LABEL", "MAINTAINER",
        "ONBUILD", "RUN", "SHELL", "STOPSIGNAL", "USER", "VOLUME", "WORKDIR",
    };

    private void ParseInstruction(string name, AttributeReader r)
    {
        switch (name)
        {
            case "Arg":
                var arg = _session.ParseArg(r);
                if (arg is not null)
                {
                    Add(arg);
                }

                break;
            case "Env": ParseEnv(r); break;
            case "Label": ParseLabel(r); break;
            case "Run": ParseRun(r); break;
            case "RunExec": ParseRunExec(r); break;
            case "RunHeredoc": ParseRunHeredoc(r); break;
            case "Copy": ParseCopy(r, CopyKind.Copy); break;
            case "Add": ParseCopy(r, CopyKind.Add); break;
            case "CopyFrom": ParseCopyFrom(r); break;
            case "CopyHeredoc": ParseCopyHeredoc(r); break;
            case "WorkDir": ParseWorkDir(r); break;
            case "User": ParseUser(r); break;
            case "Expose": ParseExpose(r); break;
            case "Volume": ParseVolume(r); break;
            case "Cmd": ParseCommand(r, CommandKind.Cmd, exec: true); break;
            case "CmdShell": ParseCommand(r, CommandKind.Cmd, exec: false); break;
            case "Entrypoint": ParseCommand(r, CommandKind.Entrypoint, exec: true); break;
            case "EntrypointShell": ParseCommand(r, CommandKind.Entrypoint, exec: false); break;
            case "HealthCheck": ParseHealthCheck(r); break;
            case "NoHealthCheck": Add(new HealthCheckInstruction(true, false, EquatableArray<string>.Empty, null, null, null, null, null, r.Source)); break;
            case "Shell": ParseShell(r); break;
            case "StopSignal": ParseStopSignal(r); break;
            case "OnBuild": ParseOnBuild(r); break;
            case "Instruction": ParseRaw(r); break;
            case "AptInstall": ParseAptInstall(r); break;
            case "ApkInstall": ParseApkInstall(r); break;
            case "DnfInstall": ParseDnfInstall(r); break;
            case "NonRootUser": ParseNonRootUser(r); break;
            case "Ccache": ParseCcache(r); break;
            case "StripDebugSymbols": ParseStrip(r); break;
        }
    }

    private void ParseEnv(AttributeReader r)
    {
        var expand = r.NamedBool("Expand") ?? false;
        var pairs = ParsePairs(r, ValueRules.VariableName, "variable name", "value", expand);
        if (pairs is not null)
        {
            Add(new EnvInstruction(pairs.Value, r.Source));
        }
    }

    private void ParseLabel(AttributeReader r)
    {
        var expand = r.NamedBool("Expand") ?? false;
        var pairs = ParsePairs(r, ValueRules.LabelKey, "label key", "label value", expand);
        if (pairs is not null)
        {
            Add(new LabelInstruction(pairs.Value, r.Source));
        }
    }

    /// <summary>The name/value pairs of [Env] or [Label]: two arguments, or a params array of names and values alternating.</summary>
    private EquatableArray<KeyValue>? ParsePairs(AttributeReader r, System.Func<string?, string?> keyRule, string key, string value, bool expand)
    {
        var array = r.IsArray(0);
        var items = array ? r.Strings(0) : ImmutableArray.Create(r.String(0), r.String(1));
        if (items.Length == 0 || items.Length % 2 != 0)
        {
            _session.Report(ProblemKind.InvalidValue, $"[{r.Name.Replace("Attribute", string.Empty)}] has {items.Length} strings; give a {key} and a {value} for each, in pairs.", r.Source.WithArgument(0));
            return null;
        }

        SourceRef At(int index) => array ? r.Source.WithElement(0, index) : r.Source.WithArgument(index);
        var ok = true;
        var pairs = new List<KeyValue>();
        for (var i = 0; i < items.Length; i += 2)
        {
            var number = items.Length > 2 ? $" {(i / 2) + 1}" : string.Empty;
            ok &= _session.Check(keyRule(items[i]), At(i), $"The {key}{number}", ProblemKind.InvalidValue);
            ok &= _session.Check(ValueRules.QuotedValue(items[i + 1]), At(i + 1), $"The {value}{number}");
            if (ok)
            {
                pairs.Add(new KeyValue(items[i]!, Quoting.DoubleQuoted(items[i + 1]!, Escape, expand)));
            }
        }

        return ok ? pairs.ToEquatableArray() : null;
    }

    private void ParseRun(AttributeReader r)
    {
        var commands = r.Strings(0);
        if (commands.IsEmpty)
        {
            _session.Report(ProblemKind.InvalidValue, "[Run] needs at least one command.", r.Source);
            return;
        }

        var ok = true;
        var lines = new List<string>();
        for (var i = 0; i < commands.Length; i++)
        {
            ok &= _session.Check(ValueRules.ShellLine(commands[i], Escape), r.Source.WithArgument(0), $"Command {i + 1}");
            lines.Add(RunInstruction.ChainedLine(i, commands[i] ?? string.Empty));
        }

        // BuildKit looks for heredocs in the whole instruction, its lines joined.
        ok = ok && _session.Check(ValueRules.HeredocIn(string.Join(" ", lines)), r.Source.WithArgument(0), commands.Length == 1 ? "The command" : "The commands");
        AddRun(r, RunForm.Shell, lines, ok);
    }

    private void ParseRunExec(AttributeReader r)
    {
        var executable = r.String(0);
        var arguments = r.Strings(1);
        var ok = _session.Check(ValueRules.JsonItem(executable), r.Source.WithArgument(0), "The executable");
        ok &= CheckAll(arguments, ValueRules.JsonItem, r.Source.WithArgument(1), "Argument");
        var lines = new List<string> { executable ?? string.Empty };
        foreach (var argument in arguments)
        {
            lines.Add(argument ?? string.Empty);
        }

        AddRun(r, RunForm.Exec, lines, ok);
    }

    private void ParseRunHeredoc(AttributeReader r)
    {
        var script = SourceLineBreaks(r, 0);
        var ok = _session.Check(ValueRules.HeredocBody(script), r.Source.WithArgument(0), "The script");
        if (script.Trim().Length == 0)
        {
            _session.Report(ProblemKind.InvalidValue, "The script is empty.", r.Source.WithArgument(0));
            ok = false;
        }

        var marker = ParseMarker(r, script, quoted: false, "script");

        // With Command the script is the heredoc the command line opens (RUN python3 <<EOF), for the command to read.
        var command = r.NamedString("Command");
        if (command is not null)
        {
            ok &= _session.Check(ValueRules.ShellLine(command, Escape) ?? ValueRules.HeredocIn(command), r.Source.WithArgument("Command"), "The command");
            AddRun(r, RunForm.Heredoc, new List<string> { script }, ok && marker is not null, heredocCommand: command.Trim() + " <<" + marker?.Text);
            return;
        }

        AddRun(r, RunForm.Heredoc, new List<string> { script }, ok && marker is not null, marker);
    }

    /// <summary>
    /// The heredoc marker of <c>Marker</c> (as written after <c>&lt;&lt;</c>), or one no line of
    /// <paramref name="body"/> ends early, quoted when <paramref name="quoted"/>; null (with a problem) when unusable.
    /// </summary>
    private HeredocMarker? ParseMarker(AttributeReader r, string body, bool quoted, string what)
    {
        var text = r.NamedString("Marker");
        if (text is null)
        {
            return new HeredocMarker(Quoting.HeredocMarker(body), quoted ? '\'' : '\0', false);
        }

        var marker = HeredocMarker.Parse(text);
        if (marker is null)
        {
            _session.Report(ProblemKind.InvalidValue, $"Marker '{text}' is not a heredoc marker such as 'EOF', \"'EOF'\" (the body taken as it is) or '-EOF' (leading tabs removed).", r.Source.WithArgument("Marker"));
            return null;
        }

        if (marker.Value.EndsEarly(body))
        {
            _session.Report(ProblemKind.InvalidValue, $"The {what} has a line '{marker.Value.Name}', which would end the heredoc early; choose another Marker.", r.Source.WithArgument("Marker"));
            return null;
        }

        return marker;
    }

    private void AddRun(AttributeReader r, RunForm form, List<string> lines, bool ok, HeredocMarker? marker = null, string? heredocCommand = null)
    {
        var mounts = new List<Mount>();
        foreach (var mountType in r.NamedTypes("Mounts"))
        {
            var mount = mountType is null ? null : ParseMount(mountType, r.Source.WithArgument("Mounts"));
            if (mount is null)
            {
                ok = false;
                if (mountType is null)
                {
                    _session.Report(ProblemKind.InvalidReference, "Mounts must list mount classes with typeof.", r.Source.WithArgument("Mounts"));
                }
            }
            else
            {
                mounts.Add(mount);
            }
        }

        if (_state.CcacheMount is { } ccache && !mounts.Exists(m => m.Get("target") == ccache.Get("target")))
        {
            mounts.Add(ccache);
        }

        var network = r.NamedEnum("Network") switch
        {
            1 => "none",
            2 => "host",
            _ => null,
        };
        var security = r.NamedEnum("Security") switch
        {
            1 => "sandbox",
            2 => "insecure",
            _ => null,
        };
        var devices = new List<RunDevice>();
        var index = 0;
        foreach (var value in r.NamedStrings("Devices"))
        {
            index++;
            var unsafeText = ValueRules.LiteralWord(value, Escape);
            if (!_session.Check(unsafeText, r.Source.WithArgument("Devices"), $"Device {index}"))
            {
                ok = false;
                continue;
            }

            var device = RunDevice.Read(value!, out var problem);
            if (device is { IsWritable: false } unwritable)
            {
                problem = unwritable.Name.Length == 0 ? "names no device" : $"names the device '{unwritable.Name}', which BuildKit would read otherwise when written back";
            }

            ok &= _session.Check(problem, r.Source.WithArgument("Devices"), $"Device {index}", ProblemKind.InvalidValue);
            if (problem is null)
            {
                devices.Add(device!.Value);
            }
        }

        if (ok)
        {
            Add(new RunInstruction(form, lines.ToEquatableArray(), mounts.ToEquatableArray(), network, security, r.Source, devices.ToEquatableArray(), marker, heredocCommand));
        }
    }

    private void ParseCopy(AttributeReader r, CopyKind kind)
    {
        var sources = r.IsArray(0) ? r.Strings(0) : ImmutableArray.Create(r.String(0));
        var destination = r.String(1);
        var ok = true;
        if (sources.IsEmpty)
        {
            _session.Report(ProblemKind.InvalidValue, "Give at least one source.", r.Source.WithArgument(0));
            ok = false;
        }

        ok &= CheckAll(sources, v => ValueRules.Path(v, Escape), r.Source.WithArgument(0), "Source");
        ok &= _session.Check(ValueRules.Path(destination, Escape), r.Source.WithArgument(1), "The destination");
        ok = ok && CheckNoHeredoc(sources.Add(destination), r.Source.WithArgument(0));
        var from = kind == CopyKind.Copy && r.HasNamed("From") ? ParseFrom(r.Named("From"), r.Source.WithArgument("From")) : null;
        var exclude = r.NamedStrings("Exclude");
        ok &= CheckAll(exclude, v => ValueRules.LiteralWord(v, Escape), r.Source.WithArgument("Exclude"), "Exclude pattern");
        var checksum = r.NamedString("Checksum");
        if (checksum is not null)
        {
            ok &= _session.Check(ValueRules.Checksum(checksum, Escape), r.Source.WithArgument("Checksum"), "Checksum", ProblemKind.InvalidValue);
        }

        // Several sources go into a directory, which BuildKit requires to end with '/' (hadolint DL3021); BuildKit
        // reads "." as "./" (dockerfile2llb/convert.go, pathRelativeToWorkingDir), so it stays as written.
        if (ok && sources.Length > 1 && !destination!.EndsWith("/", System.StringComparison.Ordinal) && destination != ".")
        {
            destination += "/";
        }

        var (chown, chmod, owned) = ParseOwnership(r);
        if (ok && owned)
        {
            var unpack = kind == CopyKind.Add ? r.NamedBool("Unpack") : null;
            Add(new CopyInstruction(kind, Strings(sources), destination!, from, chown, chmod, r.NamedBool("Link") ?? false, Strings(exclude), r.NamedBool("Parents") ?? false, checksum, r.NamedBool("KeepGitDir") ?? false, null, r.Source, unpack));
        }
    }

    private void ParseCopyFrom(AttributeReader r)
    {
        var from = ParseFrom(r.Positional(0), r.Source.WithArgument(0));
        var source = r.String(1);
        var destination = r.String(2);
        var ok = from is not null;
        ok &= _session.Check(ValueRules.Path(source, Escape), r.Source.WithArgument(1), "The source");
        ok &= _session.Check(ValueRules.Path(destination, Escape), r.Source.WithArgument(2), "The destination");
        ok = ok && CheckNoHeredoc(ImmutableArray.Create(source, destination), r.Source.WithArgument(1));
        var (chown, chmod, owned) = ParseOwnership(r);
        if (ok && owned)
        {
            Add(new CopyInstruction(CopyKind.Copy, new[] { source! }.ToEquatableArray(), destination!, from, chown, chmod, r.NamedBool("Link") ?? false, EquatableArray<string>.Empty, false, null, false, null, r.Source));
        }
    }

    /// <summary>
    /// COPY and ADD paths written as plain words (none holds white space, or the emitter writes the JSON form, where
    /// BuildKit reads no heredoc) must not make BuildKit read a heredoc on the line.
    /// </summary>
    private bool CheckNoHeredoc(ImmutableArray<string?> paths, SourceRef source) =>
        System.Linq.Enumerable.Any(paths, p => p is null || System.Linq.Enumerable.Any(p, char.IsWhiteSpace))
        || _session.Check(ValueRules.HeredocIn(string.Join(" ", paths)), source, paths.Length == 2 ? "The path" : "The paths");

    /// <summary>
    /// A heredoc body as declared. Written as a verbatim or raw literal, its line breaks are the source file's, so a
    /// CRLF there is the checkout's line ending and is written as LF: the Dockerfile is the same from every checkout.
    /// Any other CR (an escape such as <c>"\r\n"</c>, a constant) is the author's and is kept exactly, as BuildKit
    /// keeps it.
    /// </summary>
    private static string SourceLineBreaks(AttributeReader r, int position)
    {
        var value = r.String(position) ?? string.Empty;
        return r.IsVerbatimOrRawLiteral(position) ? value.Replace("\r\n", "\n") : value;
    }

    private void ParseCopyHeredoc(AttributeReader r)
    {
        var destination = r.String(0);
        var content = SourceLineBreaks(r, 1);
        var ok = _session.Check(ValueRules.Word(destination, Escape) ?? ValueRules.HeredocIn(destination), r.Source.WithArgument(0), "The destination");
        ok &= _session.Check(ValueRules.HeredocBody(content), r.Source.WithArgument(1), "The content");
        var marker = ParseMarker(r, content, quoted: true, "content");
        var (chown, chmod, owned) = ParseOwnership(r);
        if (ok && owned && marker is not null)
        {
            Add(new CopyInstruction(CopyKind.Copy, EquatableArray<string>.Empty, destination!, null, chown, chmod, r.NamedBool("Link") ?? false, EquatableArray<string>.Empty, false, null, false, content, r.Source, Marker: marker));
        }
    }

    /// <summary>--chown (explicit, or the stage's non-root user) and --chmod of COPY and ADD.</summary>
    private (string? Chown, string? Chmod, bool Ok) ParseOwnership(AttributeReader r)
    {
        var ok = true;
        var chown = r.NamedString("Chown");
        if (chown is not null)
        {
            ok &= _session.Check(ValueRules.Owner(chown, Escape), r.Source.WithArgument("Chown"), "Chown", ProblemKind.InvalidValue);
        }
        else if (r.NamedBool("ChownToUser") != false)
        {
            chown = _state.Owner;
        }

        var chmod = r.NamedString("Chmod");
        if (chmod is not null)
        {
            ok &= _session.Check(ValueRules.FileMode(chmod, Escape), r.Source.WithArgument("Chmod"), "Chmod", ProblemKind.InvalidValue);
        }

        return (chown, chmod, ok);
    }

    private void ParseWorkDir(AttributeReader r)
    {
        var path = r.String(0);
        if (_session.Check(ValueRules.Word(path, Escape), r.Source.WithArgument(0), "The path"))
        {
            Add(new WorkDirInstruction(path!, r.Source));
        }
    }

    private void ParseUser(AttributeReader r)
    {
        string? user;
        string? group;
        if (r.Positional(0).Value is int uid)
        {
            user = uid.ToString(CultureInfo.InvariantCulture);
            group = r.Int(1)?.ToString(CultureInfo.InvariantCulture);
            _session.Check(uid < 0 || r.Int(1) < 0 ? "is negative" : null, r.Source, "A user or group id", ProblemKind.InvalidValue);
        }
        else
        {
            user = r.String(0);
            group = r.NamedString("Group");
        }

        var owner = group is null ? user : user + ":" + group;
        if (_session.Check(ValueRules.Owner(owner, Escape), r.Source, $"The user '{owner}'", ProblemKind.InvalidValue))
        {
            var instruction = new UserInstruction(user!, group, r.Source);
            Add(instruction);
            _state = _state with { Owner = UserRules.IsRoot(instruction.Text) ? null : instruction.Text };
        }
    }

    private void ParseExpose(AttributeReader r)
    {
        var protocol = r.NamedEnum("Protocol") switch
        {
            null or 0 => "tcp",
            1 => "udp",
            2 => "sctp",
            _ => null,
        };
        var ok = protocol is not null; // An undefined ExposeProtocol is reported where the attribute is read.
        var ports = new List<string>();
        if (r.IsArray(0) && r.ArrayElementType(0) == SpecialType.System_String)
        {
            ok &= _session.Check(r.HasNamed("Protocol") ? "applies only to ports given as numbers; write it in each port, as \"53/udp\"" : null, r.Source.WithArgument("Protocol"), "Protocol", ProblemKind.InvalidValue);
            var specs = r.Strings(0);
            for (var i = 0; i < specs.Length; i++)
            {
                var problem = ValueRules.PortSpec(specs[i], Escape, out var unsafeValue);
                ok &= _session.Check(problem, r.Source.WithElement(0, i), $"The port '{specs[i]}'", unsafeValue ? ProblemKind.UnsafeValue : ProblemKind.InvalidValue);
                ports.Add(specs[i] ?? string.Empty);
            }
        }
        else
        {
            var numbers = r.IsArray(0) ? r.Ints(0) : ImmutableArray.Create(r.Int(0));
            for (var i = 0; i < numbers.Length; i++)
            {
                var port = numbers[i] ?? 0;
                ok &= _session.Check(ValueRules.Port(port), r.IsArray(0) ? r.Source.WithElement(0, i) : r.Source.WithArgument(0), $"The port {port}", ProblemKind.InvalidValue);
                ports.Add(port.ToString(CultureInfo.InvariantCulture) + (protocol is null or "tcp" ? string.Empty : "/" + protocol));
            }
        }

        if (ports.Count == 0)
        {
            _session.Report(ProblemKind.InvalidValue, "[Expose] needs at least one port.", r.Source);
            ok = false;
        }

        if (ok)
        {
            Add(new ExposeInstruction(ports.ToEquatableArray(), r.Source));
        }
    }

    private void ParseVolume(AttributeReader r)
    {
        var paths = r.Strings(0);
        var ok = !paths.IsEmpty && CheckAll(paths, v => ValueRules.Word(v, Escape), r.Source.WithArgument(0), "Path");
        if (paths.IsEmpty)
        {
            _session.Report(ProblemKind.InvalidValue, "[Volume] needs at least one path.", r.Source);
        }

        if (ok)
        {
            Add(new VolumeInstruction(Strings(paths), r.Source));
        }
    }

    private void ParseCommand(AttributeReader r, CommandKind kind, bool exec)
    {
        ImmutableArray<string?> command;
        bool ok;
        if (exec)
        {
            // An empty exec form is BuildKit's way to clear what the base image set (ENTRYPOINT [] or CMD []).
            command = r.Strings(0);
            ok = CheckAll(command, ValueRules.JsonItem, r.Source.WithArgument(0), "Argument");
        }
        else
        {
            command = ImmutableArray.Create(r.String(0));
            ok = _session.Check(ValueRules.ShellLine(command[0], Escape), r.Source.WithArgument(0), "The command");
        }

        if (ok)
        {
            Add(new CommandInstruction(kind, exec, Strings(command), r.Source));
        }
    }

    private void ParseHealthCheck(AttributeReader r)
    {
        var exec = r.IsArray(0);
        var command = exec ? r.Strings(0) : ImmutableArray.Create(r.String(0));
        var ok = exec
            ? CheckAll(command, ValueRules.JsonItem, r.Source.WithArgument(0), "Argument") && !command.IsEmpty
            : _session.Check(ValueRules.ShellLine(command[0], Escape), r.Source.WithArgument(0), "The command");
        string? Duration(string option)
        {
            var value = r.NamedString(option);
            if (value is not null)
            {
                ok &= _session.Check(ValueRules.Duration(value), r.Source.WithArgument(option), option, ProblemKind.InvalidValue);
            }

            return value;
        }

        var interval = Duration("Interval");
        var timeout = Duration("Timeout");
        var startPeriod = Duration("StartPeriod");
        var startInterval = Duration("StartInterval");
        var retries = r.NamedInt("Retries");
        // BuildKit refuses a negative count; 0 is the engine's default (instructions/parse.go, parseHealthcheck).
        if (retries is < 0)
        {
            _session.Report(ProblemKind.InvalidValue, $"Retries is {retries}; give 0 (the default) or more.", r.Source.WithArgument("Retries"));
            ok = false;
        }

        if (ok)
        {
            Add(new HealthCheckInstruction(false, exec, Strings(command), interval, timeout, startPeriod, startInterval, retries, r.Source));
        }
    }

    private void ParseShell(AttributeReader r)
    {
        var command = r.Strings(0);
        var ok = !command.IsEmpty && CheckAll(command, ValueRules.JsonItem, r.Source.WithArgument(0), "Argument");
        if (command.IsEmpty)
        {
            _session.Report(ProblemKind.InvalidValue, "[Shell] needs the shell executable and its arguments.", r.Source);
        }

        if (ok)
        {
            Add(new ShellInstruction(Strings(command), r.Source));
        }
    }

    private void ParseStopSignal(AttributeReader r)
    {
        var signal = r.String(0);
        if (_session.Check(ValueRules.Signal(signal, Escape), r.Source.WithArgument(0), "The signal", ProblemKind.InvalidValue))
        {
            Add(new StopSignalInstruction(signal!, r.Source));
        }
    }

    private void ParseOnBuild(AttributeReader r)
    {
        var trigger = r.String(0);
        if (!_session.Check(ValueRules.ShellLine(trigger, Escape), r.Source.WithArgument(0), "The trigger"))
        {
            return;
        }

        var keyword = Keyword(trigger!);
        if (!RawKeywords.Contains(keyword) || keyword is "ONBUILD" or "MAINTAINER")
        {
            _session.Report(ProblemKind.InvalidValue, $"The trigger must start with an instruction other than ONBUILD, FROM or MAINTAINER, not '{keyword}'.", r.Source.WithArgument(0));
            return;
        }

        if (keyword is "RUN" or "COPY" or "ADD" && !_session.Check(ValueRules.HeredocIn(trigger), r.Source.WithArgument(0), "The trigger"))
        {
            return;
        }

        var text = trigger!.Trim();
        Add(new OnBuildInstruction(text, r.Source, Core.Text.DockerfileReader.ReadTrigger(text, r.Source, Escape)));
    }

    private void ParseRaw(AttributeReader r)
    {
        var text = r.String(0);
        if (!_session.Check(ValueRules.ShellLine(text, Escape), r.Source.WithArgument(0), "The instruction"))
        {
            return;
        }

        var keyword = Keyword(text!);
        if (!RawKeywords.Contains(keyword))
        {
            _session.Report(ProblemKind.InvalidValue, $"'{keyword}' is not an instruction DockerDsl can place in a stage (FROM is declared with [Stage]).", r.Source.WithArgument(0));
            return;
        }

        // Heredocs are read in RUN, COPY and ADD, also as the trigger of ONBUILD.
        var heredocKeyword = keyword == "ONBUILD" ? Keyword(text!.Trim().Substring(keyword.Length)) : keyword;
        if (heredocKeyword is "RUN" or "COPY" or "ADD" && !_session.Check(ValueRules.HeredocIn(text), r.Source.WithArgument(0), "The instruction"))
        {
            return;
        }

        var raw = new RawInstruction(keyword, text!.Trim(), r.Source);
        Add(raw);
        if (UserRules.UserOf(raw) is { } user)
        {
            _state = _state with { Owner = UserRules.IsRoot(user) ? null : user };
        }
    }

    private void ParseAptInstall(AttributeReader r)
    {
        var packages = Packages(r, "AptInstall", ValueRules.AptPackage);
        var then = r.NamedStrings("Then");
        var ok = packages is not null;
        var lines = new List<string>();
        for (var i = 0; i < then.Length; i++)
        {
            ok &= _session.Check(ValueRules.ShellLine(then[i], Escape), r.Source.WithArgument("Then"), $"Then command {i + 1}");
            lines.Add(then[i] ?? string.Empty);
        }

        // BuildKit looks for heredocs in the whole instruction, its lines joined.
        ok = ok && _session.Check(ValueRules.HeredocIn(string.Join(" ", lines)), r.Source.WithArgument("Then"), "Then");
        ok &= PackageManagerFits(r, "AptInstall", "apt-get");
        if (ok)
        {
            Add(AptInstall.Expand(packages!.Value, r.Source, lines));
        }
    }

    private void ParseApkInstall(AttributeReader r)
    {
        var packages = Packages(r, "ApkInstall", ValueRules.ApkPackage);
        if (PackageManagerFits(r, "ApkInstall", "apk") && packages is not null)
        {
            Add(PackageInstall.Apk(packages.Value, r.Source));
        }
    }

    private void ParseDnfInstall(AttributeReader r)
    {
        var packages = Packages(r, "DnfInstall", ValueRules.RpmPackage);
        var fits = PackageManagerFits(r, "DnfInstall", "dnf");
        var stated = r.NamedEnum("Manager");
        if (stated is not null && !System.Enum.IsDefined(typeof(RpmManagerKind), stated.Value))
        {
            return;
        }

        if (fits && packages is not null)
        {
            var manager = stated is { } value ? (RpmManagerKind)value : PackageInstall.DefaultManager(StatedOrInferredFamily(r), _state.BaseImage);
            Add(PackageInstall.Dnf(manager, packages.Value, r.Source));
        }
    }

    /// <summary>The checked package names of an install helper; null (and a problem) when any is invalid or there is none.</summary>
    private EquatableArray<string>? Packages(AttributeReader r, string helper, System.Func<string?, string?> rule)
    {
        var packages = r.Strings(0);
        var ok = CheckAll(packages, rule, r.Source.WithArgument(0), "Package", ProblemKind.InvalidValue);
        if (packages.IsEmpty)
        {
            _session.Report(ProblemKind.InvalidValue, $"[{helper}] needs at least one package.", r.Source);
            ok = false;
        }

        return ok ? Strings(packages) : null;
    }

    /// <summary>
    /// Whether a package helper fits the stage's base: its manager names the family, so a base of an unknown family is
    /// taken as stated by the helper; a base known to be of another family is a problem at the helper.
    /// </summary>
    private bool PackageManagerFits(AttributeReader r, string helper, string tool)
    {
        var families = BaseFamilies.PackageHelperFamilies(helper)!;
        var family = StatedOrInferredFamily(r);
        if (family is null || families.Contains(family.Value))
        {
            return true;
        }

        var image = r.HasNamed("Family") ? "Family" : _state.BaseImage is null ? "the base" : $"'{_state.BaseImage}'";
        _session.Report(
            ProblemKind.HelperNotForBase,
            $"[{helper}] runs {tool}, which {image} ({FamilyName(family.Value)}) does not have; use the helper of that family ({PackageHelper(family.Value)}), or state the base's family with Family = BaseFamily.{families[0]} if DockerDsl inferred it wrongly.",
            r.Source);
        return false;
    }

    private ImageFamily? StatedOrInferredFamily(AttributeReader r) =>
        r.NamedEnum("Family") is { } stated ? (System.Enum.IsDefined(typeof(ImageFamily), stated) ? (ImageFamily)stated : null) : _state.Family;

    private static string PackageHelper(ImageFamily family) => family switch
    {
        ImageFamily.Debian => "[AptInstall]",
        ImageFamily.Alpine => "[ApkInstall]",
        ImageFamily.RedHat or ImageFamily.RedHatMinimal => "[DnfInstall]",
        ImageFamily.Busybox => "none: busybox has no package manager; install in an Alpine or Debian build stage and copy the files",
        _ => "none: the base has no shell; install in a build stage and copy the files",
    };

    private void ParseNonRootUser(AttributeReader r)
    {
        var name = r.String(0);
        var uid = r.NamedInt("Uid") ?? NonRootUser.DefaultUid;
        var gid = r.NamedInt("Gid") ?? uid;
        var group = r.NamedString("Group") ?? name;
        var home = r.NamedString("Home");
        var createHome = r.NamedBool("CreateHome") ?? true;
        var system = r.NamedBool("System") ?? true;
        var ok = _session.Check(NonRootUser.NameProblem(name), r.Source.WithArgument(0), "The user name", ProblemKind.InvalidValue);
        ok &= _session.Check(NonRootUser.NameProblem(group), r.Source.WithArgument("Group"), "The group name", ProblemKind.InvalidValue);
        ok &= _session.Check(uid <= 0 ? "is not a positive number (0 is root)" : null, r.Source.WithArgument("Uid"), "Uid", ProblemKind.InvalidValue);
        ok &= _session.Check(gid <= 0 ? "is not a positive number (0 is root's group)" : null, r.Source.WithArgument("Gid"), "Gid", ProblemKind.InvalidValue);
        if (home is not null)
        {
            ok &= _session.Check(ValueRules.AbsoluteLiteralPath(home, Escape), r.Source.WithArgument("Home"), "Home");
        }

        var family = HelperFamily(r, "NonRootUser");
        if (family is { } known)
        {
            var at = home is not null && r.HasNamed("CreateHome") ? r.Source.WithArgument("CreateHome") : home is not null ? r.Source.WithArgument("Home") : r.Source;
            ok &= _session.Check(NonRootUser.FamilyProblem(known, home, createHome), at, $"[NonRootUser] on {FamilyName(known)}", ProblemKind.HelperNotForBase);
        }

        if (!ok || family is null)
        {
            return;
        }

        var user = new NonRootUserOptions(name!, uid, group!, gid, home, createHome, system);
        foreach (var instruction in NonRootUser.Expand(family.Value, user, Escape, r.Source))
        {
            Add(instruction);
        }

        _state = _state with { Owner = NonRootUser.Owner(uid, gid) };
    }

    /// <summary>
    /// The base family a helper writes for: its Family argument, else the family inferred from the image at the root
    /// of the stage's FROM chain; when neither tells, a problem at the helper (never a guess).
    /// </summary>
    private ImageFamily? HelperFamily(AttributeReader r, string helper)
    {
        if (r.NamedEnum("Family") is { } stated)
        {
            // A value BaseFamily does not define is already a problem at the argument (ParseSession.Read).
            return System.Enum.IsDefined(typeof(ImageFamily), stated) ? (ImageFamily)stated : null;
        }

        if (_state.Family is { } inferred)
        {
            return inferred;
        }

        var image = _state.BaseImage is null ? "the base of this stage" : $"the base image '{_state.BaseImage}'";
        _session.Report(
            ProblemKind.UnknownBaseFamily,
            $"[{helper}] writes commands for the tools of its base image, and DockerDsl cannot tell from {image} which those are; state it with Family = BaseFamily.Debian (or Alpine, Busybox, RedHat, RedHatMinimal, Distroless).",
            r.Source);
        return null;
    }

    private static string FamilyName(ImageFamily family) => family switch
    {
        ImageFamily.Debian => "a Debian or Ubuntu base",
        ImageFamily.Alpine => "an Alpine base",
        ImageFamily.Busybox => "a busybox base",
        ImageFamily.RedHat => "a Red Hat family base",
        ImageFamily.RedHatMinimal => "a minimal Red Hat family base (microdnf, no shadow-utils)",
        _ => "a base without a shell (distroless, chiseled, scratch)",
    };

    private void ParseCcache(AttributeReader r)
    {
        var directory = r.NamedString("Directory") ?? Ccache.DefaultDirectory;
        var id = r.NamedString("Id") ?? Ccache.DefaultId;
        var maxSize = r.NamedString("MaxSize");
        var ok = _session.Check(ValueRules.AbsoluteLiteralPath(directory, Escape), r.Source.WithArgument("Directory"), "Directory");
        ok &= _session.Check(LiteralMountValue(id), r.Source.WithArgument("Id"), "Id");
        if (maxSize is not null)
        {
            ok &= _session.Check(ValueRules.LiteralWord(maxSize, Escape), r.Source.WithArgument("MaxSize"), "MaxSize");
        }

        if (!ok)
        {
            return;
        }

        foreach (var instruction in Ccache.Expand(directory, maxSize, r.Source))
        {
            Add(instruction);
        }

        _state = _state with { CcacheMount = Ccache.Mount(directory, id, r.Source) };
    }

    private void ParseStrip(AttributeReader r)
    {
        var path = r.String(0);
        if (_session.Check(ValueRules.AbsoluteLiteralPath(path, Escape), r.Source.WithArgument(0), "The path"))
        {
            Add(StripDebugSymbols.Expand(path!, r.Source));
        }
    }

    private static string Keyword(string text)
    {
        var trimmed = text.TrimStart();
        var end = 0;
        while (end < trimmed.Length && !char.IsWhiteSpace(trimmed[end]))
        {
            end++;
        }

        return trimmed.Substring(0, end).ToUpperInvariant();
    }
}

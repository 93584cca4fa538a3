namespace DockerDsl.Core.Model;

/// <summary>One Dockerfile instruction, already resolved: helpers are expanded, references are names.</summary>
public abstract record Instruction(SourceRef Source);

/// <summary>
/// A name and a value as the Dockerfile holds them: <see cref="Value"/> is a word BuildKit expands when it
/// builds (quotes, escapes and <c>$</c> references as written), as in <c>NAME="value"</c>.
/// </summary>
public readonly record struct KeyValue(string Key, string Value);

/// <summary>One build argument of an ARG: <see cref="Default"/> is a word as written, or null for none.</summary>
public readonly record struct ArgDefinition(string Name, string? Default);

/// <summary>ARG: one or more build arguments, each expanded with the variables set before the instruction.</summary>
public sealed record ArgInstruction(EquatableArray<ArgDefinition> Args, SourceRef Source) : Instruction(Source)
{
    public ArgInstruction(string name, string? defaultValue, SourceRef source)
        : this(new[] { new ArgDefinition(name, defaultValue) }.ToEquatableArray(), source)
    {
    }
}

/// <summary>ENV: one or more variables; every value is expanded with the variables set before the instruction.</summary>
public sealed record EnvInstruction(EquatableArray<KeyValue> Variables, SourceRef Source) : Instruction(Source)
{
    public EnvInstruction(string name, string value, SourceRef source)
        : this(new[] { new KeyValue(name, value) }.ToEquatableArray(), source)
    {
    }
}

/// <summary>LABEL: one or more labels; keys and values are words as written.</summary>
public sealed record LabelInstruction(EquatableArray<KeyValue> Labels, SourceRef Source) : Instruction(Source)
{
    public LabelInstruction(string key, string value, SourceRef source)
        : this(new[] { new KeyValue(key, value) }.ToEquatableArray(), source)
    {
    }
}

public enum RunForm
{
    /// <summary>Lines joined with line continuations, run by the shell.</summary>
    Shell,

    /// <summary>A JSON array: executable and arguments.</summary>
    Exec,

    /// <summary>A heredoc script.</summary>
    Heredoc,
}

/// <summary>RUN. For <see cref="RunForm.Shell"/>, <see cref="Lines"/> are physical lines joined by continuations.</summary>
/// <param name="Devices">The CDI devices of <c>--device</c>, in order.</param>
/// <param name="Marker">For <see cref="RunForm.Heredoc"/>, the heredoc's marker as written; null lets the emitter choose one (<c>&lt;&lt;EOF</c>).</param>
/// <param name="HeredocCommand">
/// For <see cref="RunForm.Heredoc"/>, the shell command line that opens the heredocs when the RUN is more than one script
/// (<c>python3 &lt;&lt;EOF</c>, <c>&lt;&lt;A cat &gt; a &amp;&amp; &lt;&lt;B cat &gt; b</c>); <see cref="Lines"/> are then the bodies, in order.
/// </param>
public sealed record RunInstruction(
    RunForm Form,
    EquatableArray<string> Lines,
    EquatableArray<Mount> Mounts,
    string? Network,
    string? Security,
    SourceRef Source,
    EquatableArray<RunDevice> Devices = default,
    HeredocMarker? Marker = null,
    string? HeredocCommand = null) : Instruction(Source)
{
    /// <summary>Line <paramref name="index"/> of a shell-form RUN: its command, chained to the one before with <c>&amp;&amp;</c>.</summary>
    public static string ChainedLine(int index, string command) => index == 0 ? command : "&& " + command;
}

public enum CopyKind
{
    Copy,
    Add,
}

/// <summary>COPY or ADD. <see cref="HeredocContent"/> set means <c>COPY &lt;&lt;EOF dest</c>, its body as written.</summary>
/// <param name="Marker">With <see cref="HeredocContent"/>, the heredoc's marker as written; null lets the emitter choose one (<c>&lt;&lt;'EOF'</c>, no expansion).</param>
/// <param name="Unpack">ADD's <c>--unpack</c>: true or false when given, null for BuildKit's default (local archives are unpacked, remote ones not).</param>
public sealed record CopyInstruction(
    CopyKind Kind,
    EquatableArray<string> Sources,
    string Destination,
    string? From,
    string? Chown,
    string? Chmod,
    bool Link,
    EquatableArray<string> Exclude,
    bool Parents,
    string? Checksum,
    bool KeepGitDir,
    string? HeredocContent,
    SourceRef Source,
    bool? Unpack = null,
    HeredocMarker? Marker = null) : Instruction(Source);

public sealed record WorkDirInstruction(string Path, SourceRef Source) : Instruction(Source);

public sealed record UserInstruction(string User, string? Group, SourceRef Source) : Instruction(Source)
{
    public string Text => Group is null ? User : User + ":" + Group;
}

/// <summary>EXPOSE: its ports as written (<c>80</c>, <c>53/udp</c>, <c>8000-8010/tcp</c>, <c>$PORT</c>), which BuildKit expands and splits into words.</summary>
public sealed record ExposeInstruction(EquatableArray<string> Ports, SourceRef Source) : Instruction(Source);

public sealed record VolumeInstruction(EquatableArray<string> Paths, SourceRef Source) : Instruction(Source);

public enum CommandKind
{
    Cmd,
    Entrypoint,
}

public sealed record CommandInstruction(CommandKind Kind, bool Exec, EquatableArray<string> Command, SourceRef Source) : Instruction(Source);

/// <summary>HEALTHCHECK; <see cref="None"/> is <c>HEALTHCHECK NONE</c>.</summary>
public sealed record HealthCheckInstruction(
    bool None,
    bool Exec,
    EquatableArray<string> Command,
    string? Interval,
    string? Timeout,
    string? StartPeriod,
    string? StartInterval,
    int? Retries,
    SourceRef Source) : Instruction(Source);

public sealed record ShellInstruction(EquatableArray<string> Command, SourceRef Source) : Instruction(Source);

public sealed record StopSignalInstruction(string Signal, SourceRef Source) : Instruction(Source);

/// <summary>ONBUILD: <see cref="Trigger"/> is the instruction's text, which the emitter writes.</summary>
/// <param name="Instruction">The trigger read as the instruction it is, for the rules; null when the model cannot type it.</param>
public sealed record OnBuildInstruction(string Trigger, SourceRef Source, Instruction? Instruction = null) : Instruction(Source);

/// <summary>A raw instruction line from the escape hatch; <see cref="Keyword"/> is its upper-cased first word.</summary>
public sealed record RawInstruction(string Keyword, string Text, SourceRef Source) : Instruction(Source);

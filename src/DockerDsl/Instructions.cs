using System;

namespace DockerDsl;

/// <summary><c>WORKDIR</c>: an absolute working directory for the instructions that follow.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class WorkDirAttribute : Attribute
{
    /// <summary>Sets the working directory to <paramref name="path"/>.</summary>
    public WorkDirAttribute(string path) => Path = path;

    /// <summary>The directory.</summary>
    public string Path { get; }
}

/// <summary>
/// <c>USER</c>. Prefer numeric ids (<c>[User(1001, 1001)]</c>) or <see cref="NonRootUserAttribute"/>:
/// Kubernetes' <c>runAsNonRoot</c> can only verify a numeric user.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class UserAttribute : Attribute
{
    /// <summary>Switches to <paramref name="user"/> (a name or id), optionally with <see cref="Group"/>.</summary>
    public UserAttribute(string user) => User = user;

    /// <summary>Switches to the numeric <paramref name="uid"/>:<paramref name="gid"/>.</summary>
    public UserAttribute(int uid, int gid)
    {
        User = uid.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Group = gid.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>User name or id.</summary>
    public string User { get; }

    /// <summary>Group name or id.</summary>
    public string? Group { get; set; }
}

/// <summary>
/// <c>ENV name=value ...</c>: one or more variables in one instruction. Every value sees the variables as they
/// were before the instruction, so in <c>[Env("A", "1", "B", "$A", Expand = true)]</c> B gets the earlier A.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class EnvAttribute : Attribute
{
    /// <summary>Sets <paramref name="name"/> to <paramref name="value"/>.</summary>
    public EnvAttribute(string name, string value)
    {
        Name = name;
        Value = value;
        NamesAndValues = new[] { name, value };
    }

    /// <summary>Sets each name to the value after it: <c>[Env("A", "1", "B", "2")]</c> writes <c>ENV A="1" B="2"</c>.</summary>
    public EnvAttribute(params string[] namesAndValues)
    {
        NamesAndValues = namesAndValues;
        Name = namesAndValues.Length > 0 ? namesAndValues[0] : string.Empty;
        Value = namesAndValues.Length > 1 ? namesAndValues[1] : string.Empty;
    }

    /// <summary>The first variable's name.</summary>
    public string Name { get; }

    /// <summary>The first variable's value; taken literally unless <see cref="Expand"/> is set.</summary>
    public string Value { get; }

    /// <summary>Names and values, alternating.</summary>
    public string[] NamesAndValues { get; }

    /// <summary>Expand <c>$NAME</c> and <c>${NAME}</c> references to build args and variables in every value.</summary>
    public bool Expand { get; set; }
}

/// <summary><c>LABEL key=value ...</c> (image metadata, for example <c>org.opencontainers.image.source</c>).</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class LabelAttribute : Attribute
{
    /// <summary>Sets label <paramref name="key"/> to <paramref name="value"/>.</summary>
    public LabelAttribute(string key, string value)
    {
        Key = key;
        Value = value;
        KeysAndValues = new[] { key, value };
    }

    /// <summary>Sets each label to the value after it: <c>[Label("a", "1", "b", "2")]</c> writes <c>LABEL a="1" b="2"</c>.</summary>
    public LabelAttribute(params string[] keysAndValues)
    {
        KeysAndValues = keysAndValues;
        Key = keysAndValues.Length > 0 ? keysAndValues[0] : string.Empty;
        Value = keysAndValues.Length > 1 ? keysAndValues[1] : string.Empty;
    }

    /// <summary>The first label's key.</summary>
    public string Key { get; }

    /// <summary>The first label's value, taken literally unless <see cref="Expand"/> is set.</summary>
    public string Value { get; }

    /// <summary>Keys and values, alternating.</summary>
    public string[] KeysAndValues { get; }

    /// <summary>Expand <c>$NAME</c> and <c>${NAME}</c> references to build args and variables in every value.</summary>
    public bool Expand { get; set; }
}

/// <summary>Transport protocol of <see cref="ExposeAttribute"/>.</summary>
public enum ExposeProtocol
{
    /// <summary>TCP (the default).</summary>
    Tcp = 0,

    /// <summary>UDP.</summary>
    Udp,

    /// <summary>SCTP.</summary>
    Sctp,
}

/// <summary><c>EXPOSE port[/protocol] ...</c>: documents the ports the container listens on.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class ExposeAttribute : Attribute
{
    /// <summary>Exposes <paramref name="port"/> (1-65535).</summary>
    public ExposeAttribute(int port)
        : this(new[] { port })
    {
    }

    /// <summary>Exposes every port of <paramref name="ports"/> (1-65535), all with <see cref="Protocol"/>.</summary>
    public ExposeAttribute(params int[] ports)
    {
        Port = ports.Length > 0 ? ports[0] : 0;
        Ports = Array.ConvertAll(ports, p => p.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// Exposes ports written as EXPOSE takes them: <c>8080</c>, <c>53/udp</c>, a range <c>8000-8010/tcp</c>, or build
    /// variables such as <c>$PORT</c> or <c>${PORT:-8080}/tcp</c> (a variable may hold several ports).
    /// </summary>
    public ExposeAttribute(params string[] ports) => Ports = ports;

    /// <summary>The first port given as a number; 0 when the ports are given as text.</summary>
    public int Port { get; }

    /// <summary>The ports as given.</summary>
    public string[] Ports { get; }

    /// <summary>The protocol of the ports given as numbers; ports given as text say theirs.</summary>
    public ExposeProtocol Protocol { get; set; }
}

/// <summary><c>VOLUME ["path", ...]</c>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class VolumeAttribute : Attribute
{
    /// <summary>Declares <paramref name="paths"/> as volumes.</summary>
    public VolumeAttribute(params string[] paths) => Paths = paths;

    /// <summary>The mount points.</summary>
    public string[] Paths { get; }
}

/// <summary><c>CMD ["executable", "arg", ...]</c> (exec form: signals reach the process).</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class CmdAttribute : Attribute
{
    /// <summary>Sets the default command.</summary>
    public CmdAttribute(params string[] command) => Command = command;

    /// <summary>Executable and arguments.</summary>
    public string[] Command { get; }
}

/// <summary><c>CMD command</c> in shell form (runs under <c>/bin/sh -c</c>, which does not forward signals).</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class CmdShellAttribute : Attribute
{
    /// <summary>Sets the default command line.</summary>
    public CmdShellAttribute(string command) => Command = command;

    /// <summary>The command line.</summary>
    public string Command { get; }
}

/// <summary><c>ENTRYPOINT ["executable", "arg", ...]</c> (exec form).</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class EntrypointAttribute : Attribute
{
    /// <summary>Sets the entrypoint.</summary>
    public EntrypointAttribute(params string[] command) => Command = command;

    /// <summary>Executable and arguments.</summary>
    public string[] Command { get; }
}

/// <summary><c>ENTRYPOINT command</c> in shell form.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class EntrypointShellAttribute : Attribute
{
    /// <summary>Sets the entrypoint command line.</summary>
    public EntrypointShellAttribute(string command) => Command = command;

    /// <summary>The command line.</summary>
    public string Command { get; }
}

/// <summary>
/// <c>HEALTHCHECK [options] CMD ...</c>. Durations are Go durations such as <c>30s</c>, <c>1m30s</c>.
/// OCI-format builds (for example Podman/Buildah without <c>--format docker</c>) drop HEALTHCHECK.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class HealthCheckAttribute : Attribute
{
    /// <summary>Checks health with a shell command line, for example <c>curl -fsS http://localhost:8000/health</c>.</summary>
    public HealthCheckAttribute(string command) => Command = new[] { command };

    /// <summary>Checks health with an exec-form command (no shell).</summary>
    public HealthCheckAttribute(string[] command)
    {
        Command = command;
        Exec = true;
    }

    /// <summary>The command: one shell line, or executable and arguments.</summary>
    public string[] Command { get; }

    /// <summary>True for the exec form.</summary>
    public bool Exec { get; }

    /// <summary><c>--interval</c> between checks (default 30s).</summary>
    public string? Interval { get; set; }

    /// <summary><c>--timeout</c> of one check (default 30s).</summary>
    public string? Timeout { get; set; }

    /// <summary><c>--start-period</c> during which failures do not count (default 0s).</summary>
    public string? StartPeriod { get; set; }

    /// <summary><c>--start-interval</c> between checks during the start period (Dockerfile 1.6+).</summary>
    public string? StartInterval { get; set; }

    /// <summary><c>--retries</c>: consecutive failures before <c>unhealthy</c> (default 3).</summary>
    public int Retries { get; set; }
}

/// <summary><c>HEALTHCHECK NONE</c>: disables a health check inherited from the base image.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class NoHealthCheckAttribute : Attribute
{
}

/// <summary><c>SHELL ["executable", "arg", ...]</c>: the shell for later shell-form instructions.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class ShellAttribute : Attribute
{
    /// <summary>Sets the shell, for example <c>"/bin/bash", "-o", "pipefail", "-c"</c>.</summary>
    public ShellAttribute(params string[] command) => Command = command;

    /// <summary>Shell executable and arguments.</summary>
    public string[] Command { get; }
}

/// <summary><c>STOPSIGNAL</c>: the signal <c>docker stop</c> sends, for example <c>SIGINT</c>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class StopSignalAttribute : Attribute
{
    /// <summary>Sets the stop signal (<c>SIGTERM</c>, <c>SIGINT</c>, <c>SIGQUIT</c>, or a number).</summary>
    public StopSignalAttribute(string signal) => Signal = signal;

    /// <summary>The signal.</summary>
    public string Signal { get; }
}

/// <summary><c>ONBUILD &lt;instruction&gt;</c>: an instruction run when another build uses this image as its base.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class OnBuildAttribute : Attribute
{
    /// <summary>Registers <paramref name="instruction"/>, a single line such as <c>COPY . /app</c>.</summary>
    public OnBuildAttribute(string instruction) => Instruction = instruction;

    /// <summary>The trigger instruction.</summary>
    public string Instruction { get; }
}

/// <summary>
/// A raw Dockerfile instruction, for what DockerDsl does not model yet. It must be one line and start
/// with an instruction keyword; analyzers still read it.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class InstructionAttribute : Attribute
{
    /// <summary>Emits <paramref name="text"/> as written.</summary>
    public InstructionAttribute(string text) => Text = text;

    /// <summary>The instruction line.</summary>
    public string Text { get; }
}

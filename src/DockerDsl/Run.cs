using System;

namespace DockerDsl;

/// <summary>The <c>RUN --network</c> flag.</summary>
public enum RunNetwork
{
    /// <summary>Not set: the build's default network.</summary>
    Default = 0,

    /// <summary>No network access (<c>--network=none</c>).</summary>
    None,

    /// <summary>The host's network (<c>--network=host</c>; needs the <c>network.host</c> entitlement).</summary>
    Host,
}

/// <summary>The <c>RUN --security</c> flag.</summary>
public enum RunSecurity
{
    /// <summary>Not set: the default sandbox.</summary>
    Default = 0,

    /// <summary><c>--security=sandbox</c>.</summary>
    Sandbox,

    /// <summary><c>--security=insecure</c> (needs the <c>security.insecure</c> entitlement).</summary>
    Insecure,
}

/// <summary>
/// <c>RUN</c> in shell form. Several commands are chained with <c>&amp;&amp;</c>, one per line.
/// </summary>
/// <example><c>[Run("make", "make install", Mounts = new[] { typeof(BuildCache) })]</c></example>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class RunAttribute : Attribute
{
    /// <summary>Runs <paramref name="commands"/> in the stage's shell, stopping at the first failure.</summary>
    public RunAttribute(params string[] commands) => Commands = commands;

    /// <summary>The commands, each a single line.</summary>
    public string[] Commands { get; }

    /// <summary>Mount classes (<see cref="CacheMountAttribute"/>, <see cref="SecretMountAttribute"/>, ...) to mount for this command.</summary>
    public Type[]? Mounts { get; set; }

    /// <summary>The network the command runs with.</summary>
    public RunNetwork Network { get; set; }

    /// <summary>The security mode the command runs with.</summary>
    public RunSecurity Security { get; set; }

    /// <summary>
    /// <c>--device</c>: CDI devices for this step, each <c>vendor.com/class=name</c>, <c>vendor.com/class=*</c>,
    /// <c>vendor.com/class</c> or a device class, with <c>,required</c> to fail the build without it (labs syntax;
    /// needs the <c>device</c> entitlement).
    /// </summary>
    public string[]? Devices { get; set; }
}

/// <summary><c>RUN</c> in exec form: <c>RUN ["executable", "arg", ...]</c>, with no shell.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class RunExecAttribute : Attribute
{
    /// <summary>Runs <paramref name="executable"/> with <paramref name="arguments"/>.</summary>
    public RunExecAttribute(string executable, params string[] arguments)
    {
        Executable = executable;
        Arguments = arguments;
    }

    /// <summary>The program.</summary>
    public string Executable { get; }

    /// <summary>Its arguments.</summary>
    public string[] Arguments { get; }

    /// <summary>Mount classes to mount for this command.</summary>
    public Type[]? Mounts { get; set; }

    /// <summary>The network the command runs with.</summary>
    public RunNetwork Network { get; set; }

    /// <summary>The security mode the command runs with.</summary>
    public RunSecurity Security { get; set; }

    /// <summary>
    /// <c>--device</c>: CDI devices for this step, each <c>vendor.com/class=name</c>, <c>vendor.com/class=*</c>,
    /// <c>vendor.com/class</c> or a device class, with <c>,required</c> to fail the build without it (labs syntax;
    /// needs the <c>device</c> entitlement).
    /// </summary>
    public string[]? Devices { get; set; }
}

/// <summary>
/// <c>RUN</c> with a heredoc script (<c>RUN &lt;&lt;EOF</c>): a multi-line script run by the stage's
/// shell, or by the interpreter named in its first <c>#!</c> line.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class RunHeredocAttribute : Attribute
{
    /// <summary>Runs <paramref name="script"/>.</summary>
    public RunHeredocAttribute(string script) => Script = script;

    /// <summary>The script.</summary>
    public string Script { get; }

    /// <summary>
    /// The heredoc's marker as written after <c>&lt;&lt;</c>: <c>EOT</c>, <c>'EOF'</c> or <c>"EOF"</c> (BuildKit then
    /// expands nothing in the script), <c>-EOT</c> (the leading tabs of every line are removed). When not set,
    /// <c>EOF</c> or another name no line of the script equals.
    /// </summary>
    public string? Marker { get; set; }

    /// <summary>
    /// A command that reads the script on its standard input instead of the shell running it: <c>python3</c> writes
    /// <c>RUN python3 &lt;&lt;EOF</c>. One line, run by the shell, without a heredoc of its own.
    /// </summary>
    public string? Command { get; set; }

    /// <summary>Mount classes to mount for this script.</summary>
    public Type[]? Mounts { get; set; }

    /// <summary>The network the script runs with.</summary>
    public RunNetwork Network { get; set; }

    /// <summary>The security mode the script runs with.</summary>
    public RunSecurity Security { get; set; }

    /// <summary>
    /// <c>--device</c>: CDI devices for this step, each <c>vendor.com/class=name</c>, <c>vendor.com/class=*</c>,
    /// <c>vendor.com/class</c> or a device class, with <c>,required</c> to fail the build without it (labs syntax;
    /// needs the <c>device</c> entitlement).
    /// </summary>
    public string[]? Devices { get; set; }
}

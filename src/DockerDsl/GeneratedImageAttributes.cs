using System;

namespace DockerDsl;

/// <summary>
/// Put on a <c>[Dockerfile]</c> class by the DockerDsl generator: where its image is built from, for tools that
/// build and run it (DockerDsl.Testcontainers). Paths are relative to the project folder, so the compiled
/// assembly is the same wherever the project lies. Not meant to be written by hand.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class GeneratedImageAttribute : Attribute
{
    /// <summary>Records the Dockerfile and context paths.</summary>
    public GeneratedImageAttribute(string dockerfilePath, string context)
    {
        DockerfilePath = dockerfilePath;
        Context = context;
    }

    /// <summary>The written Dockerfile, relative to the project folder (with DockerDslOutputDirectory applied).</summary>
    public string DockerfilePath { get; }

    /// <summary>The build context, relative to the project folder.</summary>
    public string Context { get; }
}

/// <summary>
/// Put on a <c>[Dockerfile]</c> class by the DockerDsl generator, once per stage in Dockerfile order (the last is
/// the final stage): what an image built to that stage exposes and whether it has a HEALTHCHECK, counting what
/// it inherits from the stages it is built on. Not meant to be written by hand.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class GeneratedStageAttribute : Attribute
{
    /// <summary>Records one stage.</summary>
    public GeneratedStageAttribute(string name, int[] ports, bool healthCheck)
    {
        Name = name;
        Ports = ports;
        HealthCheck = healthCheck;
    }

    /// <summary>The stage name, for <c>--target</c>.</summary>
    public string Name { get; }

    /// <summary>The TCP ports of its <c>EXPOSE</c> instructions.</summary>
    public int[] Ports { get; }

    /// <summary>True when its image has a <c>HEALTHCHECK</c> (not <c>NONE</c>).</summary>
    public bool HealthCheck { get; }

    /// <summary>The <c>http://localhost:PORT/path</c> URL its HEALTHCHECK requests, when it requests one; else null.</summary>
    public string? HealthCheckUrl { get; set; }
}

/// <summary>
/// Put on a <c>[Dockerfile]</c> class by the DockerDsl generator, once per <c>[BuildArg]</c> class the Dockerfile
/// declares with <c>[Arg]</c>: the ARG name it has, so a tool can take the argument by its class. Not meant to be
/// written by hand.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class GeneratedBuildArgumentAttribute : Attribute
{
    /// <summary>Records one build argument class and its ARG name.</summary>
    public GeneratedBuildArgumentAttribute(Type argument, string name)
    {
        Argument = argument;
        Name = name;
    }

    /// <summary>The <c>[BuildArg]</c> class.</summary>
    public Type Argument { get; }

    /// <summary>Its ARG name.</summary>
    public string Name { get; }
}

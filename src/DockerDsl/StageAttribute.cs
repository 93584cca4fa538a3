using System;

namespace DockerDsl;

/// <summary>
/// Declares a build stage: <c>FROM &lt;From&gt; AS &lt;Name&gt;</c>. The instructions of the stage are the
/// instruction attributes on the same class, in source order.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class StageAttribute : Attribute
{
    /// <summary>
    /// The base: an image reference string (<c>"debian:bookworm-slim"</c>, <c>"scratch"</c>) or
    /// <c>typeof</c> another stage class.
    /// </summary>
    public object? From { get; set; }

    /// <summary>The stage name. When not set, the class name in kebab case (<c>BuildTools</c> becomes <c>build-tools</c>).</summary>
    public string? Name { get; set; }

    /// <summary>The <c>--platform</c> flag of FROM, for example <c>linux/amd64</c> or <c>$BUILDPLATFORM</c>.</summary>
    public string? Platform { get; set; }
}

/// <summary>
/// Marks a stage that is built on its own as well (a test or debug image, say): the generated
/// <c>docker-bake.hcl</c> gets a target for it with <c>target = "&lt;stage&gt;"</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class BuildTargetAttribute : Attribute
{
    /// <summary>Image tags for this stage's bake target.</summary>
    public string[]? Tags { get; set; }
}

/// <summary>
/// Declares a build argument as a class, referenced with <see cref="ArgAttribute"/>:
/// <c>[BuildArg(Default = "4.3")] partial class RVersion;</c> becomes <c>ARG R_VERSION=4.3</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class BuildArgAttribute : Attribute
{
    /// <summary>The argument name. When not set, the class name in upper snake case (<c>RVersion</c> becomes <c>R_VERSION</c>).</summary>
    public string? Name { get; set; }

    /// <summary>The default value, used when the build passes none; taken literally unless <see cref="Expand"/> is set.</summary>
    public string? Default { get; set; }

    /// <summary>
    /// Expand <c>$NAME</c> and <c>${NAME}</c> references in <see cref="Default"/> to the build arguments declared
    /// before it, as in <c>ARG LD_TARGET="${TARGETOS}-${TARGETARCH}"</c>.
    /// </summary>
    public bool Expand { get; set; }
}

/// <summary>
/// <c>ARG</c>: brings a <see cref="BuildArgAttribute"/> class into scope. On a Dockerfile class it is a
/// global argument (before the first FROM, usable in FROM lines); on a stage, it is scoped to that stage.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class ArgAttribute : Attribute
{
    /// <summary>Declares <paramref name="buildArg"/> here.</summary>
    /// <param name="buildArg">A class marked with <see cref="BuildArgAttribute"/>.</param>
    public ArgAttribute(Type buildArg) => BuildArg = buildArg;

    /// <summary>The build argument class.</summary>
    public Type BuildArg { get; }
}

using System.Collections.Generic;
using DockerDsl.Core.Diagnostics;

namespace DockerDsl.Core.Lint;

/// <summary>What <see cref="DockerfileLinter"/> needs besides the Dockerfile text: the build's inputs and the rule configuration.</summary>
public sealed class LintOptions
{
    public static readonly LintOptions Default = new();

    /// <summary>Build arguments, as <c>docker build --build-arg NAME=VALUE</c> passes them.</summary>
    public IReadOnlyDictionary<string, string> BuildArgs { get; init; } = new Dictionary<string, string>();

    /// <summary>The stage <c>docker build --target</c> would build; null checks every stage, as <c>docker build --check</c> does.</summary>
    public string? Target { get; init; }

    /// <summary>
    /// With no <see cref="Target"/>: check the rules BuildKit makes while building only on what a build
    /// without --target builds (the last stage and what it needs), as a plain <c>docker build</c> reports
    /// them, instead of on every stage.
    /// </summary>
    public bool FinalStageOnly { get; init; }

    /// <summary>The text of the <c>.dockerignore</c> BuildKit would read for this Dockerfile; null when there is none.</summary>
    public string? Dockerignore { get; init; }

    /// <summary>
    /// The environment (<c>NAME=value</c> entries) of base images, by the reference FROM names them with
    /// (after its variables are expanded), as their image configs hold it. Variables only an image not named
    /// here could define are not reported as undefined and do not decide a rule; <c>scratch</c> holds PATH alone.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> ImageEnvironments { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>
    /// The lock file (<c>dockerdsl.lock.json</c>) of the images this Dockerfile pulls: a base image it holds runs as
    /// the user, and has the health check, its image config says. Null when there is none.
    /// </summary>
    public Lock.LockFile? Lock { get; init; }

    /// <summary>Severity per rule ID (from .editorconfig); a null value turns the rule off (<c>severity = none</c>). Rules not named keep their default.</summary>
    public IReadOnlyDictionary<string, RuleSeverity?> Severities { get; init; } = new Dictionary<string, RuleSeverity?>();
}

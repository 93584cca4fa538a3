namespace DockerDsl.Core.Diagnostics;

/// <summary>
/// One rule as every front end shows it: the analyzers build their DiagnosticDescriptor from it, the
/// CLI its findings, SARIF rule metadata and JSON. Both messages take the same arguments (a rule's
/// <see cref="Rules.Finding"/>); they differ only in the fix they tell.
/// </summary>
/// <param name="DeclarationMessage">The message on C# declarations; null when the rule cannot happen there.</param>
/// <param name="DockerfileMessage">The message on Dockerfile text; null when the rule only makes sense for declarations.</param>
/// <param name="BuildKitRule">The BuildKit build check (<c>docker build --check</c>) this rule is, which <c># check=skip=</c> names; null when none.</param>
/// <param name="EnabledByDefault">False for rules that are off until asked for (BuildKit's experimental checks).</param>
public sealed record RuleDescriptor(
    string Id,
    string Category,
    RuleSeverity DefaultSeverity,
    string Title,
    string? DeclarationMessage,
    string? DockerfileMessage,
    string Description,
    string? BuildKitRule = null,
    bool EnabledByDefault = true)
{
    /// <summary>The rule's page, <c>docs/rules/&lt;Id&gt;.md</c>.</summary>
    public string HelpLink => RuleIdentifiers.HelpLink(Id);

    public bool AppliesToDeclarations => DeclarationMessage is not null;

    public bool AppliesToDockerfiles => DockerfileMessage is not null;
}

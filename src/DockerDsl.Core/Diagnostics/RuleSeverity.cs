namespace DockerDsl.Core.Diagnostics;

/// <summary>How a finding is shown; the same four levels as Roslyn's DiagnosticSeverity and .editorconfig's silent/suggestion/warning/error.</summary>
public enum RuleSeverity
{
    /// <summary>Not shown (.editorconfig <c>silent</c>); <c>none</c> turns the rule off altogether.</summary>
    Hidden,

    /// <summary>.editorconfig <c>suggestion</c>.</summary>
    Info,

    Warning,

    Error,
}

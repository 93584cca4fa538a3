using DockerDsl.Core.Diagnostics;

namespace DockerDsl.Cli.Reports;

/// <summary>The words reports use for severities.</summary>
internal static class SeverityNames
{
    public static string Of(RuleSeverity severity) => severity switch
    {
        RuleSeverity.Error => "error",
        RuleSeverity.Warning => "warning",
        RuleSeverity.Info => "info",
        _ => "hidden",
    };
}

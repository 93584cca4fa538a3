using System;

namespace DockerDsl.Cli.Reports;

/// <summary>What <c>--format</c> selects.</summary>
internal enum ReportFormat
{
    Human,
    Json,
    Sarif,
}

internal static class ReportFormats
{
    public static readonly string[] Names = { "human", "json", "sarif" };

    public static ReportFormat Parse(string name) => name switch
    {
        "human" => ReportFormat.Human,
        "json" => ReportFormat.Json,
        "sarif" => ReportFormat.Sarif,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Not a report format."),
    };

    public static string Write(ReportFormat format, LintReport report) => format switch
    {
        ReportFormat.Json => JsonReport.Write(report),
        ReportFormat.Sarif => SarifReport.Write(report),
        _ => HumanReport.Write(report),
    };
}

namespace DockerDsl.Cli.Reports;

/// <summary>A JSON array with one object per finding.</summary>
internal static class JsonReport
{
    public static string Write(LintReport report) => Json.Write(writer =>
    {
        writer.WriteStartArray();
        foreach (var (file, finding) in report.Findings)
        {
            writer.WriteStartObject();
            writer.WriteString("file", file.Path);
            writer.WriteNumber("line", finding.Source.Line);
            writer.WriteNumber("column", finding.Source.Column);
            writer.WriteNumber("endLine", finding.Source.EndLine);
            writer.WriteString("id", finding.Rule.Id);
            writer.WriteString("severity", SeverityNames.Of(finding.Severity));
            writer.WriteString("message", finding.Message);
            writer.WriteString("title", finding.Rule.Title);
            writer.WriteString("category", finding.Rule.Category);
            writer.WriteString("helpUri", finding.Rule.HelpLink);
            if (finding.Rule.BuildKitRule is { } buildKitRule)
            {
                writer.WriteString("buildkitRule", buildKitRule);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    });
}

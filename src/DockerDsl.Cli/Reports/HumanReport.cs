using System.Text;

namespace DockerDsl.Cli.Reports;

/// <summary>One line per finding, as compilers print them: <c>path:line:column: warning DDSL001: message (help link)</c>.</summary>
internal static class HumanReport
{
    public static string Write(LintReport report)
    {
        var text = new StringBuilder();
        foreach (var (file, finding) in report.Findings)
        {
            text.Append(file.Path);
            if (finding.Source.Line > 0)
            {
                text.Append(':').Append(finding.Source.Line);
                if (finding.Source.Column > 0)
                {
                    text.Append(':').Append(finding.Source.Column);
                }
            }

            text.Append(": ").Append(SeverityNames.Of(finding.Severity)).Append(' ').Append(finding.Rule.Id).Append(": ")
                .Append(finding.Message).Append(" (").Append(finding.Rule.HelpLink).Append(")\n");
        }

        return text.ToString();
    }
}

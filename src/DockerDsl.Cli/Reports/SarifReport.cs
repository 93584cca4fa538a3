using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using DockerDsl.Cli.Inputs;
using DockerDsl.Core.Diagnostics;
using DockerDsl.Core.Lint;

namespace DockerDsl.Cli.Reports;

/// <summary>
/// SARIF 2.1.0 with one run, in the subset GitHub code scanning reads: every Dockerfile rule in
/// <c>tool.driver.rules</c>, results pointing at their rule by <c>ruleId</c> and <c>ruleIndex</c>, and locations relative
/// to <c>%SRCROOT%</c> (the current directory; run from the repository root). A file outside it gets an absolute
/// <c>file:</c> URI, since resolving a relative one against the root would name another file.
/// </summary>
internal static class SarifReport
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";
    public const string SourceRoot = "%SRCROOT%";

    public static string Write(LintReport report)
    {
        var rules = RuleCatalog.All.Where(rule => rule.AppliesToDockerfiles).ToList();
        foreach (var finding in report.Findings)
        {
            if (!rules.Contains(finding.Finding.Rule))
            {
                rules.Add(finding.Finding.Rule);
            }
        }

        var indexes = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var index = 0; index < rules.Count; index++)
        {
            indexes.TryAdd(rules[index].Id, index);
        }

        return Json.Write(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("$schema", SchemaUri);
            writer.WriteString("version", "2.1.0");
            writer.WriteStartArray("runs");
            writer.WriteStartObject();
            WriteTool(writer, rules);
            WriteInvocation(writer, report.Errors);
            writer.WriteStartArray("results");
            foreach (var (file, finding) in report.Findings)
            {
                WriteResult(writer, file, finding, indexes[finding.Rule.Id]);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteEndObject();
        });
    }

    /// <summary>SARIF's level for a severity: <c>error</c>, <c>warning</c>, <c>note</c>, or <c>none</c> for hidden.</summary>
    public static string Level(RuleSeverity severity) => severity switch
    {
        RuleSeverity.Error => "error",
        RuleSeverity.Warning => "warning",
        RuleSeverity.Info => "note",
        _ => "none",
    };

    /// <summary>A SARIF rule name: the title in PascalCase, such as <c>ImageRunsAsRoot</c>.</summary>
    public static string RuleName(RuleDescriptor rule)
    {
        var name = new StringBuilder();
        var word = new StringBuilder();
        foreach (var character in rule.Title + " ")
        {
            if (char.IsLetterOrDigit(character))
            {
                word.Append(character);
                continue;
            }

            if (word.Length > 0)
            {
                // An acronym (CMD, ARG) reads as a word: Cmd, Arg.
                var text = word.ToString();
                var rest = text.Any(char.IsLower) ? text[1..] : text[1..].ToLowerInvariant();
                name.Append(char.ToUpperInvariant(text[0])).Append(rest);
                word.Clear();
            }
        }

        return name.ToString();
    }

    private static void WriteTool(Utf8JsonWriter writer, IReadOnlyList<RuleDescriptor> rules)
    {
        writer.WriteStartObject("tool");
        writer.WriteStartObject("driver");
        writer.WriteString("name", ToolInfo.Name);
        writer.WriteString("version", ToolInfo.Version);
        writer.WriteString("semanticVersion", ToolInfo.Version);
        writer.WriteString("informationUri", ToolInfo.InformationUri);
        writer.WriteStartArray("rules");
        foreach (var rule in rules)
        {
            writer.WriteStartObject();
            writer.WriteString("id", rule.Id);
            writer.WriteString("name", RuleName(rule));
            WriteMessage(writer, "shortDescription", rule.Title);
            WriteMessage(writer, "fullDescription", rule.Description);
            WriteMessage(writer, "help", rule.Description + " See " + rule.HelpLink);
            writer.WriteString("helpUri", rule.HelpLink);
            writer.WriteStartObject("defaultConfiguration");
            if (!rule.EnabledByDefault)
            {
                writer.WriteBoolean("enabled", false);
            }

            writer.WriteString("level", Level(rule.DefaultSeverity));
            writer.WriteEndObject();
            writer.WriteStartObject("properties");
            writer.WriteString("category", rule.Category);
            if (rule.BuildKitRule is { } buildKitRule)
            {
                writer.WriteString("buildkitRule", buildKitRule);
            }

            writer.WriteStartArray("tags");
            writer.WriteStringValue(rule.Category.ToLowerInvariant());
            writer.WriteStringValue("dockerfile");
            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteInvocation(Utf8JsonWriter writer, IReadOnlyList<LintError> errors)
    {
        writer.WriteStartArray("invocations");
        writer.WriteStartObject();
        writer.WriteBoolean("executionSuccessful", errors.Count == 0);
        if (errors.Count > 0)
        {
            writer.WriteStartArray("toolExecutionNotifications");
            foreach (var error in errors)
            {
                writer.WriteStartObject();
                writer.WriteString("level", "error");
                WriteMessage(writer, "message", error.ToString());
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
        writer.WriteEndArray();
    }

    private static void WriteResult(Utf8JsonWriter writer, LintedFile file, LintFinding finding, int ruleIndex)
    {
        writer.WriteStartObject();
        writer.WriteString("ruleId", finding.Rule.Id);
        writer.WriteNumber("ruleIndex", ruleIndex);
        writer.WriteString("level", Level(finding.Severity));
        WriteMessage(writer, "message", finding.Message);
        writer.WriteStartArray("locations");
        writer.WriteStartObject();
        writer.WriteStartObject("physicalLocation");
        writer.WriteStartObject("artifactLocation");
        if (DisplayPaths.IsOutside(file.Path))
        {
            writer.WriteString("uri", new Uri(file.FullPath).AbsoluteUri);
        }
        else
        {
            writer.WriteString("uri", RelativeUri(file.Path));
            writer.WriteString("uriBaseId", SourceRoot);
        }

        writer.WriteEndObject();
        var source = finding.Source;
        if (source.Line > 0)
        {
            writer.WriteStartObject("region");
            writer.WriteNumber("startLine", source.Line);
            if (source.Column > 0)
            {
                writer.WriteNumber("startColumn", source.Column);
            }

            if (source.EndLine >= source.Line)
            {
                writer.WriteNumber("endLine", source.EndLine);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteMessage(Utf8JsonWriter writer, string property, string text)
    {
        writer.WriteStartObject(property);
        writer.WriteString("text", text);
        writer.WriteEndObject();
    }

    /// <summary>A relative URI reference for a '/'-separated relative path: each segment percent-encoded.</summary>
    private static string RelativeUri(string path) => string.Join("/", path.Split('/').Select(Uri.EscapeDataString));
}

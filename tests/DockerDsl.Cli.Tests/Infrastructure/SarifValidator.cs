using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace DockerDsl.Cli.Tests.Infrastructure;

/// <summary>
/// Checks a SARIF log against what SARIF 2.1.0 and GitHub code scanning require of the parts dockerdsl writes:
/// required properties present with the right types, only properties the spec defines, every result pointing at
/// a rule by id and index, and artifact locations that are relative with a base id or absolute without one.
/// </summary>
internal static class SarifValidator
{
    private static readonly string[] Levels = { "none", "note", "warning", "error" };

    public static void Validate(JsonElement log)
    {
        Allowed(log, "$schema", "version", "runs");
        Assert.Equal("2.1.0", Required(log, "version").GetString());
        Assert.True(Uri.IsWellFormedUriString(Required(log, "$schema").GetString(), UriKind.Absolute));
        var run = Assert.Single(Required(log, "runs").EnumerateArray());
        Allowed(run, "tool", "invocations", "results");
        var driver = Required(Required(run, "tool"), "driver");
        Allowed(driver, "name", "version", "semanticVersion", "informationUri", "rules");
        Assert.Equal("dockerdsl", Required(driver, "name").GetString());
        Assert.False(string.IsNullOrEmpty(Required(driver, "version").GetString()));
        Assert.True(Uri.IsWellFormedUriString(Required(driver, "informationUri").GetString(), UriKind.Absolute));

        var rules = Required(driver, "rules").EnumerateArray().ToList();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var rule in rules)
        {
            Allowed(rule, "id", "name", "shortDescription", "fullDescription", "help", "helpUri", "defaultConfiguration", "properties");
            Assert.True(ids.Add(Required(rule, "id").GetString()!), "rule ids are unique");
            Assert.False(string.IsNullOrEmpty(Required(rule, "name").GetString()));
            Message(Required(rule, "shortDescription"));
            Message(Required(rule, "fullDescription"));
            Message(Required(rule, "help"));
            Assert.True(Uri.IsWellFormedUriString(Required(rule, "helpUri").GetString(), UriKind.Absolute));
            var configuration = Required(rule, "defaultConfiguration");
            Allowed(configuration, "level", "enabled");
            Assert.Contains(Required(configuration, "level").GetString(), Levels);
            Assert.Equal(JsonValueKind.Object, Required(rule, "properties").ValueKind);
        }

        foreach (var invocation in Required(run, "invocations").EnumerateArray())
        {
            Allowed(invocation, "executionSuccessful", "toolExecutionNotifications");
            Assert.True(Required(invocation, "executionSuccessful").ValueKind is JsonValueKind.True or JsonValueKind.False);
            if (invocation.TryGetProperty("toolExecutionNotifications", out var notifications))
            {
                foreach (var notification in notifications.EnumerateArray())
                {
                    Allowed(notification, "level", "message");
                    Assert.Contains(Required(notification, "level").GetString(), Levels);
                    Message(Required(notification, "message"));
                }
            }
        }

        foreach (var result in Required(run, "results").EnumerateArray())
        {
            Allowed(result, "ruleId", "ruleIndex", "level", "message", "locations");
            var ruleIndex = Required(result, "ruleIndex").GetInt32();
            Assert.InRange(ruleIndex, 0, rules.Count - 1);
            Assert.Equal(Required(rules[ruleIndex], "id").GetString(), Required(result, "ruleId").GetString());
            Assert.Contains(Required(result, "level").GetString(), Levels);
            Message(Required(result, "message"));
            var location = Assert.Single(Required(result, "locations").EnumerateArray());
            Allowed(location, "physicalLocation");
            var physical = Required(location, "physicalLocation");
            Allowed(physical, "artifactLocation", "region");
            var artifact = Required(physical, "artifactLocation");
            Allowed(artifact, "uri", "uriBaseId");
            var uri = Required(artifact, "uri").GetString()!;
            if (artifact.TryGetProperty("uriBaseId", out var baseId))
            {
                Assert.Equal("%SRCROOT%", baseId.GetString());
                Assert.True(Uri.IsWellFormedUriString(uri, UriKind.Relative), $"'{uri}' is a relative reference");
                Assert.False(uri.StartsWith("../", StringComparison.Ordinal) || uri.StartsWith('/'), $"'{uri}' stays below the source root");
            }
            else
            {
                Assert.True(Uri.TryCreate(uri, UriKind.Absolute, out var absolute) && absolute.IsFile, $"'{uri}' is an absolute file URI");
            }

            if (physical.TryGetProperty("region", out var region))
            {
                Allowed(region, "startLine", "startColumn", "endLine");
                var startLine = Required(region, "startLine").GetInt32();
                Assert.True(startLine >= 1);
                if (region.TryGetProperty("startColumn", out var startColumn))
                {
                    Assert.True(startColumn.GetInt32() >= 1);
                }

                if (region.TryGetProperty("endLine", out var endLine))
                {
                    Assert.True(endLine.GetInt32() >= startLine);
                }
            }
        }
    }

    private static void Message(JsonElement message)
    {
        Allowed(message, "text");
        Assert.False(string.IsNullOrWhiteSpace(Required(message, "text").GetString()));
    }

    private static JsonElement Required(JsonElement element, string property)
    {
        Assert.True(element.TryGetProperty(property, out var value), $"'{property}' is required in {element}");
        return value;
    }

    private static void Allowed(JsonElement element, params string[] properties)
    {
        Assert.Equal(JsonValueKind.Object, element.ValueKind);
        foreach (var property in element.EnumerateObject())
        {
            Assert.Contains(property.Name, properties);
        }
    }
}

using System;
using System.Linq;
using System.Text.Json;
using DockerDsl.Cli.Tests.Infrastructure;
using DockerDsl.Core.Diagnostics;

namespace DockerDsl.Cli.Tests;

/// <summary>The SARIF report: valid SARIF 2.1.0 that GitHub code scanning reads, with rules and results consistent.</summary>
public sealed class SarifFormatTests
{
    private static JsonDocument Sarif(CliResult result)
    {
        var document = JsonDocument.Parse(result.Out);
        SarifValidator.Validate(document.RootElement);
        return document;
    }

    private static JsonElement Run(JsonDocument document) => document.RootElement.GetProperty("runs")[0];

    [Fact]
    public void Results_point_at_their_rules_and_map_severities_to_levels()
    {
        using var cli = new CliHarness();
        cli.Write("Dockerfile", "FROM ubuntu\n");
        cli.Write("api/Dockerfile", "FROM alpine\n");
        cli.Linter.Returns("Dockerfile", ("DDSL001", 3, 1, RuleSeverity.Error), ("DDSL004", 1, 1, RuleSeverity.Warning));
        cli.Linter.Returns("api/Dockerfile", ("DDSL021", 2, 5, RuleSeverity.Info), ("DDSL002", 1, 1, RuleSeverity.Hidden));
        var result = cli.Run("lint", "--format", "sarif");
        Assert.Equal(1, result.ExitCode);
        using var document = Sarif(result);
        var run = Run(document);
        var results = run.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(new[] { "DDSL004", "DDSL001", "DDSL021" }, results.Select(r => r.GetProperty("ruleId").GetString()));
        Assert.Equal(new[] { "warning", "error", "note" }, results.Select(r => r.GetProperty("level").GetString()));
        var location = results[2].GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.Equal("api/Dockerfile", location.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal("%SRCROOT%", location.GetProperty("artifactLocation").GetProperty("uriBaseId").GetString());
        Assert.Equal(2, location.GetProperty("region").GetProperty("startLine").GetInt32());
        Assert.Equal(5, location.GetProperty("region").GetProperty("startColumn").GetInt32());
        Assert.Equal(2, location.GetProperty("region").GetProperty("endLine").GetInt32());
        Assert.Equal("Base image is not pinned (line 1)", results[0].GetProperty("message").GetProperty("text").GetString());
        Assert.True(run.GetProperty("invocations")[0].GetProperty("executionSuccessful").GetBoolean());
    }

    [Fact]
    public void The_driver_lists_every_Dockerfile_rule_with_its_metadata()
    {
        using var cli = new CliHarness();
        cli.Write("Dockerfile", "FROM alpine:3.20\n");
        using var document = Sarif(cli.Run("lint", "-f", "sarif"));
        var driver = Run(document).GetProperty("tool").GetProperty("driver");
        Assert.Equal(TestEnvironment.PackageVersion, driver.GetProperty("version").GetString());
        Assert.Equal("https://github.com/dockerdsl/dockerdsl", driver.GetProperty("informationUri").GetString());
        var rules = driver.GetProperty("rules").EnumerateArray().ToList();
        var expected = RuleCatalog.All.Where(rule => rule.AppliesToDockerfiles).ToList();
        Assert.Equal(expected.Select(rule => rule.Id), rules.Select(rule => rule.GetProperty("id").GetString()));
        foreach (var (rule, descriptor) in rules.Zip(expected))
        {
            Assert.Equal(descriptor.Title, rule.GetProperty("shortDescription").GetProperty("text").GetString());
            Assert.Equal(descriptor.Description, rule.GetProperty("fullDescription").GetProperty("text").GetString());
            Assert.Equal(descriptor.HelpLink, rule.GetProperty("helpUri").GetString());
            var configuration = rule.GetProperty("defaultConfiguration");
            Assert.Equal(descriptor.DefaultSeverity == RuleSeverity.Info ? "note" : descriptor.DefaultSeverity.ToString().ToLowerInvariant(), configuration.GetProperty("level").GetString());
            Assert.Equal(descriptor.EnabledByDefault, !configuration.TryGetProperty("enabled", out var enabled) || enabled.GetBoolean());
            var properties = rule.GetProperty("properties");
            Assert.Equal(descriptor.Category, properties.GetProperty("category").GetString());
            Assert.Equal(descriptor.BuildKitRule, properties.TryGetProperty("buildkitRule", out var buildKitRule) ? buildKitRule.GetString() : null);
        }

        Assert.Empty(Run(document).GetProperty("results").EnumerateArray());
    }

    [Fact]
    public void A_file_outside_the_current_folder_has_an_absolute_file_uri()
    {
        using var cli = new CliHarness();
        var path = cli.Write("other/my app/Dockerfile", "FROM ubuntu\n");
        cli.Write("repo/.keep", string.Empty);
        cli.Linter.Returns("../other/my app/Dockerfile", ("DDSL004", 1, 1, RuleSeverity.Warning));
        var result = cli.RunIn("repo", "lint", "-f", "sarif", "../other/my app/Dockerfile");
        using var document = Sarif(result);
        var artifact = Run(document).GetProperty("results")[0].GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation");
        Assert.False(artifact.TryGetProperty("uriBaseId", out _));
        Assert.Equal(new Uri(path).AbsoluteUri, artifact.GetProperty("uri").GetString());
        Assert.Contains("my%20app", artifact.GetProperty("uri").GetString());
    }

    [Fact]
    public void A_relative_uri_is_percent_encoded()
    {
        using var cli = new CliHarness();
        cli.Write("my app/web#1.Dockerfile", "FROM ubuntu\n");
        cli.Linter.Returns("my app/web#1.Dockerfile", ("DDSL004", 1, 1, RuleSeverity.Warning));
        using var document = Sarif(cli.Run("lint", "-f", "sarif"));
        var artifact = Run(document).GetProperty("results")[0].GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation");
        Assert.Equal("my%20app/web%231.Dockerfile", artifact.GetProperty("uri").GetString());
    }

    [Fact]
    public void Inputs_that_could_not_be_linted_are_tool_execution_notifications()
    {
        using var cli = new CliHarness();
        cli.Write("Dockerfile", "FROM\n");
        cli.Linter.ReturnsError("Dockerfile", 1, "FROM requires either one or three arguments");
        var result = cli.Run("lint", "-f", "sarif", ".", "missing.Dockerfile");
        Assert.Equal(2, result.ExitCode);
        using var document = Sarif(result);
        var invocation = Run(document).GetProperty("invocations")[0];
        Assert.False(invocation.GetProperty("executionSuccessful").GetBoolean());
        Assert.Equal(
            new[] { "missing.Dockerfile: error: no such file or folder", "Dockerfile:1: error: FROM requires either one or three arguments" },
            invocation.GetProperty("toolExecutionNotifications").EnumerateArray().Select(notification => notification.GetProperty("message").GetProperty("text").GetString()));
    }

    [Theory]
    [InlineData("\"ruleIndex\": 3", "\"ruleIndex\": 4")]
    [InlineData("\"uriBaseId\": \"%SRCROOT%\"", "\"uriBaseId\": \"SRCROOT\"")]
    [InlineData("\"startLine\": 1", "\"startLine\": 0")]
    [InlineData("\"ruleIndex\": 3,\n          \"level\": \"warning\"", "\"ruleIndex\": 3,\n          \"level\": \"info\"")]
    [InlineData("\"shortDescription\"", "\"shortDescriptions\"")]
    public void The_validator_rejects_a_broken_log(string original, string broken)
    {
        using var cli = new CliHarness();
        cli.Write("Dockerfile", "FROM ubuntu\n");
        cli.Linter.Returns("Dockerfile", ("DDSL004", 1, 1, RuleSeverity.Warning));
        var text = cli.Run("lint", "-f", "sarif").Out;
        Assert.Contains(original, text);
        using var document = JsonDocument.Parse(text.Replace(original, broken));
        Assert.ThrowsAny<Exception>(() => SarifValidator.Validate(document.RootElement));
    }
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using DockerDsl.Core.Diagnostics;
using DockerDsl.Core.Model;
using DockerDsl.Core.Rules;
using DockerDsl.Core.Text;
using DockerDsl.Core.Text.Syntax;

namespace DockerDsl.Core.Lint;

/// <summary>Runs every rule that applies to Dockerfile text on one Dockerfile, as <c>dockerdsl lint</c> does.</summary>
public static class DockerfileLinter
{
    /// <summary>The build argument that replaces the <c># check=</c> directive, as in BuildKit.</summary>
    public const string CheckBuildArg = "BUILDKIT_DOCKERFILE_CHECK";

    /// <summary>
    /// Reads <paramref name="text"/> as BuildKit does and runs the rules on it. Never throws on bad
    /// input: a Dockerfile BuildKit would refuse is a <see cref="LintResult.Error"/>, with the findings of
    /// the checks BuildKit makes while reading, up to the instruction it refused.
    /// </summary>
    /// <param name="path">The file's path as the findings should name it.</param>
    public static LintResult Lint(string path, string text, LintOptions options)
    {
        DockerfileDocument document;
        DockerfileReadException? readError;
        CheckOptions checks;
        try
        {
            document = DockerfileReader.ReadUntilError(path, text, out readError);
            var directive = options.BuildArgs.TryGetValue(CheckBuildArg, out var fromArg) ? fromArg : document.Model.Check;
            checks = CheckOptions.Parse(directive);
        }
        catch (DockerfileParseException e)
        {
            return Failed(path, e.StartLine, e.Reason);
        }
        catch (ArgumentException e)
        {
            return Failed(path, 1, e.Message);
        }

        if (readError is not null)
        {
            // BuildKit keeps what the checks it makes while reading found before the instruction it refused.
            var read = new LintContext(document, options);
            var found = Run(LintRules.All.Where(r => r.WhileReading), read, read, options, checks);
            return new LintResult(path, found, new LintError(path, readError.Line, readError.Reason));
        }

        document = document.With(StageBases.Resolve(document.Model, GlobalArguments.Of(document.Model, options.BuildArgs, options.Target)));
        var whole = new LintContext(document, options);
        LintContext reached = whole;
        if (options.Target is { } target)
        {
            var stage = document.Model.FindStage(target);
            if (stage is null)
            {
                return Failed(path, 0, $"target stage \"{target}\" could not be found");
            }

            reached = new LintContext(document.With(ReachedStages.Of(document.Model, stage)), options);
        }
        else if (options.FinalStageOnly && document.Model.FinalStage is { } final)
        {
            reached = new LintContext(document.With(ReachedStages.Of(document.Model, final)), options);
        }

        return new LintResult(path, Run(LintRules.All, whole, reached, options, checks), null);
    }

    private static IReadOnlyList<LintFinding> Run(IEnumerable<LintRule> rules, LintContext whole, LintContext reached, LintOptions options, CheckOptions checks)
    {
        var findings = new List<LintFinding>();
        foreach (var rule in rules)
        {
            var descriptor = rule.Descriptor;
            if (Severity(descriptor, options, checks) is not { } severity)
            {
                continue;
            }

            foreach (var finding in rule.Find(rule.OnReachedStages ? reached : whole))
            {
                if (!Suppressed(whole.Document, descriptor, finding.Source))
                {
                    findings.Add(new LintFinding(descriptor, severity, finding.Source, Message(descriptor, finding)));
                }
            }
        }

        return findings
            .Distinct()
            .OrderBy(f => f.Source.Line).ThenBy(f => f.Source.Column).ThenBy(f => f.Rule.Id, StringComparer.Ordinal).ThenBy(f => f.Message, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The severity a rule reports with in this file, or null when it is off.</summary>
    private static RuleSeverity? Severity(RuleDescriptor rule, LintOptions options, CheckOptions checks)
    {
        if (rule.BuildKitRule is { } name && checks.Skips(name))
        {
            return null;
        }

        if (options.Severities.TryGetValue(rule.Id, out var configured))
        {
            return configured;
        }

        var enabled = rule.EnabledByDefault || (rule.BuildKitRule is { } experimental && checks.EnablesExperimental(experimental));
        if (!enabled)
        {
            return null;
        }

        // check=error=true: BuildKit fails the build on any check's warning.
        return checks.Error && rule.BuildKitRule is not null ? RuleSeverity.Error : rule.DefaultSeverity;
    }

    private static bool Suppressed(DockerfileDocument document, RuleDescriptor rule, SourceRef source) =>
        document.InstructionAt(source.Line) is { } node && InstructionSuppressions.Of(node).Suppresses(rule.Id, rule.BuildKitRule);

    private static string Message(RuleDescriptor rule, Finding finding) =>
        string.Format(CultureInfo.InvariantCulture, rule.DockerfileMessage!, finding.Arguments.Select(a => (object)MessageText.OneLine(a)).ToArray());

    private static LintResult Failed(string path, int line, string message) =>
        new(path, Array.Empty<LintFinding>(), new LintError(path, line, message));
}

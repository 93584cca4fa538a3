using System;
using System.Collections.Generic;
using System.IO;
using DockerDsl.Core.Diagnostics;

namespace DockerDsl.Cli.EditorConfig;

/// <summary>The severity of every Dockerfile rule for one file, and what was wrong in the .editorconfig files read for it.</summary>
/// <param name="Severities">Every rule that applies to Dockerfiles, by ID; null means off.</param>
/// <param name="Warnings">Values that are no severity, which are ignored.</param>
internal sealed record ConfiguredSeverities(IReadOnlyDictionary<string, RuleSeverity?> Severities, IReadOnlyList<EditorConfigWarning> Warnings);

/// <summary>A line of an .editorconfig (<paramref name="File"/> is its full path) that could not be used.</summary>
internal sealed record EditorConfigWarning(string File, int Line, string Message);

/// <summary>
/// Rule severities from .editorconfig files, as the IDE and <c>dotnet build</c> read them: the files from the
/// Dockerfile's folder up to the first with <c>root = true</c>; for each key the closest file's last matching section
/// wins; then <c>dotnet_diagnostic.&lt;ID&gt;.severity</c> beats <c>dotnet_analyzer_diagnostic.category-&lt;Category&gt;.severity</c>,
/// which beats <c>dotnet_analyzer_diagnostic.severity</c>. The two bulk keys leave rules that are off by default off.
/// </summary>
internal sealed class SeverityConfiguration
{
    private const string RulePrefix = "dotnet_diagnostic.";
    private const string SeveritySuffix = ".severity";
    private const string CategoryPrefix = "dotnet_analyzer_diagnostic.category-";
    private const string AllRulesKey = "dotnet_analyzer_diagnostic.severity";

    private readonly Dictionary<string, EditorConfigFile?> _files = new(StringComparer.Ordinal);

    /// <summary>The editorconfig words, as Roslyn accepts them (case-insensitive); <c>none</c> turns a rule off.</summary>
    private enum Setting
    {
        Default,
        None,
        Silent,
        Suggestion,
        Warning,
        Error,
    }

    public ConfiguredSeverities Resolve(string dockerfileFullPath)
    {
        var chain = new List<EditorConfigFile>();
        for (var folder = Path.GetDirectoryName(dockerfileFullPath); folder is not null; folder = Path.GetDirectoryName(folder))
        {
            if (Load(Path.Combine(folder, ".editorconfig")) is { } file)
            {
                chain.Add(file);
                if (file.IsRoot)
                {
                    break;
                }
            }
        }

        // Farthest first, so closer files and later sections overwrite.
        var properties = new Dictionary<string, (string Value, string File, int Line)>(StringComparer.OrdinalIgnoreCase);
        for (var index = chain.Count - 1; index >= 0; index--)
        {
            foreach (var section in chain[index].SectionsFor(dockerfileFullPath))
            {
                foreach (var property in section.Properties)
                {
                    properties[property.Key] = (property.Value, chain[index].Path, property.Line);
                }
            }
        }

        var warnings = new List<EditorConfigWarning>();
        var severities = new SortedDictionary<string, RuleSeverity?>(StringComparer.Ordinal);
        foreach (var rule in RuleCatalog.All)
        {
            if (rule.AppliesToDockerfiles)
            {
                severities[rule.Id] = SeverityOf(rule, properties, warnings);
            }
        }

        return new ConfiguredSeverities(severities, warnings);
    }

    private static RuleSeverity? SeverityOf(RuleDescriptor rule, Dictionary<string, (string Value, string File, int Line)> properties, List<EditorConfigWarning> warnings)
    {
        var byDefault = rule.EnabledByDefault ? rule.DefaultSeverity : (RuleSeverity?)null;
        if (TryGet(RulePrefix + rule.Id + SeveritySuffix, out var setting))
        {
            return Apply(setting, byDefault);
        }

        // Bulk settings configure only rules that are on by default, as in Roslyn.
        if (rule.EnabledByDefault
            && (TryGet(CategoryPrefix + rule.Category + SeveritySuffix, out setting) || TryGet(AllRulesKey, out setting)))
        {
            return Apply(setting, byDefault);
        }

        return byDefault;

        bool TryGet(string key, out Setting value)
        {
            value = Setting.Default;
            if (!properties.TryGetValue(key, out var property))
            {
                return false;
            }

            if (TryParse(property.Value, out value))
            {
                return true;
            }

            // Roslyn ignores a value that is no severity (and warns); the next, broader key then applies.
            warnings.Add(new EditorConfigWarning(property.File, property.Line, $"'{property.Value}' is not a severity for {key} (none, silent, suggestion, warning, error or default)"));
            return false;
        }
    }

    private static RuleSeverity? Apply(Setting setting, RuleSeverity? byDefault) => setting switch
    {
        Setting.None => null,
        Setting.Silent => RuleSeverity.Hidden,
        Setting.Suggestion => RuleSeverity.Info,
        Setting.Warning => RuleSeverity.Warning,
        Setting.Error => RuleSeverity.Error,
        _ => byDefault,
    };

    private static bool TryParse(string value, out Setting setting)
    {
        setting = value.ToLowerInvariant() switch
        {
            "default" => Setting.Default,
            "none" => Setting.None,
            "silent" or "refactoring" => Setting.Silent,
            "suggestion" => Setting.Suggestion,
            "warning" => Setting.Warning,
            "error" => Setting.Error,
            _ => (Setting)(-1),
        };
        return setting >= Setting.Default;
    }

    private EditorConfigFile? Load(string path)
    {
        if (!_files.TryGetValue(path, out var file))
        {
            file = EditorConfigFile.TryLoad(path);
            _files[path] = file;
        }

        return file;
    }
}

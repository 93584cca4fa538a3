using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using DockerDsl.Core.Lint;

namespace DockerDsl.Core.Tests.Conformance;

/// <summary>One case of BuildKit's build-check tests (<c>buildkit-checks/&lt;case&gt;/</c>), read as its README describes it.</summary>
internal sealed class BuildKitCheckCase
{
    private BuildKitCheckCase(string name, string dockerfile, string? dockerignore, JsonElement info, JsonElement expected)
    {
        Name = name;
        Dockerfile = dockerfile;
        Dockerignore = dockerignore;
        BuildArgs = info.GetProperty("options").TryGetProperty("build_args", out var args)
            ? args.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!)
            : new Dictionary<string, string>();
        Expected = Warnings(expected);
        if (info.GetProperty("build_error") is { ValueKind: JsonValueKind.Object } error)
        {
            BuildErrorLine = error.GetProperty("line").ValueKind == JsonValueKind.Number ? error.GetProperty("line").GetInt32() : 0;
            BuildErrorMessage = error.GetProperty("message").GetString() ?? error.GetProperty("stream_regexp").GetString();
        }

        if (info.GetProperty("lint_subrequest_warnings") is { ValueKind: JsonValueKind.Array } subrequest)
        {
            AllStages = Warnings(subrequest);
        }
    }

    public string Name { get; }

    public string Dockerfile { get; }

    public string? Dockerignore { get; }

    public IReadOnlyDictionary<string, string> BuildArgs { get; }

    /// <summary>What a build of the default target reports: (rule, line), sorted.</summary>
    public IReadOnlyList<(string Rule, int Line)> Expected { get; }

    /// <summary>What <c>docker build --check</c> reports for all stages, when the case says so (lines not reliable).</summary>
    public IReadOnlyList<(string Rule, int Line)>? AllStages { get; }

    public bool HasBuildError => BuildErrorMessage is not null || BuildErrorLine > 0;

    public int BuildErrorLine { get; }

    public string? BuildErrorMessage { get; }

    public static IEnumerable<string> Names() => Corpus.Cases("buildkit-checks").Select(Path.GetFileName)!;

    public static BuildKitCheckCase Load(string name)
    {
        var folder = Corpus.Path("buildkit-checks", name);
        var ignore = Path.Combine(folder, ".dockerignore");
        using var info = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "case.json")));
        using var expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "expected.json")));
        return new BuildKitCheckCase(
            name,
            File.ReadAllText(Path.Combine(folder, "Dockerfile")),
            File.Exists(ignore) ? File.ReadAllText(ignore) : null,
            info.RootElement.Clone(),
            expected.RootElement.Clone());
    }

    /// <summary>The options of the case: its build args and .dockerignore, and the environment of <paramref name="images"/>.</summary>
    public LintOptions Options(bool finalStageOnly, IReadOnlyDictionary<string, IReadOnlyList<string>>? images = null) => new()
    {
        BuildArgs = BuildArgs,
        Dockerignore = Dockerignore,
        FinalStageOnly = finalStageOnly,
        ImageEnvironments = images ?? new Dictionary<string, IReadOnlyList<string>>(),
    };

    private static List<(string Rule, int Line)> Warnings(JsonElement warnings) =>
        warnings.EnumerateArray()
            .Select(w => (w.GetProperty("rule").GetString()!, w.GetProperty("line").GetInt32()))
            .OrderBy(w => w.Item1, System.StringComparer.Ordinal).ThenBy(w => w.Item2)
            .ToList();
}

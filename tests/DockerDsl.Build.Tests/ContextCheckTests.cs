using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using DockerDsl.Build.Tests.Infrastructure;
using Microsoft.Build.Framework;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace DockerDsl.Build.Tests;

/// <summary>
/// The task's build-context checks (DDSLB020-022) on a temp project: each case writes a context, compiles an assembly
/// with the generator's context attributes, runs the task and reads its warnings.
/// </summary>
public sealed class ContextCheckTests : IDisposable
{
    private const string DeclarationFile = "Declarations/App.cs";

    private readonly TempDirectory _temp = new();

    private string ProjectDirectory => _temp.Combine("project");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_missing_context_folder_is_reported_at_the_Dockerfile_attribute()
    {
        var warning = Assert.Single(Run(context: "app", ignore: null, files: [], sources: [("COPY", "app.csproj", 9)]));

        Assert.Equal("DDSLB020", warning.Code);
        Assert.Equal(Path.Combine(ProjectDirectory, "Declarations", "App.cs"), warning.File);
        Assert.Equal(3, warning.LineNumber);
        Assert.Contains("the build context 'app' of Dockerfile does not exist", warning.Message);
        Assert.Contains("set Context on [Dockerfile]", warning.Message);
    }

    [Fact]
    public void A_source_that_exists_is_not_reported_and_a_missing_one_is_at_its_attribute()
    {
        var warnings = Run(files: ["app.csproj", "src/Program.cs"], sources: [("COPY", "app.csproj", 7), ("COPY", "src", 8), ("ADD", "missing.txt", 9), ("COPY", "src/Other.cs", 10)]);

        Assert.Equal(["DDSLB021 9 ADD source 'missing.txt'", "DDSLB021 10 COPY source 'src/Other.cs'"], Summaries(warnings));
        Assert.All(warnings, w => Assert.Equal(Path.Combine(ProjectDirectory, "Declarations", "App.cs"), w.File));
        Assert.Contains("matches nothing in the build context '.'", warnings[0].Message);
        Assert.Contains("relative to the context", warnings[0].Message);
    }

    [Fact]
    public void A_source_the_dockerignore_leaves_out_is_reported_with_the_pattern()
    {
        var warnings = Run(ignore: "secrets/\n*.log\n", files: ["secrets/key.txt", "build.log", "keep.txt"], sources: [("COPY", "secrets/key.txt", 5), ("COPY", "build.log", 6), ("COPY", "secrets", 7), ("COPY", "keep.txt", 8)]);

        Assert.Equal(["DDSLB022 5 COPY source 'secrets/key.txt'", "DDSLB022 6 COPY source 'build.log'", "DDSLB022 7 COPY source 'secrets'"], Summaries(warnings));
        Assert.Contains("with the pattern 'secrets/'", warnings[0].Message);
        Assert.Contains("with the pattern '*.log'", warnings[1].Message);
        Assert.Contains("Add the exception '!secrets/key.txt' to Ignore", warnings[0].Message);
        Assert.Contains(Path.Combine(ProjectDirectory, "Dockerfile.dockerignore"), warnings[0].Message);
    }

    [Fact]
    public void A_source_an_exception_brings_back_is_found_and_so_is_its_folder()
    {
        var warnings = Run(ignore: "config/\n!config/app.json\n", files: ["config/app.json", "config/dev.json"], sources: [("COPY", "config/app.json", 5), ("COPY", "config", 6), ("COPY", "config/dev.json", 7)]);

        Assert.Equal(["DDSLB022 7 COPY source 'config/dev.json'"], Summaries(warnings));
    }

    [Fact]
    public void Wildcards_match_one_segment_each_as_COPY_does()
    {
        var warnings = Run(
            files: ["a.cs", "src/Program.cs", "src/api/Api.csproj", "docs/readme.md"],
            sources: [("COPY", "*.cs", 1), ("COPY", "src/*/*.csproj", 2), ("COPY", "*.txt", 3), ("COPY", "src/*.csproj", 4), ("COPY", "**/*.md", 5), ("COPY", "**/*.json", 6), ("COPY", "s?c/[A-Z]*.cs", 7), ("COPY", "nothere/*", 8)]);

        // '*' never crosses '/': src/*.csproj does not reach src/api/Api.csproj; '**' is two '*', one segment, so **/*.md needs a folder.
        Assert.Equal(["DDSLB021 3 COPY source '*.txt'", "DDSLB021 4 COPY source 'src/*.csproj'", "DDSLB021 6 COPY source '**/*.json'", "DDSLB021 8 COPY source 'nothere/*'"], Summaries(warnings));
    }

    [Fact]
    public void A_wildcard_root_file_is_not_matched_by_a_double_star_segment()
    {
        var warnings = Run(files: ["a.cs"], sources: [("COPY", "**/*.cs", 1)]);

        Assert.Equal(["DDSLB021 1 COPY source '**/*.cs'"], Summaries(warnings));
    }

    [Fact]
    public void A_wildcard_that_matches_only_left_out_files_is_reported_with_the_pattern()
    {
        var warnings = Run(ignore: "**/*.log\n", files: ["logs/a.log", "logs/b.log", "logs/keep.txt"], sources: [("COPY", "logs/*.log", 4), ("COPY", "logs/*", 5)]);

        var warning = Assert.Single(warnings);
        Assert.Equal("DDSLB022 4 COPY source 'logs/*.log'", Summary(warning));
        Assert.Contains("with the pattern '**/*.log'", warning.Message);
    }

    [Fact]
    public void Directory_sources_are_found_when_sent_even_empty_and_not_when_every_file_is_left_out()
    {
        Directory.CreateDirectory(Path.Combine(ProjectDirectory, "empty"));
        var warnings = Run(ignore: "tmp/*\n", files: ["tmp/a", "tmp/b", "data/x"], sources: [("COPY", "empty", 1), ("COPY", "data/", 2), ("COPY", "./data", 3), ("COPY", "/data", 4), ("COPY", "tmp", 5), ("COPY", "tmp/a", 6)]);

        // tmp/* leaves out what tmp holds, not tmp itself: BuildKit sends the empty folder.
        Assert.Equal(["DDSLB022 6 COPY source 'tmp/a'"], Summaries(warnings));
    }

    [Fact]
    public void Sources_that_cannot_be_told_without_guessing_are_not_checked()
    {
        var warnings = Run(files: [], sources: [("COPY", "$VERSION/app", 1), ("COPY", "${APP:-x}.dll", 2), ("COPY", ".", 3), ("COPY", "../outside.txt", 4), ("COPY", "a\\*b", 5), ("COPY", "/", 6)]);

        Assert.Empty(warnings);
    }

    [Fact]
    public void Without_a_generated_dockerignore_the_contexts_own_is_applied()
    {
        var warnings = Run(context: "app", ignore: null, files: ["app/.dockerignore", "app/secret.txt", "app/ok.txt"], contents: new() { ["app/.dockerignore"] = "secret.txt\n" }, sources: [("COPY", "secret.txt", 1), ("COPY", "ok.txt", 2)]);

        var warning = Assert.Single(warnings);
        Assert.Equal("DDSLB022 1 COPY source 'secret.txt'", Summary(warning));
        Assert.Contains(Path.Combine(ProjectDirectory, "app", ".dockerignore"), warning.Message);
    }

    [Fact]
    public void The_generated_dockerignore_wins_over_the_contexts_own()
    {
        var warnings = Run(ignore: "other\n", files: [".dockerignore", "secret.txt"], contents: new() { [".dockerignore"] = "secret.txt\n" }, sources: [("COPY", "secret.txt", 1)]);

        Assert.Empty(warnings);
    }

    [Fact]
    public void A_context_below_the_project_holds_the_sources_and_CheckContext_false_turns_the_checks_off()
    {
        Assert.Equal(["DDSLB021 2 COPY source 'app.csproj'"], Summaries(Run(context: "src/app", files: ["app.csproj", "src/app/Program.cs"], sources: [("COPY", "app.csproj", 2)])));
        Assert.Empty(Run(context: "src/app", files: ["src/app/app.csproj"], sources: [("COPY", "app.csproj", 2)]));
        Assert.Empty(Run(context: "missing", files: [], sources: [("COPY", "x", 2)], checkContext: false));
    }

    [Fact]
    public void Warnings_do_not_fail_the_task_and_name_an_absolute_declaration_file_as_it_is()
    {
        var outside = Path.Combine(_temp.Combine("elsewhere"), "Shared.cs");
        var warning = Assert.Single(Run(files: [], sources: [("COPY", "x.txt", 4)], declarationFile: outside));

        Assert.Equal(outside, warning.File);
    }

    [Fact]
    public void A_context_path_the_file_system_refuses_is_not_checked_and_does_not_fail_the_build()
    {
        Assert.Empty(Run(context: "bad\0name", files: [], sources: [("COPY", "x", 2)]));
    }

    private static string Summary(BuildWarningEventArgs warning) =>
        $"{warning.Code} {warning.LineNumber} {warning.Message!.Substring("DockerDsl: ".Length, warning.Message.IndexOf(" of Dockerfile", StringComparison.Ordinal) - "DockerDsl: ".Length)}";

    private static string[] Summaries(IEnumerable<BuildWarningEventArgs> warnings) => warnings.Select(Summary).ToArray();

    private List<BuildWarningEventArgs> Run(
        string[] files,
        (string Keyword, string Source, int Line)[] sources,
        string context = ".",
        string? ignore = "",
        Dictionary<string, string>? contents = null,
        bool checkContext = true,
        string declarationFile = DeclarationFile)
    {
        foreach (var file in files)
        {
            var path = Path.Combine(ProjectDirectory, file.Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, contents is not null && contents.TryGetValue(file, out var text) ? text : "x");
        }

        Directory.CreateDirectory(ProjectDirectory);
        var source = new StringBuilder(TestAssembly.Uses(ignore is null ? [("Dockerfile", "FROM scratch\n")] : [("Dockerfile", "FROM scratch\n"), ("Dockerfile.dockerignore", ignore)]));
        source.Append("[assembly: global::DockerDsl.GeneratedBuildContextAttribute(\"Dockerfile\", ").Append(Literal(context)).Append(", ").Append(Literal(declarationFile)).AppendLine(", 3)]");
        foreach (var (keyword, path, line) in sources)
        {
            source.Append("[assembly: global::DockerDsl.GeneratedContextSourceAttribute(\"Dockerfile\", ").Append(Literal(keyword)).Append(", ").Append(Literal(path))
                .Append(", ").Append(Literal(declarationFile)).Append(", ").Append(line).AppendLine(")]");
        }

        var assembly = TestAssembly.Compile(_temp.Combine("obj"), source.ToString(), MetadataReference.CreateFromFile(typeof(DockerDsl.GeneratedFileAttribute).Assembly.Location));
        var engine = new FakeBuildEngine();
        var task = new WriteDockerfiles { BuildEngine = engine, AssemblyPath = assembly, ProjectDirectory = ProjectDirectory, CheckContext = checkContext };

        Assert.True(task.Execute(), engine.Log);
        Assert.Empty(engine.Errors);
        return engine.Warnings;
    }

    private static string Literal(string value) => SymbolDisplay.FormatLiteral(value, quote: true);
}

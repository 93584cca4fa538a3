using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using DockerDsl.Core.Import;
using DockerDsl.Core.Text.Syntax;
using DockerDsl.EndToEnd.Tests.Infrastructure;
using DockerDsl.Import.Tests.Infrastructure;
using DockerDsl.Tests.Shared;
using Xunit.Abstractions;

namespace DockerDsl.Import.Tests;

/// <summary>
/// Issue 10, item 4: on a real BuildKit engine, the original Dockerfile and the one its import regenerates both build,
/// to images with the same configuration. For the samples (their generated Dockerfile, imported) and for corpus files
/// whose base images can be stood in by the engine's local ones. Each file is imported as it is; then the same
/// stand-in is applied to the original and to the regenerated text (<see cref="StandIn"/>): the <c># syntax=</c>
/// line goes (the frontend image cannot be pulled), and for corpus files each FROM image becomes a local one and each
/// RUN becomes one command that needs no network. Skips without an engine; DOCKERDSL_E2E_REQUIRED=1 makes it fail.
/// </summary>
public sealed class EngineComparisonTests(ITestOutputHelper output)
{
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(20);

    /// <summary>What <c>docker image inspect</c> shows of an image's Config, compared.</summary>
    private static readonly string[] ConfigFields = { "User", "Env", "Entrypoint", "Cmd", "WorkingDir", "ExposedPorts", "Healthcheck", "Labels", "StopSignal" };

    private static readonly string RunId = $"{DateTime.UtcNow:yyyyMMddHHmmss}-{Environment.ProcessId}";

    /// <summary>The corpus files, with the command each of their RUN instructions is cut down to.</summary>
    private static readonly Dictionary<string, string> CorpusCases = new(StringComparer.Ordinal)
    {
        ["nginxinc__docker-nginx__mainline__debian__Dockerfile.Dockerfile"] = "true",
        ["redis__docker-library-redis__6.2__debian__Dockerfile.Dockerfile"] = "true",
        ["docker-library__postgres__17__bookworm__Dockerfile.Dockerfile"] = "true",
        ["docker-library__python__3.10__slim-bookworm__Dockerfile.Dockerfile"] = "true",
        ["nodejs__docker-node__26__trixie-slim__Dockerfile.Dockerfile"] = "true",
        ["docker-library__tomcat__10.1__jdk17__temurin-noble__Dockerfile.Dockerfile"] = "true",
        // The final stage copies the build stage's /app, which dotnet publish made.
        ["dotnet__dotnet-docker__samples__releasesapp__Dockerfile.Dockerfile"] = "mkdir -p /app",
    };

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        // Every sample that declares images: a folder of samples/ whose project imports eng/DockerDsl.Local.props
        // (the Aspire app host and its tests declare none).
        foreach (var sample in Directory.GetDirectories(SourceTree.File("samples"))
            .Where(d => Directory.GetFiles(d, "*.csproj").Any(p => File.ReadAllText(p).Contains("eng/DockerDsl.Local.props", StringComparison.Ordinal)))
            .Select(d => Path.GetFileName(d)!)
            .OrderBy(n => n, StringComparer.Ordinal))
        {
            data.Add("samples/" + sample);
        }

        foreach (var file in CorpusCases.Keys)
        {
            data.Add("real/" + file);
        }

        return data;
    }

    [SkippableTheory]
    [MemberData(nameof(Cases))]
    public async Task The_original_and_the_regenerated_Dockerfile_build_to_images_with_the_same_config(string name)
    {
        await DockerEngine.RequireAsync();
        using var temp = new TempDirectory();
        var (original, ignore, context, runCommand) = Load(name, temp);

        var import = DockerfileImporter.Import(name, original, new ImportOptions("Imported") { DockerfilePath = "Dockerfile", Dockerignore = ignore, Text = original });
        var regeneratedFiles = ImportedCompilation.GeneratedFiles(import.Source);
        Assert.True(regeneratedFiles.TryGetValue("Dockerfile", out var regenerated), $"{name}: the imported declaration wrote no Dockerfile:\n{import.Source}");
        regeneratedFiles.TryGetValue("Dockerfile.dockerignore", out var regeneratedIgnore);
        // The context each build sees: the regenerated .dockerignore has the original's patterns, in order, and
        // none of DockerDsl's built-in ones (the import writes DefaultIgnore = false).
        Assert.Equal(Patterns(ignore), Patterns(regeneratedIgnore));

        var originalText = StandIn(original, runCommand);
        var regeneratedText = StandIn(regenerated!, runCommand);
        output.WriteLine($"{name}: the regenerated Dockerfile is {(originalText.TrimEnd() == regeneratedText.TrimEnd() ? "the same text as" : "a different text from")} the original");
        var originalImage = await BuildAsync(name, "original", originalText, ignore, context, temp);
        var regeneratedImage = await BuildAsync(name, "regenerated", regeneratedText, regeneratedIgnore, context, temp);
        try
        {
            var expected = await ConfigAsync(originalImage.Tag);
            var actual = await ConfigAsync(regeneratedImage.Tag);
            output.WriteLine($"{name}: docker build {originalImage.Elapsed.TotalSeconds:F1} s (original), {regeneratedImage.Elapsed.TotalSeconds:F1} s (regenerated)");
            foreach (var field in ConfigFields)
            {
                output.WriteLine($"  {field}: {expected[field]}");
                Assert.True(expected[field] == actual[field], $"{name}: {field} differs\n original:    {expected[field]}\n regenerated: {actual[field]}");
            }
        }
        finally
        {
            // By tag and without --force: only this test's tags go; an image another test also tagged stays.
            await DockerEngine.RunAsync(TimeSpan.FromSeconds(60), "image", "rm", originalImage.Tag, regeneratedImage.Tag);
        }
    }

    private static (string Text, string? Ignore, string Context, string? RunCommand) Load(string name, TempDirectory temp)
    {
        if (name.StartsWith("samples/", StringComparison.Ordinal))
        {
            // The sample's declaration, compiled with the generator: the Dockerfile its project writes.
            var folder = SourceTree.File("samples", name["samples/".Length..]);
            var declaration = Directory.GetFiles(folder, "*.cs").Single();
            var files = ImportedCompilation.GeneratedFiles(File.ReadAllText(declaration));
            Assert.True(files.TryGetValue("Dockerfile", out var dockerfile), $"{name}: the sample wrote no Dockerfile");
            files.TryGetValue("Dockerfile.dockerignore", out var ignore);
            return (dockerfile!, ignore, folder, null);
        }

        var file = name["real/".Length..];
        var text = File.ReadAllText(Corpus.Path(name));
        var context = temp.Combine("context");
        Directory.CreateDirectory(context);
        StandInContext(text, context);
        return (text, null, context, CorpusCases[file]);
    }

    /// <summary>
    /// The stand-in, applied the same way to both texts: no <c># syntax=</c> line; with <paramref name="runCommand"/>,
    /// each FROM image that is not a stage becomes a local image (<see cref="LocalImage"/>), flags and stage name kept,
    /// and each RUN, heredoc bodies included, becomes <c>RUN runCommand</c>.
    /// </summary>
    internal static string StandIn(string text, string? runCommand)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n').ToList();
        var nodes = DockerfileParser.Parse(text).Root.Children;
        if (runCommand is not null)
        {
            var stages = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var node in nodes.Where(n => n.Value == "from" && n.Next.Count == 3))
            {
                stages.Add(node.Next[2]);
            }

            foreach (var node in nodes.OrderByDescending(n => n.StartLine))
            {
                string? replacement = node.Value switch
                {
                    "from" => string.Join(" ", new[] { "FROM" }
                        .Concat(node.Flags)
                        .Append(stages.Contains(node.Next[0]) || node.Next[0] == "scratch" ? node.Next[0] : LocalImage(node.Next[0]))
                        .Concat(node.Next.Count == 3 ? new[] { "AS", node.Next[2] } : Array.Empty<string>())),
                    "run" => "RUN " + runCommand,
                    _ => null,
                };
                if (replacement is not null)
                {
                    lines.RemoveRange(node.StartLine - 1, node.EndLine - node.StartLine + 1);
                    lines.Insert(node.StartLine - 1, replacement);
                }
            }
        }

        var first = nodes.Count == 0 ? lines.Count : nodes.Min(n => n.StartLine) - 1;
        for (var i = Math.Min(first, lines.Count) - 1; i >= 0; i--)
        {
            if (Regex.IsMatch(lines[i], @"^\s*#\s*syntax\s*=", RegexOptions.IgnoreCase))
            {
                lines.RemoveAt(i);
            }
        }

        return string.Join("\n", lines);
    }

    /// <summary>The engine's local image for a base image: the .NET images by kind (runtime by aspnet, which holds it), anything else debian:bookworm-slim.</summary>
    internal static string LocalImage(string image)
    {
        foreach (var (kind, local) in new[] { ("sdk", "sdk"), ("aspnet", "aspnet"), ("runtime-deps", "runtime-deps"), ("runtime", "aspnet") })
        {
            if (image.StartsWith($"mcr.microsoft.com/dotnet/{kind}:", StringComparison.Ordinal))
            {
                return $"mcr.microsoft.com/dotnet/{local}:10.0";
            }
        }

        return "debian:bookworm-slim";
    }

    /// <summary>A stand-in file in <paramref name="context"/> for each COPY/ADD source from the build context (a '*' becomes a name).</summary>
    private static void StandInContext(string text, string context)
    {
        foreach (var node in DockerfileParser.Parse(text).Root.Children.Where(n => n.Value is "copy" or "add"))
        {
            if (node.Flags.Any(f => f.StartsWith("--from", StringComparison.Ordinal)) || node.Heredocs.Count > 0)
            {
                continue;
            }

            foreach (var source in node.Next.Take(node.Next.Count - 1).Where(s => s != "." && s != "./"))
            {
                var path = Path.Combine(context, source.Replace("*", "standin", StringComparison.Ordinal).TrimStart('/'));
                if (source.EndsWith('/'))
                {
                    Directory.CreateDirectory(path);
                    File.WriteAllText(Path.Combine(path, "standin"), "stand-in\n");
                }
                else
                {
                    Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                    File.WriteAllText(path, "#!/bin/sh\n# stand-in\n");
                }
            }
        }
    }

    private async Task<(string Tag, TimeSpan Elapsed)> BuildAsync(string name, string which, string dockerfile, string? ignore, string context, TempDirectory temp)
    {
        var folder = temp.Combine(which);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "Dockerfile");
        File.WriteAllText(path, dockerfile);
        if (ignore is not null)
        {
            // BuildKit reads <Dockerfile>.dockerignore next to the Dockerfile in place of the context's .dockerignore.
            File.WriteAllText(path + ".dockerignore", ignore);
        }

        var slug = Regex.Replace(name.ToLowerInvariant(), "[^a-z0-9]+", "-").Trim('-');
        var tag = $"dockerdsl-import-e2e/{slug[..Math.Min(slug.Length, 100)]}:{which}-{RunId}";
        var stopwatch = Stopwatch.StartNew();
        var build = await DockerEngine.BuildAsync(BuildTimeout, new[] { "--file", path, "--tag", tag, context });
        Assert.True(build.Succeeded, $"{name}: docker build of the {which} Dockerfile failed:\n{dockerfile}\n{build}");
        return (tag, stopwatch.Elapsed);
    }

    // A .dockerignore's patterns: its lines without comments (the generated one names its declaration in a comment) and blank lines.
    private static string[] Patterns(string? ignore) =>
        (ignore ?? "").ReplaceLineEndings("\n").Split('\n').Where(l => l.Trim().Length > 0 && !l.TrimStart().StartsWith('#')).ToArray();

    private static async Task<Dictionary<string, string>> ConfigAsync(string tag)
    {
        var config = (await DockerEngine.InspectAsync("image", tag)).GetProperty("Config");
        return ConfigFields.ToDictionary(
            field => field,
            field => config.TryGetProperty(field, out var value) && value.ValueKind != JsonValueKind.Null ? value.GetRawText() : "(none)");
    }
}

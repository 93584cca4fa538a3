using System;
using System.Collections.Generic;
using System.Linq;
using DockerDsl.Core.Import;
using DockerDsl.Core.Model;
using DockerDsl.Core.Text;
using DockerDsl.Import.Tests.Infrastructure;
using DockerDsl.Tests.Shared;
using Xunit.Abstractions;

namespace DockerDsl.Import.Tests;

/// <summary>
/// How much of the 88 real Dockerfiles the typed attributes say: every instruction that becomes <c>[Instruction]</c>
/// (or that nothing can say yet) counts against the share, printed with the reason for each.
/// </summary>
public class TypedShareTests
{
    private readonly ITestOutputHelper _output;

    public TypedShareTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void The_typed_share_of_the_real_corpus_meets_the_targets_and_every_untyped_instruction_has_a_reason()
    {
        int all = 0, untyped = 0, plainAll = 0, plainUntyped = 0, files = 0, plainFiles = 0;
        var reasons = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var file in CorpusFiles.Real())
        {
            var imported = ImportedCompilation.Of(Corpus.Path(file));
            Assert.True(imported.Import is not null, $"{file}: {imported.Refusal?.Message}");
            var report = imported.Import!.Report;
            var plain = !WindowsOrLabs(imported.Original);
            files++;
            all += report.Instructions.Count;
            untyped += report.Instructions.Count - report.TypedCount;
            if (plain)
            {
                plainFiles++;
                plainAll += report.Instructions.Count;
                plainUntyped += report.Instructions.Count - report.TypedCount;
            }

            foreach (var instruction in report.Instructions.Where(i => i.Outcome != ImportOutcome.Typed))
            {
                Assert.False(string.IsNullOrWhiteSpace(instruction.Reason), $"{file}:{instruction.Line}: {instruction.Keyword} is not typed and says not why.");
                var key = $"{instruction.Keyword} {instruction.Outcome}: {instruction.Reason}";
                reasons[key] = reasons.TryGetValue(key, out var n) ? n + 1 : 1;
            }
        }

        _output.WriteLine($"all {files} files: {all} instructions, {untyped} untyped ({Percent(untyped, all)})");
        _output.WriteLine($"{plainFiles} files without Windows or labs-only features: {plainAll} instructions, {plainUntyped} untyped ({Percent(plainUntyped, plainAll)})");
        foreach (var reason in reasons.OrderByDescending(r => r.Value).ThenBy(r => r.Key, StringComparer.Ordinal))
        {
            _output.WriteLine($"{reason.Value,5}  {reason.Key}");
        }

        Assert.Equal(88, files);
        Assert.True(all > 0);

        // The targets: under 5% of all instructions, under 1% in the files without Windows or labs-only features.
        Assert.True(untyped * 100 < all * 5, $"{untyped} of {all} instructions are untyped, 5% or more.");
        Assert.True(plainUntyped * 100 < plainAll, $"{plainUntyped} of {plainAll} instructions of the files without Windows or labs-only features are untyped, 1% or more.");
    }

    private static string Percent(int part, int whole) => (100.0 * part / whole).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + "%";

    // Windows images (the backtick escape, a Windows base image) and labs-only features are counted apart, as the targets are.
    private static bool WindowsOrLabs(string text)
    {
        var document = DockerfileReader.Read("Dockerfile", text);
        if (document.Model.Escape == '`' || document.Model.Stages.Any(s => s.Base.Image is { } image && IsWindowsImage(image)))
        {
            return true;
        }

        if (document.Syntax.Directives.Any(d => d.Name.Equals("syntax", StringComparison.OrdinalIgnoreCase) && d.Value.Contains("labs")))
        {
            return true;
        }

        return FrontendRequirements.All(document.Model).Any(r => r.Labs);
    }

    private static bool IsWindowsImage(string image) =>
        image.IndexOf("windows", StringComparison.OrdinalIgnoreCase) >= 0
        || image.IndexOf("nanoserver", StringComparison.OrdinalIgnoreCase) >= 0
        || image.IndexOf("servercore", StringComparison.OrdinalIgnoreCase) >= 0;
}

using System.Collections.Generic;
using System.Linq;
using DockerDsl.Core.Import;
using DockerDsl.Core.Text;
using DockerDsl.Core.Text.Syntax;
using DockerDsl.Import.Tests.Infrastructure;
using DockerDsl.Tests.Shared;
using Microsoft.CodeAnalysis;

namespace DockerDsl.Import.Tests;

/// <summary>
/// Every real Dockerfile of the corpus and every BuildKit parser case, imported, compiled with the generator and the
/// analyzers, and written back: the C# compiles clean, and the Dockerfile it regenerates means what the original does.
/// A file BuildKit refuses is refused at the same line.
/// </summary>
public class CorpusRoundTripTests
{
    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var file in CorpusFiles.All())
        {
            data.Add(file);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void The_regenerated_Dockerfile_means_what_the_original_does(string file)
    {
        var imported = ImportedCompilation.Of(Corpus.Path(file));
        if (RefusedByBuildKit(imported, out var why))
        {
            Assert.True(why is null, $"{file}: {why}");
            return;
        }

        Assert.True(imported.Regenerated is not null, $"{file}: the generator wrote no Dockerfile.\n{Errors(imported)}");
        var difference = DockerfileComparison.Difference(imported.Original, imported.Regenerated!);
        Assert.True(difference is null, $"{file}: {difference}");
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void A_file_BuildKit_refuses_gets_its_errors_and_a_best_effort_declaration_that_keeps_every_instruction(string file)
    {
        var imported = ImportedCompilation.Of(Corpus.Path(file));
        if (!RefusedByBuildKit(imported, out _))
        {
            return;
        }

        var attempt = ImportAttempt.Run(file, imported.Original, new ImportOptions("Imported") { DockerfilePath = "Dockerfile" });
        var refusal = (DockerfileReadException)imported.Refusal!;
        Assert.Equal(refusal.Line, attempt.Errors.First().Line);
        if (attempt.Result is { } result)
        {
            Assert.DoesNotContain(ImportedCompilation.Compile(result.Source, analyzers: false).Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
            foreach (var error in attempt.Errors)
            {
                Assert.Contains(result.Report.Instructions, i => i.Line == error.Line && i.Outcome != ImportOutcome.Typed);
            }

            var count = DockerfileParser.Parse(imported.Original).Root.Children.Count;
            Assert.Equal(count, result.Report.Instructions.Count(i => !i.Keyword.StartsWith("#", System.StringComparison.Ordinal)));
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void The_imported_declaration_compiles_without_errors_or_DDSL1xx_diagnostics(string file)
    {
        var imported = ImportedCompilation.Of(Corpus.Path(file));
        if (RefusedByBuildKit(imported, out _))
        {
            return;
        }

        var errors = Errors(imported);
        Assert.True(errors.Length == 0, $"{file}:\n{errors}");
    }

    // BuildKit's instruction parser refuses some parser cases (an instruction before FROM, an unknown flag): the
    // import must refuse them too, at the line BuildKit names.
    private static bool RefusedByBuildKit(ImportedCompilation imported, out string? why)
    {
        why = null;
        try
        {
            DockerfileReader.Read(imported.Path, imported.Original);
            if (imported.Refusal is not null)
            {
                why = "BuildKit reads the file but the import refused it: " + imported.Refusal.Message;
                return true;
            }

            return false;
        }
        catch (DockerfileReadException e)
        {
            if (imported.Refusal is not DockerfileReadException refusal || refusal.Line != e.Line)
            {
                why = $"BuildKit refuses line {e.Line} ({e.Reason}); the import {(imported.Refusal is null ? "did not" : "refused " + imported.Refusal.Message)}";
            }

            return true;
        }
    }

    private static string Errors(ImportedCompilation imported) =>
        string.Join("\n", imported.Diagnostics
            .Where(d => d.Severity == DiagnosticSeverity.Error || d.Id.StartsWith("DDSL1", System.StringComparison.Ordinal))
            .Select(d => d.ToString()));
}

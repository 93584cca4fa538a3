using System;
using System.Collections.Generic;
using System.Linq;
using DockerDsl.Core.Model;
using DockerDsl.Declarations.Parsing;
using DockerDsl.Core.Rules;
using DockerDsl.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace DockerDsl.Robustness.Tests;

/// <summary>
/// The promise on any input: nothing throws; each declared Dockerfile is either written with exactly the
/// instructions its model holds, or withheld with an error the user sees.
/// </summary>
internal static class Safety
{
    /// <summary>The broken promises for one outcome; empty when all hold.</summary>
    public static List<string> Check(Pipeline.Outcome outcome)
    {
        var failures = new List<string>();
        if (outcome.GeneratorException is not null)
        {
            failures.Add("The generator threw: " + outcome.GeneratorException);
        }

        failures.AddRange(outcome.GeneratorDiagnostics.Select(d => "The generator reported: " + d));
        failures.AddRange(outcome.AnalyzerExceptions.Select(e => "An analyzer threw: " + e));

        var files = outcome.Files.GroupBy(f => f.Path).ToDictionary(g => g.Key, g => g.First().Text);
        foreach (var type in DockerfileClasses(outcome.Input))
        {
            DockerfileModel model;
            try
            {
                model = DockerfileParser.Parse(type);
            }
            catch (Exception exception)
            {
                failures.Add($"The parser threw on {type.Name}: {exception}");
                continue;
            }

            if (files.TryGetValue(model.Path, out var text) && !model.HasProblems)
            {
                failures.AddRange(Structure(model, text).Select(f => $"{type.Name}: {f}"));
            }
            else if (outcome.CompilerErrors.Count == 0 && !outcome.AnalyzerDiagnostics.Any(d => d.Severity == DiagnosticSeverity.Error && d.Id.StartsWith("DDSL1", StringComparison.Ordinal)))
            {
                failures.Add($"{type.Name}: the Dockerfile was withheld but no error tells the user why (problems: {string.Join("; ", model.Problems.Select(p => p.Message))}).");
            }
        }

        return failures;
    }

    /// <summary>Reads the text back and compares its instructions, one by one, with the model's.</summary>
    private static IEnumerable<string> Structure(DockerfileModel model, string text)
    {
        DockerfileReader.Document document;
        try
        {
            document = DockerfileReader.Read(text);
        }
        catch (FormatException exception)
        {
            return new[] { "the Dockerfile does not read back: " + exception.Message + "\n" + text };
        }

        var expected = model.GlobalArgs.Select(_ => "ARG")
            .Concat(model.Stages.SelectMany(stage => new[] { "FROM" }.Concat(stage.Instructions.Select(Keywords.Of))))
            .ToList();
        var actual = document.Instructions.Select(i => i.Keyword).ToList();
        return expected.SequenceEqual(actual)
            ? Array.Empty<string>()
            : new[] { $"instructions {string.Join(" ", actual)} do not match the model's {string.Join(" ", expected)}\n{text}" };
    }

    private static IEnumerable<INamedTypeSymbol> DockerfileClasses(Compilation compilation) =>
        compilation.GetSymbolsWithName(_ => true, SymbolFilter.Type)
            .OfType<INamedTypeSymbol>()
            .Where(t => t.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == "DockerDsl.DockerfileAttribute"));
}

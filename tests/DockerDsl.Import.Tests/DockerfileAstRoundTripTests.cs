using System.Collections.Generic;
using System.IO;
using System.Linq;
using DockerDsl.Import.Tests.Infrastructure;
using DockerDsl.Tests.Shared;

namespace DockerDsl.Import.Tests;

/// <summary>
/// The round trip checked by a parser nobody here wrote: rcjsuen's dockerfile-ast (VS Code's Dockerfile parser) finds
/// the same instructions, keywords, arguments and heredoc bodies in every imported corpus file and in the Dockerfile
/// its declaration regenerates. An ARG with several names is compared as one ARG per name, and a name given to an
/// unnamed stage is allowed (the BuildKit comparison checks that nothing refers to it).
/// </summary>
public class DockerfileAstRoundTripTests
{
    // BuildKit parser cases whose original dockerfile-ast reads otherwise than BuildKit does (the case's own result
    // file says what BuildKit reads, and the BuildKit comparison of CorpusRoundTripTests holds for them).
    private static readonly Dictionary<string, string> ReadOtherwise = new()
    {
        ["buildkit-parser/args/Dockerfile"] = "ARG foo bar=baz: two arguments to BuildKit, one (foo with the value bar=baz) to dockerfile-ast",
        ["buildkit-parser/env/Dockerfile"] = "an escaped quote inside a value, which dockerfile-ast unescapes otherwise",
        ["buildkit-parser/escapes/Dockerfile"] = "the JSON escape \\/ in CMD, which dockerfile-ast does not decode as JSON does",
        ["buildkit-parser/kartar-entrypoint-oddities/Dockerfile"] = "quotes inside a LABEL value of the legacy form, which dockerfile-ast keeps",
        ["buildkit-parser/trailing-backslash/Dockerfile"] = "an escaped backslash at the end of a line, which dockerfile-ast takes for a line continuation",
    };

    [SkippableFact]
    public void Dockerfile_ast_reads_the_same_instructions_in_every_original_and_regenerated_file()
    {
        Skip.If(DockerfileAst.MissingReason is not null, DockerfileAst.MissingReason);
        using var folder = new TempDirectory();
        var pairs = new List<(string File, string Original, string Regenerated)>();
        foreach (var file in CorpusFiles.All())
        {
            var imported = ImportedCompilation.Of(Corpus.Path(file));
            if (imported.Regenerated is null || ReadOtherwise.ContainsKey(file))
            {
                // Refused by BuildKit, as CorpusRoundTripTests checks.
                continue;
            }

            var index = pairs.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var original = folder.Combine(index + ".original.Dockerfile");
            var regenerated = folder.Combine(index + ".regenerated.Dockerfile");
            File.WriteAllText(original, imported.Original);
            File.WriteAllText(regenerated, imported.Regenerated);
            pairs.Add((file, original, regenerated));
        }

        Assert.True(pairs.Count >= 88 + 25 - ReadOtherwise.Count, $"Only {pairs.Count} files round-trip.");
        var read = DockerfileAst.ReadAsync(pairs.SelectMany(p => new[] { p.Original, p.Regenerated }).ToList()).GetAwaiter().GetResult();
        var failures = new List<string>();
        for (var i = 0; i < pairs.Count; i++)
        {
            var difference = Difference(Flatten(read[2 * i].Instructions), Flatten(read[(2 * i) + 1].Instructions));
            if (difference is not null)
            {
                failures.Add($"{pairs[i].File}: {difference}");
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {pairs.Count} files differ:\n{string.Join("\n", failures)}");
    }

    private static string? Difference(IReadOnlyList<AstInstruction> original, IReadOnlyList<AstInstruction> regenerated)
    {
        if (original.Count != regenerated.Count)
        {
            var first = Enumerable.Range(0, System.Math.Min(original.Count, regenerated.Count)).FirstOrDefault(i => !Same(original[i], regenerated[i]), System.Math.Min(original.Count, regenerated.Count));
            return $"{original.Count} instructions and {regenerated.Count}; first difference at {first + 1}:\n  {(first < original.Count ? original[first] : null)}\n  {(first < regenerated.Count ? regenerated[first] : null)}";
        }

        for (var i = 0; i < original.Count; i++)
        {
            if (!Same(original[i], regenerated[i]))
            {
                return $"instruction {i + 1} differs:\n  {original[i]}\n  {regenerated[i]}";
            }
        }

        return null;
    }

    private static bool Same(AstInstruction a, AstInstruction b)
    {
        if (!a.Keyword.Equals(b.Keyword, System.StringComparison.OrdinalIgnoreCase) || !a.Heredocs.SequenceEqual(b.Heredocs))
        {
            return false;
        }

        if (a.Trigger is not null || b.Trigger is not null)
        {
            return a.Trigger is not null && b.Trigger is not null && Same(a.Trigger, b.Trigger);
        }

        var x = a.Arguments.Select(Unquoted).ToList();
        var y = b.Arguments.Select(Unquoted).ToList();
        if (a.Keyword.Equals("FROM", System.StringComparison.OrdinalIgnoreCase))
        {
            // FROM image gains AS name when the stage had none; AS is a keyword in any case.
            if (x.Count == 1 && y.Count == 3)
            {
                return x[0] == y[0] && y[1].Equals("AS", System.StringComparison.OrdinalIgnoreCase);
            }

            return x.Count == y.Count && x.Select((w, i) => i == 1 ? w.ToUpperInvariant() : w).SequenceEqual(y.Select((w, i) => i == 1 ? w.ToUpperInvariant() : w));
        }

        return x.SequenceEqual(y);
    }

    // dockerfile-ast resolves quotes in ENV, LABEL, ARG and JSON forms only: a word quoted whole elsewhere means the word.
    private static string Unquoted(string word) =>
        word.Length >= 2 && (word[0] is '"' or '\'') && word[word.Length - 1] == word[0] && word.IndexOf(word[0], 1) == word.Length - 1
            ? word.Substring(1, word.Length - 2)
            : word;

    // One ARG per name. dockerfile-ast reads ARG A B C as A with the value "B C" (the legacy form of ENV), where
    // BuildKit reads three names: a value with white space is split into names, on both sides alike.
    private static List<AstInstruction> Flatten(IReadOnlyList<AstInstruction> instructions) =>
        instructions.SelectMany(i => i.Keyword.Equals("ARG", System.StringComparison.OrdinalIgnoreCase)
            ? i.Arguments.SelectMany(Names).Select(a => i with { Arguments = new[] { a } })
            : new[] { i }).ToList();

    private static IEnumerable<string> Names(string argument)
    {
        var equals = argument.IndexOf('=');
        if (equals < 0 || argument.IndexOfAny(new[] { ' ', '\t' }, equals) < 0)
        {
            return new[] { argument };
        }

        return new[] { argument.Substring(0, equals) }.Concat(argument.Substring(equals + 1).Split(new[] { ' ', '\t' }, System.StringSplitOptions.RemoveEmptyEntries));
    }
}

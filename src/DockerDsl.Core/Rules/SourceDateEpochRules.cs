using System;
using System.Collections.Generic;
using System.Linq;
using DockerDsl.Core.Emit;
using DockerDsl.Core.Model;
using DockerDsl.Core.Text.Shell;

namespace DockerDsl.Core.Rules;

/// <summary>
/// Rules on a declared <c>SOURCE_DATE_EPOCH</c> default, the epoch BuildKit stamps an image with when the build gives
/// none (docs/reproducible.md).
/// </summary>
public static class SourceDateEpochRules
{
    /// <summary>
    /// DDSL048: an <c>ARG SOURCE_DATE_EPOCH=&lt;default&gt;</c> whose value BuildKit cannot read as an epoch. BuildKit
    /// parses it with Go's <c>strconv.ParseInt(v, 10, 64)</c>: BuildKit 0.13 fails the build on such a build argument
    /// (measured on engine 26.1: "invalid SOURCE_DATE_EPOCH: yesterday: strconv.ParseInt: parsing ..."), and since
    /// moby/buildkit#6602 (exporter/util/epoch/parse.go, ParseBuildArgs) it skips it, so the image is stamped with the
    /// time of the build and no error says why. A value with a variable reference is the build's, and not judged; at global scope the frontend 1.24
    /// words <c>context</c> and a stage's name (moby/buildkit#6602) are epochs too. Arguments: the value.
    /// </summary>
    public static IEnumerable<Finding> InvalidDefault(DockerfileModel model)
    {
        foreach (var (arg, value, global) in Defaults(model))
        {
            if (VariableReferences.Any(value) || IsEpoch(value) || (global && IsSpecialValue(model, value)))
            {
                continue;
            }

            yield return Finding.At(arg.Source, value);
        }
    }

    /// <summary>
    /// DDSL049: a stage's <c>ARG SOURCE_DATE_EPOCH=&lt;default&gt;</c>. It sets the variable for that stage's steps only:
    /// BuildKit takes the image's epoch from the build argument, or (frontend 1.23) from a global ARG default
    /// (moby/buildkit#6601), never from a stage's. Arguments: the stage, the value.
    /// </summary>
    public static IEnumerable<Finding> DefaultInStage(DockerfileModel model)
    {
        foreach (var stage in model.Stages)
        {
            foreach (var arg in stage.Instructions.OfType<ArgInstruction>())
            {
                foreach (var definition in arg.Args.Where(d => d.Name == FrontendRequirements.SourceDateEpochArg && d.Default is not null))
                {
                    yield return Finding.At(arg.Source, stage.Label, Value(definition.Default!, model.Escape));
                }
            }
        }
    }

    /// <summary>Go's <c>strconv.ParseInt(v, 10, 64)</c>: an optional sign and decimal digits, in 64 bits.</summary>
    public static bool IsEpoch(string value)
    {
        var digits = value.StartsWith("+", StringComparison.Ordinal) || value.StartsWith("-", StringComparison.Ordinal) ? value.Substring(1) : value;
        return digits.Length > 0 && digits.All(c => c is >= '0' and <= '9')
            && long.TryParse(value, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out _);
    }

    /// <summary>Frontend 1.24's <c>SOURCE_DATE_EPOCH=context</c> and <c>SOURCE_DATE_EPOCH=&lt;stage&gt;</c> (moby/buildkit#6602).</summary>
    public static bool IsSpecialValue(DockerfileModel model, string value) =>
        value == "context" || model.Stages.Any(s => s.Name.Length > 0 && string.Equals(s.Name, value, StringComparison.OrdinalIgnoreCase));

    /// <summary>The default as BuildKit reads it: the C# front end's double-quoted word, or text's word without its quotes.</summary>
    public static string Value(string word, char escape) =>
        Quoting.Unquoted(word, escape)
        ?? (word.Length >= 2 && word[0] == '\'' && word[word.Length - 1] == '\'' ? word.Substring(1, word.Length - 2) : word);

    private static IEnumerable<(ArgInstruction Arg, string Value, bool Global)> Defaults(DockerfileModel model)
    {
        var global = model.GlobalArgs.Select(a => (Arg: a, Global: true));
        var staged = model.Stages.SelectMany(s => s.Instructions.OfType<ArgInstruction>()).Select(a => (Arg: a, Global: false));
        foreach (var (arg, isGlobal) in global.Concat(staged))
        {
            foreach (var definition in arg.Args.Where(d => d.Name == FrontendRequirements.SourceDateEpochArg && d.Default is not null))
            {
                yield return (arg, Value(definition.Default!, model.Escape), isGlobal);
            }
        }
    }
}

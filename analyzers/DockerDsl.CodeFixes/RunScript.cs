using System;
using System.Collections.Generic;
using System.Linq;
using DockerDsl.Core.Model;
using DockerDsl.Core.Rules;

namespace DockerDsl.CodeFixes;

/// <summary>
/// The shell text the RUN rules read for a <c>[Run]</c>, <c>[RunHeredoc]</c> or raw <c>[Instruction("RUN ...")]</c>,
/// made from the attribute's strings, and where each string lies in it, so that a place in the text is a place
/// in a string.
/// </summary>
internal sealed class RunScript
{
    private readonly IReadOnlyList<string> _strings;
    private readonly IReadOnlyList<int> _starts;

    private RunScript(string text, IReadOnlyList<string> strings, IReadOnlyList<int> starts)
    {
        Text = text;
        _strings = strings;
        _starts = starts;
    }

    public string Text { get; }

    /// <summary>
    /// The script of the attribute named <paramref name="attributeName"/> with <paramref name="strings"/> as its
    /// command arguments, or null when the rules read no shell text from it. The text comes from the rules'
    /// own <see cref="RunCommandRules.ScriptOf"/>; only where each string lands in it is worked out here, and checked.
    /// </summary>
    public static RunScript? Of(string attributeName, IReadOnlyList<string> strings)
    {
        Instruction instruction;
        var starts = new int[strings.Count];
        switch (attributeName)
        {
            case "RunAttribute" when strings.Count > 0:
                var lines = strings.Select((command, i) => RunInstruction.ChainedLine(i, command)).ToList();
                instruction = new RunInstruction(RunForm.Shell, lines.ToEquatableArray(), EquatableArray<Mount>.Empty, null, null, default);

                // The lines are joined with a space, each ending with its command.
                var lineStart = 0;
                for (var i = 0; i < lines.Count; i++)
                {
                    starts[i] = lineStart + lines[i].Length - strings[i].Length;
                    lineStart += lines[i].Length + 1;
                }

                break;
            case "RunHeredocAttribute" when strings.Count == 1:
                instruction = new RunInstruction(RunForm.Heredoc, new[] { NormalizeLineBreaks(strings[0]) }.ToEquatableArray(), EquatableArray<Mount>.Empty, null, null, default);
                break;
            case "InstructionAttribute" when strings.Count == 1 && IsRun(strings[0]):
                instruction = new RawInstruction("RUN", strings[0].Trim(), default);
                break;
            default:
                return null;
        }

        if (RunCommandRules.ScriptOf(instruction) is not { } text)
        {
            return null;
        }

        if (instruction is RawInstruction)
        {
            // The script is what is left of the instruction after its keyword and flags.
            starts[0] = text.Length - strings[0].TrimEnd().Length;
        }

        var script = new RunScript(text, strings, starts);
        return Enumerable.Range(0, strings.Count).All(script.IsAtItsStart) ? script : null;
    }

    /// <summary>The string that <paramref name="place"/>, the end of a word in <see cref="Text"/>, is in, and the place in that string; null when it is in none.</summary>
    public (int String, int Offset)? Find(int place)
    {
        for (var i = 0; i < _strings.Count; i++)
        {
            var length = NormalizeLineBreaks(_strings[i]).Length;
            if (_starts[i] < place && place <= _starts[i] + length)
            {
                return (i, ValueOffset(_strings[i], place - _starts[i]));
            }
        }

        return null;
    }

    private static bool IsRun(string instruction) =>
        instruction.TrimStart().Split(new[] { ' ', '\t' }, 2)[0].Equals("RUN", StringComparison.OrdinalIgnoreCase);

    /// <summary>As the parser reads a heredoc script.</summary>
    private static string NormalizeLineBreaks(string text) => text.Replace("\r\n", "\n");

    /// <summary>Where <paramref name="offset"/> of the string with normalized line breaks is in <paramref name="value"/>.</summary>
    private static int ValueOffset(string value, int offset)
    {
        var i = 0;
        for (var normalized = 0; normalized < offset; normalized++, i++)
        {
            i += value[i] == '\r' && i + 1 < value.Length && value[i + 1] == '\n' ? 1 : 0;
        }

        return i;
    }

    /// <summary>Whether the part of <see cref="Text"/> where string <paramref name="index"/> is said to be is that string.</summary>
    private bool IsAtItsStart(int index)
    {
        var value = NormalizeLineBreaks(_strings[index]);
        var start = Math.Max(0, _starts[index]);
        var end = Math.Min(Text.Length, _starts[index] + value.Length);
        return end >= start && string.CompareOrdinal(Text, start, value, start - _starts[index], end - start) == 0;
    }
}

using System.Collections.Generic;
using System.Linq;
using DockerDsl.Core.Model;
using DockerDsl.Core.Rules;
using DockerDsl.Core.Text;
using DockerDsl.Core.Text.Syntax;

namespace DockerDsl.Core.Tests.Conformance;

/// <summary>Which linter reported an instruction that the other did not.</summary>
public enum Side
{
    /// <summary>DockerDsl reported it, dockerlinter did not.</summary>
    OursOnly,

    /// <summary>dockerlinter reported it, DockerDsl did not.</summary>
    TheirsOnly,
}

/// <summary>One instruction of a real Dockerfile that one linter reports for a rule and the other does not, with what the categories read.</summary>
public sealed class DockerLinterDisagreement
{
    public DockerLinterDisagreement(string file, string rule, int line, Side side, DockerfileDocument document, IReadOnlyList<string> codes, string? message)
    {
        File = file;
        Rule = rule;
        Line = line;
        Side = side;
        Document = document;
        Codes = codes;
        Message = message;
        Node = document.InstructionAt(line);
        Stage = document.Model.Stages.LastOrDefault(s => s.Source.Line <= line);
        Instruction = Stage?.Instructions.FirstOrDefault(i => i.Source.Line == line);
        Commands = Instruction is null ? null : RunCommandRules.CommandsOf(Instruction);
    }

    public string File { get; }

    /// <summary>The DockerDsl rule ID.</summary>
    public string Rule { get; }

    /// <summary>The instruction's first line.</summary>
    public int Line { get; }

    public Side Side { get; }

    public DockerfileDocument Document { get; }

    public DockerfileModel Model => Document.Model;

    /// <summary>dockerlinter's codes at this instruction (none on <see cref="Side.OursOnly"/>).</summary>
    public IReadOnlyList<string> Codes { get; }

    /// <summary>DockerDsl's message (null on <see cref="Side.TheirsOnly"/>).</summary>
    public string? Message { get; }

    /// <summary>The instruction's syntax node.</summary>
    public DockerfileNode? Node { get; }

    /// <summary>The stage the instruction is in, or whose FROM it is.</summary>
    public StageModel? Stage { get; }

    /// <summary>The instruction in the model; null for a FROM.</summary>
    public Instruction? Instruction { get; }

    /// <summary>The simple commands of a RUN run by a shell, as the RUN rules read them; null otherwise.</summary>
    public IReadOnlyList<ShellCommand>? Commands { get; }

    /// <summary>Every instruction of the file, in file order.</summary>
    public IEnumerable<Instruction> AllInstructions => Model.Stages.SelectMany(s => s.Instructions).OrderBy(i => i.Source.Line);

    public override string ToString() =>
        $"{File}:{Line}: {Rule} {(Side == Side.OursOnly ? "only DockerDsl reports it: " + Message : "only dockerlinter reports it (" + string.Join(", ", Codes) + ")")}"
        + $"\n    {FirstLine}";

    private string FirstLine => Node is null ? string.Empty : (Node.Original.Length > 160 ? Node.Original.Substring(0, 160) + "..." : Node.Original);
}

using System.Collections.Generic;
using System.Linq;

namespace DockerDsl.Core.Import;

/// <summary>What became of one instruction of the Dockerfile.</summary>
public enum ImportOutcome
{
    /// <summary>A typed attribute (<c>[Run]</c>, <c>[Copy]</c>, <c>[Stage]</c>, ...).</summary>
    Typed,

    /// <summary><c>[Instruction("...")]</c>, the raw escape hatch: the typed attributes cannot say it yet.</summary>
    Raw,

    /// <summary>
    /// Nothing DockerDsl accepts can say it yet, not even <c>[Instruction]</c> (a heredoc other than a plain script, a global ARG
    /// whose default refers to a variable, a FROM image DockerDsl refuses): it is written as it would be, and the declaration
    /// reports a DDSL1xx error there.
    /// </summary>
    NotExpressible,
}

/// <summary>One instruction of the imported Dockerfile and what it became.</summary>
/// <param name="Line">Its first line in the Dockerfile.</param>
/// <param name="Keyword">Its keyword in upper case.</param>
/// <param name="Reason">Why it is not typed; null when it is.</param>
public sealed record ImportedInstruction(int Line, string Keyword, ImportOutcome Outcome, string? Reason);

/// <summary>The counts of an import and every instruction that is not typed, with why.</summary>
public sealed class ImportReport
{
    internal ImportReport(IReadOnlyList<ImportedInstruction> instructions, IReadOnlyList<string> skippedIgnorePatterns)
    {
        Instructions = instructions;
        SkippedIgnorePatterns = skippedIgnorePatterns;
    }

    /// <summary>Every instruction of the file, FROM and global ARGs included, in file order; first, a parser directive the declaration cannot take.</summary>
    public IReadOnlyList<ImportedInstruction> Instructions { get; }

    /// <summary>The <c>.dockerignore</c> lines that are patterns BuildKit refuses (and with them the whole file), left out of <c>Ignore</c>.</summary>
    public IReadOnlyList<string> SkippedIgnorePatterns { get; }

    public int TypedCount => Instructions.Count(i => i.Outcome == ImportOutcome.Typed);

    /// <summary>The uses of <c>[Instruction]</c> that compile.</summary>
    public int RawCount => Instructions.Count(i => i.Outcome == ImportOutcome.Raw);

    public int NotExpressibleCount => Instructions.Count(i => i.Outcome == ImportOutcome.NotExpressible);
}

/// <summary>The C# declaration of an imported Dockerfile and its report.</summary>
public sealed class ImportResult
{
    internal ImportResult(string source, ImportReport report)
    {
        Source = source;
        Report = report;
    }

    /// <summary>The C# source: <c>using DockerDsl;</c>, the namespace, and one <c>[Dockerfile]</c> partial class.</summary>
    public string Source { get; }

    public ImportReport Report { get; }
}

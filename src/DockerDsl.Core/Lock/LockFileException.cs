using System;

namespace DockerDsl.Core.Lock;

/// <summary>A lock file that cannot be read: what is wrong and where.</summary>
public sealed class LockFileException : Exception
{
    public LockFileException(string reason, int line, int column)
        : base($"line {line}, column {column}: {reason}")
    {
        Reason = reason;
        Line = line;
        Column = column;
    }

    /// <summary>What is wrong, without the place.</summary>
    public string Reason { get; }

    public int Line { get; }

    public int Column { get; }
}

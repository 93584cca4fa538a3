using System;

namespace DockerDsl.Cli.Lock;

/// <summary>Why <c>dockerdsl lock</c> stops with exit code 2: one line, already worded for the user.</summary>
internal sealed class LockError : Exception
{
    public LockError(string message)
        : base(message)
    {
    }
}

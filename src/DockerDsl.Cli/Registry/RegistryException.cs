using System;

namespace DockerDsl.Cli.Registry;

/// <summary>A registry that cannot be reached, refuses, or answers with something that is not an image: one line for the user.</summary>
internal sealed class RegistryException : Exception
{
    public RegistryException(string message)
        : base(message)
    {
    }
}

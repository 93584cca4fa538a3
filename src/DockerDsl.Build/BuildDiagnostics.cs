namespace DockerDsl.Build;

/// <summary>The task's error codes and messages: one place, each message says how to fix it.</summary>
internal static class BuildDiagnostics
{
    public const string OutsideProject = "DDSLB001";
    public const string InvalidPath = "DDSLB002";
    public const string AssemblyMissing = "DDSLB003";
    public const string AssemblyUnreadable = "DDSLB004";
    public const string WriteFailed = "DDSLB005";
    public const string ConflictingPaths = "DDSLB006";

    public const string OutsideProjectMessage =
        "DockerDsl: Dockerfile path '{0}' resolves to '{1}', which is outside {2} '{3}'. " +
        "Use a path inside that folder, or set <DockerDslAllowOutsideProject>true</DockerDslAllowOutsideProject> in the project if writing there is intended.";

    public const string InvalidPathMessage =
        "DockerDsl: Dockerfile path '{0}' is {1}. Use a path relative to the project folder that names a file, such as \"api/Dockerfile\".";

    public const string AssemblyMissingMessage =
        "DockerDsl: cannot read the declared Dockerfiles because the compiled assembly '{0}' does not exist. " +
        "Build the project again; to skip writing Dockerfiles, set <DockerDslWriteDockerfiles>false</DockerDslWriteDockerfiles>.";

    public const string AssemblyUnreadableMessage =
        "DockerDsl: cannot read the declared Dockerfiles from '{0}': it is not a readable .NET assembly ({1}). " +
        "Rebuild the project with 'dotnet build --no-incremental'; if it persists, make sure the DockerDsl packages in use are one version.";

    public const string WriteFailedMessage =
        "DockerDsl: cannot write '{0}': {1}";

    public const string ReadOnlyReason =
        "the file is read-only. Make it writable (for example 'chmod u+w' or check it out in version control), or delete it so DockerDsl can write it again.";

    public const string IsFolderReason =
        "a folder already has that name. Rename or remove the folder, or declare a different Dockerfile path.";

    public const string IoFailureReason =
        "{0} Check that the folder is writable and the file is not held open by another program.";

    public const string ConflictingPathsMessage =
        "DockerDsl: two Dockerfiles with different text are declared at '{0}'. Give each [Dockerfile] its own path.";
}

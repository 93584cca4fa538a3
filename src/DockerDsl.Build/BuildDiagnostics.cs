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
    public const string ContextMissing = "DDSLB020";
    public const string SourceMissing = "DDSLB021";
    public const string SourceIgnored = "DDSLB022";
    public const string BakeFileMissing = "DDSLB010";
    public const string BakeFileUnreadable = "DDSLB011";
    public const string UnknownBakeTarget = "DDSLB012";
    public const string DockerMissing = "DDSLB013";
    public const string BuildxMissing = "DDSLB014";
    public const string StepFailed = "DDSLB015";
    public const string BakeFailed = "DDSLB016";

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

    public const string ContextMissingMessage =
        "DockerDsl: the build context '{0}' of {1} does not exist ('{2}'), so docker build cannot start. " +
        "Create the folder, or set Context on [Dockerfile] to an existing folder, relative to the project folder.";

    public const string SourceMissingMessage =
        "DockerDsl: {0} source '{1}' of {2} matches nothing in the build context '{3}' ('{4}'), so docker build will fail with 'not found'. " +
        "Fix the path (it is relative to the context, not to the project), add the file, or copy it from a stage with From.";

    public const string SourceIgnoredMessage =
        "DockerDsl: {0} source '{1}' of {2} is in the build context '{3}', but '{4}' leaves it out with the pattern '{5}', so docker build will fail with 'not found'. " +
        "Add the exception '!{1}' to Ignore on [Dockerfile], or remove or narrow that pattern.";

    public const string BakeFileMissingMessage =
        "DockerDsl: cannot build the images: the bake file '{0}' does not exist. " +
        "Declare a [Dockerfile] and build; the build writes it unless <DockerDslBakeFile>none</DockerDslBakeFile> or <DockerDslWriteDockerfiles>false</DockerDslWriteDockerfiles> turns it off.";

    public const string BakeFileUnreadableMessage =
        "DockerDsl: cannot read the bake file '{0}' ({1}). It is generated: do not edit it; build again to rewrite it.";

    public const string UnknownBakeTargetMessage =
        "DockerDsl: DockerDslBakeTargets names a target the bake file lacks: {0}.";

    public const string DockerMissingMessage =
        "DockerDsl: cannot build the images: '{0}' was not found on PATH. Install Docker with the buildx plugin " +
        "(Docker Desktop; or Docker Engine, on Debian and Ubuntu 'apt-get install docker.io docker-buildx'), " +
        "or set <DockerDslDockerCommand> to the docker CLI's path.";

    public const string DockerNotStartedMessage =
        "DockerDsl: cannot start the docker CLI '{0}': {1}. Check that it is an executable, or set <DockerDslDockerCommand> to the docker CLI's path.";

    public const string BuildxMissingMessage =
        "DockerDsl: cannot build the images: '{0} buildx version' failed, so the buildx plugin is missing or docker does not run ({1}). " +
        "Install buildx (Docker Desktop has it; Debian and Ubuntu: 'apt-get install docker-buildx'; others: the docker-buildx-plugin package).";

    public const string StepFailedMessage =
        "DockerDsl: image '{0}' failed {1}: {2}: {3}";

    public const string BakeFailedMessage =
        "DockerDsl: docker buildx bake exited with {0} on {1}: {2}";
}

using DockerDsl.Core.Model;

namespace DockerDsl.Core.Rules;

/// <summary>The Dockerfile keyword of an instruction, typed or raw, so rules treat both alike.</summary>
public static class Keywords
{
    public static string Of(Instruction instruction) => instruction switch
    {
        ArgInstruction => "ARG",
        EnvInstruction => "ENV",
        LabelInstruction => "LABEL",
        RunInstruction => "RUN",
        CopyInstruction { Kind: CopyKind.Add } => "ADD",
        CopyInstruction => "COPY",
        WorkDirInstruction => "WORKDIR",
        UserInstruction => "USER",
        ExposeInstruction => "EXPOSE",
        VolumeInstruction => "VOLUME",
        CommandInstruction { Kind: CommandKind.Cmd } => "CMD",
        CommandInstruction => "ENTRYPOINT",
        HealthCheckInstruction => "HEALTHCHECK",
        ShellInstruction => "SHELL",
        StopSignalInstruction => "STOPSIGNAL",
        OnBuildInstruction => "ONBUILD",
        RawInstruction raw => raw.Keyword,
        _ => string.Empty,
    };

    /// <summary>What follows the keyword of a raw instruction, trimmed.</summary>
    public static string Arguments(RawInstruction raw) => raw.Text.Substring(raw.Keyword.Length).Trim();
}

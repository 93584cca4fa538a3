namespace DockerDsl.Core.Model;

/// <summary>
/// Why a declaration cannot become a Dockerfile. The parser finds problems; the generator withholds
/// the Dockerfile when there is any, and the analyzers report each at its <see cref="Problem.Source"/>.
/// </summary>
public enum ProblemKind
{
    /// <summary>The attribute itself does not compile; the compiler already reports it.</summary>
    AttributeHasErrors,

    /// <summary>The Dockerfile class, or a type containing it, is not partial or is generic.</summary>
    TypeCannotBeExtended,

    /// <summary>The output path is empty, absolute, or leaves the project.</summary>
    InvalidOutputPath,

    /// <summary>A value would break out of its instruction or the Dockerfile syntax.</summary>
    UnsafeValue,

    /// <summary>A value is not of the form the instruction needs (port, duration, octal mode, name).</summary>
    InvalidValue,

    /// <summary>A stage has no base, or its base is neither an image string nor a stage class.</summary>
    InvalidStageBase,

    /// <summary>A <c>typeof</c> reference names a class of the wrong kind (not a stage, mount or build arg).</summary>
    InvalidReference,

    /// <summary>Stages reference each other in a cycle.</summary>
    StageCycle,

    /// <summary>Two stages have the same name, or a stage uses a reserved name.</summary>
    InvalidStageName,

    /// <summary>A stage's instruction attributes are spread over several partial declarations.</summary>
    SplitStage,

    /// <summary>The Dockerfile declares no stage.</summary>
    NoStages,

    /// <summary>A helper attribute is declared more than once where it can be only once, or in a wrong place.</summary>
    MisplacedAttribute,

    /// <summary>A helper needs the base image's family, which its name does not tell and no Family argument states.</summary>
    UnknownBaseFamily,

    /// <summary>A helper, or one of its options, cannot work on the family of the stage's base image.</summary>
    HelperNotForBase,
}

public sealed record Problem(ProblemKind Kind, string Message, SourceRef Source);

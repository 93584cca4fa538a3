using DockerDsl;

namespace DockerDsl.Testcontainers;

/// <summary>Entry point: <c>DockerDslImage.For&lt;PlumberApi&gt;().WithTarget(PlumberApi.Stages.Production).BuildAsync()</c>.</summary>
public static class DockerDslImage
{
    /// <summary>A builder for the image declared by the <c>[Dockerfile]</c> class <typeparamref name="TDockerfile"/>.</summary>
    public static DockerDslImageBuilder For<TDockerfile>() => new(ImageDeclaration.Of(typeof(TDockerfile)));

    /// <summary>
    /// A builder for the image declared by <typeparamref name="TDockerfile"/>, with its build arguments: the generated
    /// record, <c>DockerDslImage.For(new PlumberApi.BuildArguments { Revision = "abc123" })</c>, whose arguments with
    /// no default are required members.
    /// </summary>
    public static DockerDslImageBuilder For<TDockerfile>(IBuildArguments<TDockerfile> arguments) => For<TDockerfile>().WithBuildArguments(arguments);

    /// <summary>A builder for the image declared by the <c>[Dockerfile]</c> class <paramref name="dockerfile"/>.</summary>
    public static DockerDslImageBuilder For(System.Type dockerfile) => new(ImageDeclaration.Of(dockerfile));
}

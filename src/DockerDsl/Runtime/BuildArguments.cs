using System.Collections.Generic;

namespace DockerDsl;

/// <summary>
/// The build arguments of the <c>[Dockerfile]</c> class <typeparamref name="TDockerfile"/>, as its generated
/// <c>BuildArguments</c> record holds them: a <c>[BuildArg]</c> with no default is a <c>required</c> member there,
/// so leaving it out is a compile error. DockerDsl.Testcontainers and DockerDsl.Aspire take it. Not meant to be
/// implemented by hand.
/// </summary>
/// <typeparam name="TDockerfile">The <c>[Dockerfile]</c> class.</typeparam>
public interface IBuildArguments<TDockerfile>
{
    /// <summary>The ARG name and value of each argument set (one left null keeps its Dockerfile default).</summary>
    IReadOnlyDictionary<string, string> Values { get; }
}

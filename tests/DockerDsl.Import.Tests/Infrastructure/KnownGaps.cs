using System.Collections.Generic;

namespace DockerDsl.Import.Tests.Infrastructure;

/// <summary>
/// The corpus files with an instruction no DockerDsl attribute can say yet, not even <c>[Instruction]</c>: the import
/// writes it as it would be, and the declaration reports a DDSL1xx error there. A file leaves this list when its gap closes.
/// </summary>
internal static class KnownGaps
{
    public static readonly IReadOnlyDictionary<string, string> Files = new Dictionary<string, string>
    {
        ["real/docker__buildx__Dockerfile.Dockerfile"] = "a global ARG whose default refers to a build variable; RUN heredocs with a relative bind mount target (target=.) or a mount without a target",
        ["real/docker__compose__Dockerfile.Dockerfile"] = "RUN heredocs with a relative bind or tmpfs mount target (target=.)",
        ["real/ollama__ollama__Dockerfile.Dockerfile"] = "a global ARG whose default refers to a build variable (ARG FLAVOR=${TARGETARCH})",
        ["real/tonistiigi__xx__hack__dockerfiles__shfmt.Dockerfile.Dockerfile"] = "a RUN heredoc with a bind mount without a target",
        ["real/tonistiigi__xx__src__Dockerfile.Dockerfile"] = "a global ARG whose default refers to a build variable (ARG TEST_BASE_IMAGE=${TEST_BASE_TYPE})",
    };
}

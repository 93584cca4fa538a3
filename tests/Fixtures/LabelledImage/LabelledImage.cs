using DockerDsl;

namespace LabelledImage;

/// <summary>The source revision: required, it has no default.</summary>
[BuildArg(Name = "GIT_SHA")]
public partial class Revision;

/// <summary>The release channel: optional.</summary>
[BuildArg(Default = "unknown")]
public partial class Channel;

/// <summary>An image that records its two build arguments as labels, so a test can read what the build was given.</summary>
[Dockerfile("Dockerfile", Ignore = new[] { "*.cs", "*.csproj", "docker-bake.hcl" })]
public partial class Labelled
{
    [Stage(From = "debian:bookworm-slim")]
    [Arg(typeof(Revision))]
    [Arg(typeof(Channel))]
    [Label("org.opencontainers.image.revision", "$GIT_SHA", "dockerdsl.channel", "$CHANNEL", Expand = true)]
    [User(65534, 65534)]
    [NoHealthCheck]
    [Cmd("/bin/true")]
    public partial class Final;
}

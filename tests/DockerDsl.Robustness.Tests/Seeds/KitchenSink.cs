using DockerDsl;

namespace Fuzz;

[CacheMount("/root/.cache", Id = "build", Sharing = CacheSharing.Locked, Mode = "0755", Uid = 0)]
public partial class BuildCache;

[SecretMount("token", Target = "/run/token", Env = "TOKEN", Required = true)]
public partial class Token;

[BindMount("/src", Source = "src", From = typeof(Tools.Build))]
public partial class Sources;

[BuildArg(Default = "1.0")]
public partial class Version;

[Dockerfile("deploy/Dockerfile", Syntax = "docker/dockerfile:1.7", Ignore = new[] { "docs/" }, Tags = new[] { "acme/tools:1.0" }, Platforms = new[] { "linux/amd64" })]
[Arg(typeof(Version))]
public partial class Tools
{
    [Stage(From = "debian:bookworm-slim", Platform = "$BUILDPLATFORM")]
    [AptInstall("g++", "make", "ccache")]
    [Ccache(MaxSize = "1G")]
    [Env("MODE", "release \"fast\" $x")]
    [Label("org.opencontainers.image.source", "https://example.com")]
    [Run("make", "make install", Mounts = new[] { typeof(BuildCache), typeof(Token) }, Network = RunNetwork.None)]
    [RunExec("/bin/sh", "-c", "echo exec")]
    [RunHeredoc("set -e\necho heredoc\n", Marker = "-'EOT'")]
    [Run("apk add --no-cache -t .deps gcc=13.2.1-r0", "PIP_NO_CACHE_DIR=1 python3 -m pip install -r requirements.txt flask", "npm install -g @scope/tool@1.0.0 ./pkg", "gem install rails -v 7.2.1")]
    [StripDebugSymbols("/usr/local/lib")]
    [BuildTarget(Tags = new[] { "acme/tools-build:1.0" })]
    public partial class Build;

    [Stage(From = typeof(Build), Name = "final")]
    [NonRootUser("app", Uid = 10001, Home = "/home/app")]
    [WorkDir("/app")]
    [Copy(new[] { "a/", "b.txt" }, "/app/", Chmod = "0644", Link = true, Exclude = new[] { "*.tmp" })]
    [CopyFrom(typeof(Build), "/usr/local/bin/tool", "/app/tool")]
    [CopyHeredoc("/app/motd", "hello\n", Marker = "EOF")]
    [Add("https://example.com/x.tgz", "/opt/", Checksum = "sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d")]
    [Run("echo run", Mounts = new[] { typeof(Sources) })]
    [User(10001, 10001)]
    [Expose(8080, Protocol = ExposeProtocol.Tcp)]
    [Expose("53/udp", "9000-9010", "$ADMIN_PORT")]
    [Volume("/data")]
    [Shell("/bin/bash", "-o", "pipefail", "-c")]
    [StopSignal("SIGTERM")]
    [OnBuild("COPY . /src")]
    [Instruction("LABEL raw=yes")]
    [HealthCheck("curl -f http://localhost:8080/", Interval = "10s", StartPeriod = "5s", Retries = 3)]
    [Entrypoint("/app/tool")]
    [Cmd("--serve")]
    public partial class Final;
}

using System.Collections.Generic;
using DockerDsl.Tests.Infrastructure;

namespace DockerDsl.Tests;

/// <summary>One snapshot per instruction family: every flag of the attribute surface appears in one of them.</summary>
public class InstructionSnapshotTests
{
    private static void Verify(string body, IDictionary<string, string>? properties = null, [System.Runtime.CompilerServices.CallerMemberName] string test = "") =>
        GeneratedOutput.Verify(GeneratedOutput.Usings + body, properties, test: test);

    [Fact]
    public void ParserDirectives() => Verify("""
        [Dockerfile("Dockerfile", Syntax = "docker/dockerfile:1.7", Escape = '`', Check = "skip=JSONArgsRecommended")]
        public partial class Directives
        {
            [Stage(From = "mcr.microsoft.com/windows/servercore:ltsc2022")]
            [Run("echo one", "echo two")]
            [WorkDir("C:/app")]
            public partial class Windows;
        }
        """);

    [Fact]
    public void SyntaxOmitted() => Verify("""
        [Dockerfile("Dockerfile", Syntax = DockerfileSyntax.None)]
        public partial class NoSyntax
        {
            [Stage(From = "alpine:3.20")]
            [Cmd("true")]
            public partial class Only;
        }
        """);

    [Fact]
    public void SyntaxFromProjectProperty() => Verify(
        """
        [Dockerfile("Dockerfile")]
        public partial class ProjectSyntax
        {
            [Stage(From = "alpine:3.20")]
            [Cmd("true")]
            public partial class Only;
        }
        """,
        new Dictionary<string, string> { ["DockerDslSyntax"] = "docker/dockerfile:1.4" });

    [Fact]
    public void LabsSyntaxWhenLabsFeaturesAreUsed() => Verify("""
        [Dockerfile("Dockerfile")]
        public partial class Labs
        {
            [Stage(From = "alpine:3.20")]
            [Copy("src/", "/src/", Parents = true, Exclude = new[] { "*.md", "tests/" })]
            [Run("make", Security = RunSecurity.Insecure, Devices = new[] { "nvidia.com/gpu=all", "vendor1.com/device=foo,required" })]
            public partial class Only;
        }
        """);

    [Fact]
    public void StagesArgsAndPlatforms() => Verify("""
        [BuildArg(Default = "3.20")]
        public partial class AlpineVersion;

        [BuildArg(Name = "GIT_SHA")]
        public partial class Revision;

        [Stage(From = "alpine:3.20", Name = "shared-tools")]
        [Run("apk add --no-cache git")]
        public partial class SharedTools;

        [Dockerfile("deploy/Dockerfile")]
        [Arg(typeof(AlpineVersion))]
        public partial class Stages
        {
            [Stage(From = "golang:1.22-alpine@sha256:0466223b8544fb7d4ff04748acc4d75a608234bf4e79563bff208d2060c0dd79", Platform = "$BUILDPLATFORM")]
            [Arg(typeof(Revision))]
            [Label("org.opencontainers.image.revision", "unknown")]
            public partial class GoBuilder;

            [Stage(From = typeof(SharedTools))]
            [CopyFrom(typeof(GoBuilder), "/go/bin/app", "/usr/local/bin/app")]
            public partial class HTTPServer;

            [Stage(From = "scratch", Platform = "linux/amd64")]
            [CopyFrom(typeof(HTTPServer), "/usr/local/bin/app", "/app")]
            [Entrypoint("/app")]
            public partial class Final;
        }
        """);

    [Fact]
    public void StagesAreOrderedSoReferencesPointBackwards() => Verify("""
        [Dockerfile("Dockerfile")]
        public partial class Reordered
        {
            [Stage(From = typeof(Build))]
            [CopyFrom(typeof(Assets), "/assets", "/srv/assets")]
            public partial class Runtime;

            [Stage(From = "node:20-bookworm-slim")]
            [Run("npm run build")]
            public partial class Assets;

            [Stage(From = "debian:bookworm-slim")]
            [Run("make")]
            public partial class Build;
        }
        """);

    [Fact]
    public void RunForms() => Verify(""""
        [Dockerfile("Dockerfile")]
        public partial class Runs
        {
            [Stage(From = "debian:bookworm-slim")]
            [Shell("/bin/bash", "-o", "pipefail", "-c")]
            [Run("set -eux", "curl -fsS https://example.com | sha256sum", "echo \"done\" > /done")]
            [RunExec("/usr/bin/env", "printf", "%s\\n", "a \"quoted\" word")]
            [RunHeredoc("""
                #!/usr/bin/env bash
                set -euo pipefail
                echo "EOF is a fine word here"
                EOF
                echo $HOME
                """)]
            [Run("apt-get update", Network = RunNetwork.Host)]
            [Run("make test", Network = RunNetwork.None, Security = RunSecurity.Sandbox)]
            public partial class Only;
        }
        """");

    [Fact]
    public void RunMounts() => Verify("""
        [CacheMount("/root/.cache/pip", Id = "pip", Sharing = CacheSharing.Locked, Mode = "0755", Uid = 0, Gid = 0)]
        public partial class PipCache;

        [CacheMount("/go/pkg/mod", Sharing = CacheSharing.Shared, ReadOnly = true, From = typeof(Deps), Source = "/go/pkg/mod")]
        public partial class GoModules;

        [SecretMount("npmrc", Target = "/root/.npmrc", Required = true, Mode = "0400", Uid = 1000, Gid = 1000)]
        public partial class NpmToken;

        [SecretMount("api_key", Env = "API_KEY")]
        public partial class ApiKey;

        [SshMount(Id = "github", Target = "/run/ssh.sock", Required = true)]
        public partial class GitSsh;

        [BindMount("/src", Source = "src", ReadWrite = true)]
        public partial class Sources;

        [BindMount("/deps", From = typeof(Deps), Source = "/go")]
        public partial class DepsBind;

        [TmpfsMount("/tmp/work", Size = 67108864)]
        public partial class Scratch;

        [Stage(From = "golang:1.22")]
        [Run("go mod download")]
        public partial class Deps;

        [Dockerfile("Dockerfile")]
        public partial class Mounts
        {
            [Stage(From = typeof(Deps))]
            [Run("pip install -r requirements.txt", Mounts = new[] { typeof(PipCache), typeof(Sources) })]
            [Run("go build ./...", Mounts = new[] { typeof(GoModules), typeof(DepsBind), typeof(Scratch) })]
            [Run("npm ci", Mounts = new[] { typeof(NpmToken), typeof(ApiKey), typeof(GitSsh) })]
            public partial class Build;
        }
        """);

    [Fact]
    public void CopyAndAdd() => Verify(""""
        [Dockerfile("Dockerfile")]
        public partial class Copies
        {
            [Stage(From = "alpine:3.20")]
            [Run("make")]
            public partial class Build;

            [Stage(From = "alpine:3.20")]
            [Copy("a.txt", "/a.txt")]
            [Copy(new[] { "b.txt", "c/*.json" }, "/data/", Chown = "app:app", Chmod = "0644", Link = true)]
            [Copy("/out", "/opt/out", From = typeof(Build))]
            [Copy("/etc/nginx/nginx.conf", "/etc/nginx/", From = "nginx:1.27-alpine")]
            [CopyFrom(typeof(Build), "/bin/tool", "/usr/local/bin/tool", Chmod = "0755", Link = true)]
            [CopyHeredoc("/etc/motd", """
                Welcome.
                Variables like $HOME stay literal here.
                """, Chmod = "0644")]
            [Add("https://example.com/tool.tgz", "/opt/", Checksum = "sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d")]
            [Add("git@github.com:example/repo.git#v1.0.0", "/src/", KeepGitDir = true)]
            [Add("vendor.tar.gz", "/vendor/", Chown = "1000:1000", Link = true)]
            [Add("https://example.com/data.tar.gz", "/data/", Checksum = "sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d", Unpack = true)]
            [Add("image.tar", "/images/", Unpack = false)]
            public partial class Final;
        }
        """");

    [Fact]
    public void ChownFollowsTheStageUser() => Verify("""
        [Dockerfile("Dockerfile")]
        public partial class Ownership
        {
            [Stage(From = "debian:bookworm-slim")]
            [Copy("before/", "/before/")]
            [NonRootUser("app", Uid = 10001)]
            [Copy("after/", "/after/")]
            [Copy("explicit/", "/explicit/", Chown = "0:0")]
            [Copy("opt-out/", "/opt-out/", ChownToUser = false)]
            public partial class Base;

            [Stage(From = typeof(Base))]
            [Copy("inherited/", "/inherited/")]
            [User("root")]
            [Copy("as-root/", "/as-root/")]
            [User(2000, 2000)]
            [CopyHeredoc("/numeric.txt", "numeric user\n")]
            public partial class Derived;
        }
        """);

    [Fact]
    public void MetadataAndRuntimeInstructions() => Verify("""
        [Dockerfile("Dockerfile")]
        public partial class Runtime
        {
            [Stage(From = "debian:bookworm-slim")]
            [Env("GREETING", "say \"hi\" for $5 \\ more")]
            [Env("PATH", "/opt/bin:${PATH}", Expand = true)]
            [Label("org.opencontainers.image.description", "An image with \"quotes\" and $dollars")]
            [WorkDir("/srv")]
            [User("www-data", Group = "www-data")]
            [Expose(8080)]
            [Expose(5353, Protocol = ExposeProtocol.Udp)]
            [Expose("53/udp", "8000-8010/tcp", "$ADMIN_PORT")]
            [Volume("/data", "/logs")]
            [StopSignal("SIGINT")]
            [OnBuild("COPY . /app")]
            [Instruction("MAINTAINER nobody@example.com")]
            [EntrypointShell("exec /srv/start.sh")]
            [CmdShell("--verbose")]
            public partial class Shells;

            [Stage(From = typeof(Shells))]
            [HealthCheck(new[] { "/srv/healthcheck", "--quick" }, Interval = "10s", Timeout = "2s", StartPeriod = "1m30s", StartInterval = "500ms", Retries = 5)]
            public partial class ExecHealth;

            [Stage(From = typeof(ExecHealth))]
            [NoHealthCheck]
            [Entrypoint("/srv/start")]
            [Cmd("--port", "8080")]
            public partial class NoHealth;
        }
        """);

    [Fact]
    public void Helpers() => Verify("""
        [Dockerfile("Dockerfile")]
        public partial class HelperExpansions
        {
            [Stage(From = "debian:bookworm-slim")]
            [AptInstall("build-essential", "ccache", "libssl-dev=3.0.15-1~deb12u1", "libc6:amd64")]
            [Ccache(Directory = "/var/cache/ccache", Id = "native-ccache", MaxSize = "2G")]
            [Run("make -j2")]
            [RunExec("make", "install")]
            [StripDebugSymbols("/usr/local/lib")]
            public partial class Native;

            [Stage(From = typeof(Native))]
            [Run("make plugins")]
            [NonRootUser("svc", Uid = 2001, Gid = 3001, Group = "services", Home = "/home/svc")]
            [Copy("config/", "/home/svc/config/")]
            public partial class Service;
        }
        """);

    /// <summary>
    /// [NonRootUser] on a base of each family, inferred from the image (and through a stage built FROM another) or
    /// stated, with a system and a regular user, a home created, a home only recorded, and none.
    /// </summary>
    [Fact]
    public void NonRootUserPerFamily() => Verify("""
        [Dockerfile("Dockerfile")]
        public partial class Families
        {
            [Stage(From = "debian:bookworm-slim")]
            [NonRootUser("app", Uid = 10001)]
            public partial class Debian;

            [Stage(From = "ubuntu:24.04")]
            [NonRootUser("dev", Uid = 1500, System = false, Home = "/home/dev")]
            public partial class Ubuntu;

            [Stage(From = "alpine:3.21")]
            [NonRootUser("app", Uid = 10001)]
            public partial class Alpine;

            [Stage(From = typeof(Alpine))]
            [NonRootUser("web", Uid = 2000, Gid = 2001, Group = "www", Home = "/srv/web", System = false)]
            public partial class AlpineDerived;

            [Stage(From = "busybox:1.36")]
            [NonRootUser("www", Uid = 10101, Home = "/var/www")]
            public partial class Busybox;

            [Stage(From = "fedora:41")]
            [NonRootUser("app", Uid = 10001, Home = "/opt/app", CreateHome = false)]
            public partial class Fedora;

            [Stage(From = "registry.access.redhat.com/ubi9/ubi:9.5")]
            [NonRootUser("app", Uid = 10001, Home = "/home/app")]
            public partial class Ubi;

            [Stage(From = "registry.access.redhat.com/ubi9/ubi-minimal:9.5")]
            [NonRootUser("app", Uid = 10001)]
            public partial class UbiMinimal;

            [Stage(From = "gcr.io/distroless/static-debian12")]
            [NonRootUser("app", Uid = 65532)]
            public partial class Distroless;

            [Stage(From = "mcr.microsoft.com/dotnet/runtime-deps:10.0-noble-chiseled")]
            [NonRootUser("app", Uid = 1654, Home = "/home/app", CreateHome = false)]
            public partial class Chiseled;

            [Stage(From = "registry.example.com/team/base:1")]
            [NonRootUser("app", Uid = 10001, Family = BaseFamily.Alpine)]
            public partial class Stated;
        }
        """);

    /// <summary>The package helpers on their families: apt with commands after the install, apk, dnf and microdnf (chosen by the family or stated), pinned and not.</summary>
    [Fact]
    public void PackageHelpersPerFamily() => Verify("""
        [Dockerfile("Dockerfile")]
        public partial class Packages
        {
            [Stage(From = "debian:bookworm-slim")]
            [AptInstall("nginx-light=1.22.1-9+deb12u1", "curl", Then = new[] { "rm -f /etc/nginx/sites-enabled/default", "nginx -t" })]
            public partial class Debian;

            [Stage(From = "alpine:3.21")]
            [ApkInstall("nginx=1.26.3-r0", "curl", "tzdata~2025")]
            public partial class Alpine;

            [Stage(From = "fedora:41")]
            [DnfInstall("nginx-1.26.3", "curl")]
            public partial class Fedora;

            [Stage(From = "registry.access.redhat.com/ubi9/ubi-minimal:9.5")]
            [DnfInstall("nginx-1:1.20.1-16.el9_4.1", "shadow-utils")]
            public partial class UbiMinimal;

            [Stage(From = "amazonlinux:2023")]
            [DnfInstall("nginx", Manager = RpmManager.Dnf)]
            public partial class AmazonLinux;

            [Stage(From = "amazonlinux:2023")]
            [DnfInstall("nginx")]
            public partial class AmazonLinuxByName;

            [Stage(From = "mcr.microsoft.com/azurelinux/base/core:3.0")]
            [DnfInstall("ca-certificates", "tar")]
            public partial class AzureLinux;

            [Stage(From = "mcr.microsoft.com/dotnet/runtime-deps:10.0-azurelinux3.0")]
            [DnfInstall("icu")]
            public partial class DotNetAzureLinux;

            [Stage(From = "registry.example.com/team/rpm:1")]
            [DnfInstall("curl", Manager = RpmManager.Tdnf, Family = BaseFamily.RedHatMinimal)]
            public partial class StatedTdnf;

            [Stage(From = "registry.example.com/team/base:1")]
            [ApkInstall("curl")]
            public partial class Unknown;
        }
        """);

    [Fact]
    public void GlobalNamespaceAndNestedContainers() => Verify("""
        public partial class Outer
        {
            internal partial record Images
            {
                [Dockerfile("images/Dockerfile")]
                private partial class Tool
                {
                    [Stage(From = "alpine:3.20")]
                    [Cmd("tool")]
                    public partial class Image;
                }
            }
        }
        """);

    [Theory]
    [InlineData("new[] { \"a.txt\", \"b.txt\" }, \"/app\"", "COPY a.txt b.txt /app/\n")]
    [InlineData("new[] { \"a.txt\", \"b.txt\" }, \"/app/\"", "COPY a.txt b.txt /app/\n")]
    [InlineData("new[] { \"a.txt\" }, \"/app\"", "COPY a.txt /app\n")]
    [InlineData("\"a.txt\", \"/app\"", "COPY a.txt /app\n")]
    public void SeveralSourcesGoIntoADirectoryWrittenWithATrailingSlash(string arguments, string expected)
    {
        var (result, _) = GeneratorHarness.Run(GeneratedOutput.Usings + $$"""
            [Dockerfile("Dockerfile")]
            public partial class App
            {
                [Stage(From = "alpine:3.20")]
                [Copy({{arguments}})]
                public partial class Final;
            }
            """);

        Assert.Contains("\n" + expected, GeneratorHarness.DockerfileText(result));
    }
}

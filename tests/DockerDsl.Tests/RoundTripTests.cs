using System.Collections.Generic;
using System.Linq;
using DockerDsl.Core.Emit;
using DockerDsl.Core.Model;
using DockerDsl.Tests.Infrastructure;

namespace DockerDsl.Tests;

/// <summary>
/// Each form of the attribute surface, emitted and read back with the Dockerfile text front end, gives the
/// model the declarations gave: the text means what the declaration says, and the importer can write it back.
/// </summary>
public class RoundTripTests
{
    public static TheoryData<string, string> Forms => new()
    {
        { "variables in paths", S("""[WorkDir("$GOPATH")][Copy("${SRC}/", "$GOPATH/src/")][Volume("$PGDATA", "${LOGS:-/logs}")]""") },
        { "variables in users", S("""[User("$APP_UID")][User("${UID}", Group = "${GID}")][Copy("a", "/a", Chown = "${UID}:${GID}", Chmod = "$MODE")]""") },
        { "variables in flags", S("""[Copy("/out", "/out", From = "${BUILDER_IMAGE}")][StopSignal("$STOP")][Add("https://example.com/a.tgz", "/a/", Checksum = "$SUM")]""") },
        { "variables in mounts", "[CacheMount(\"${CACHE_DIR}\", Id = \"cache-$TARGETARCH\")] public partial class M; " + S("""[Run("make", Mounts = new[] { typeof(M) })]""") },
        { "variables in FROM", """[Stage(From = "${REGISTRY}/library/debian:${TAG}", Platform = "$PLATFORM")][Cmd("x")] public partial class S;""" },
        { "variables in FROM as real files write them", """[Stage(From = "${GOLANG_IMAGE}:${GOLANG_VERSION}")] public partial class A; [Stage(From = "golang:${GO_VERSION}-alpine${ALPINE_VERSION}", Platform = "$BUILDPLATFORM")] public partial class B; [Stage(From = "$REPO:10.0.11-alpine3.24-arm64v8")] public partial class C; [Stage(From = "quay.io/prometheus/busybox-${OS}-${ARCH}:latest")] public partial class E; [Stage(From = "${TARGETARCH}-archive")][Cmd("x")] public partial class F;""" },
        { "JSON-form paths", S("""[Copy("my file.txt", "/srv/my dir/")][Copy(new[] { "a b", "c" }, "/d e")][CopyFrom("mcr.microsoft.com/powershell:7.4-nanoserver", "/powershell", "/Program Files/powershell", Link = true)][Add("release notes.txt", "/doc/")]""") },
        { "a path with a tab", S("""[Copy("a\tb", "/c")]""") },
        { "RUN devices", S("""[Run("nvidia-smi", Devices = new[] { "nvidia.com/gpu=all", "vendor1.com/device=foo,required" })][RunExec("make", "test", Devices = new[] { "class1" })][RunHeredoc("make\n", Devices = new[] { "vendor1.com/device=*" })]""") },
        { "ADD --unpack", S("""[Add("https://example.com/a.tar.gz", "/opt/", Unpack = true)][Add("app.tar", "/opt/app.tar", Unpack = false)]""") },
        { "relative and absent mount targets", "[BindMount(\".\", ReadWrite = true)] public partial class Context; [BindMount(From = \"golang:1.23\")] public partial class Binary; [CacheMount(\"uv.lock\")] public partial class Lock; [TmpfsMount(\"tmp\")] public partial class Tmp; " + S("""[WorkDir("/src")][Run("make", Mounts = new[] { typeof(Context), typeof(Lock) })][Run("ls", Mounts = new[] { typeof(Binary), typeof(Tmp) })]""") },
        { "ARG defaults with variables", """[BuildArg(Name = "TARGETOS")] public partial class TargetOs; [BuildArg(Default = "${TARGETOS}-${TARGETARCH}${TARGETVARIANT}", Expand = true)] public partial class LdTarget; [BuildArg(Default = "cost $5")] public partial class Price; [Arg(typeof(TargetOs))][Arg(typeof(LdTarget))][Arg(typeof(Price))][Stage(From = "alpine:3.20")][Arg(typeof(LdTarget))][Cmd("x")] public partial class S;""" },
        { "several sources into the working directory", S("""[WorkDir("/src")][Copy(new[] { "go.mod", "go.sum" }, ".")]""") },
        { "heredoc markers", S("""[RunHeredoc("\techo hi\n", Marker = "-'EOT'")][RunHeredoc("echo $HOME\n", Marker = "EOT")][CopyHeredoc("/a", "$HOME\n", Marker = "EOF")][CopyHeredoc("/b", "x\n", Marker = "\"EOF\"")][CopyHeredoc("/c", "EOF\n")][CopyHeredoc("/d", "x\n", Link = true, Chmod = "0755")]""") },
        { "HEALTHCHECK forms", """[Stage(From = "alpine:3.20")][HealthCheck(new[] { "curl", "-f", "http://localhost/" }, Interval = "30s", Timeout = "3s", StartPeriod = "5s", StartInterval = "1s", Retries = 0)] public partial class A; [Stage(From = typeof(A))][HealthCheck("curl -f http://localhost/ || exit 1", Retries = 3)] public partial class B; [Stage(From = typeof(B))][NoHealthCheck] public partial class C;""" },
        { "symbolic file modes", S("""[Copy("bin/", "/usr/local/bin/", Chmod = "a=rX,u+w")][Add("https://example.com/tool", "/usr/local/bin/tool", Chmod = "+x")]""") },
        { "ONBUILD triggers", S("""[OnBuild("COPY . /app/")][OnBuild("RUN --mount=type=cache,target=/root/.cache make")][OnBuild("HEALTHCHECK CMD [\"curl\", \"-f\", \"http://localhost/\"]")][OnBuild("EXPOSE 80 53/udp")]""") },
        { "a heredoc a command reads", S("""[RunHeredoc("print('hi')\n", Command = "python3")][RunHeredoc("make\n", Command = "bash -e", Marker = "'EOT'")]""") },
        { "empty exec forms", S("""[Entrypoint][Cmd()]""") },
        { "EXPOSE ports", S("""[Expose(80, 443)][Expose(5353, 5354, Protocol = ExposeProtocol.Udp)][Expose(9899, Protocol = ExposeProtocol.Sctp)][Expose("53/udp", "8000-8010/tcp", "$PORT", "${ADMIN_PORT:-9000}/tcp")]""") },
        { "several ENV and LABEL pairs", S("""[Env("A", "1", "B", "$A", Expand = true)][Env("C", "say \"$HOME\"", "D", "")][Label("a", "1", "b.c/d", "two words", Expand = true)]""") },
    };

    [Theory]
    [MemberData(nameof(Forms))]
    public void The_text_reader_reads_the_emitted_Dockerfile_into_the_declared_model(string form, string body)
    {
        var model = GeneratorHarness.Parse(GeneratedOutput.Usings + $"[Dockerfile(\"Dockerfile\")] public partial class D {{ {body} }}");
        Assert.True(model.Problems.IsEmpty, form + ": " + string.Join("; ", model.Problems.Select(p => p.Message)));

        var text = DockerfileEmitter.Emit(model);
        var read = Core.Text.DockerfileReader.Read("Dockerfile", text).Model;

        Assert.DoesNotContain(read.Stages.SelectMany(s => s.Instructions), i => i is RawInstruction);
        Assert.True(
            Shape(model).SequenceEqual(Shape(read)),
            $"{form}: the text reads back as another model.\n--- emitted ---\n{text}\n--- read back, emitted again ---\n{DockerfileEmitter.Emit(read)}");
    }

    private static string S(string attributes) => $"[Stage(From = \"alpine:3.20\")]{attributes} public partial class S;";

    // What the text says, without where each part came from.
    private static IEnumerable<object> Shape(DockerfileModel model)
    {
        foreach (var arg in model.GlobalArgs)
        {
            yield return arg with { Source = default };
        }

        foreach (var stage in model.Stages)
        {
            yield return (stage.Name, stage.Base, stage.Platform);
            foreach (var instruction in stage.Instructions)
            {
                yield return instruction switch
                {
                    RunInstruction run => run with { Source = default, Mounts = run.Mounts.Select(m => m with { Source = default }).ToEquatableArray() },
                    OnBuildInstruction onBuild => onBuild with { Source = default, Instruction = onBuild.Instruction is RunInstruction r ? r with { Source = default, Mounts = r.Mounts.Select(m => m with { Source = default }).ToEquatableArray() } : onBuild.Instruction! with { Source = default } },
                    _ => instruction with { Source = default },
                };
            }
        }
    }
}

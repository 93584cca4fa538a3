using System.Threading.Tasks;
using DockerDsl.Analyzers.Rules;
using DockerDsl.Analyzers.Tests.Infrastructure;
using static DockerDsl.Analyzers.Tests.Rules.InstructionTests;

namespace DockerDsl.Analyzers.Tests.Rules;

/// <summary>The rules on package managers in RUN text.</summary>
public class PackageManagerTests
{
    [Theory]
    [InlineData("apk add curl=8.14.1-r1")]
    [InlineData("apk add --update curl=8.14.1-r1")]
    [InlineData("apk -U add curl=8.14.1-r1")]
    [InlineData("apk update && apk add curl=8.14.1-r1 && rm -rf /var/cache/apk/*")]
    [InlineData("apk --repository http://dl-cdn.alpinelinux.org/alpine/edge/testing add curl")]
    [InlineData("/sbin/apk add -t .build-deps gcc")]
    public Task Apk_add_without_no_cache(string command) =>
        Verify<ApkAddWithoutNoCacheAnalyzer>.AnalyzeAsync(Stage($"[Run({{|DDSL026:\"{command}\"|}})]"));

    [Fact]
    public Task Apk_add_without_no_cache_names_the_command() =>
        Verify<ApkAddWithoutNoCacheAnalyzer>.AnalyzeAsync(
            Stage("[Run({|#0:\"apk update\", \"apk add curl\"|})]"),
            Verify<ApkAddWithoutNoCacheAnalyzer>.Diagnostic("DDSL026").WithLocation(0).WithArguments("apk add curl"));

    [Theory]
    [InlineData("[Run(\"apk add --no-cache curl\")]")]
    [InlineData("[Run(\"apk --no-cache add curl\")]")]
    [InlineData("[Run(\"apk add curl --no-cache\")]")]
    [InlineData("[Run(\"apk del curl\")]")]
    [InlineData("[Run(\"apk info -v\")]")]
    [InlineData("[Run(\"echo apk add curl\")]")]
    [InlineData("[RunExec(\"apk\", \"add\", \"curl\")]")]
    [InlineData("[Instruction(\"RUN --mount=type=cache,target=/var/cache/apk,sharing=locked apk add curl\")]")]
    public Task Apk_with_no_cache_or_without_add_is_fine(string attributes) =>
        Verify<ApkAddWithoutNoCacheAnalyzer>.AnalyzeAsync(Stage(attributes));

    [Theory]
    [InlineData("/var/cache/apk")]
    [InlineData("/var/cache/apk/")]
    public Task A_cache_mount_at_the_apk_cache_keeps_the_index_out_of_the_layer(string target) =>
        Verify<ApkAddWithoutNoCacheAnalyzer>.AnalyzeAsync(Stage(
            """
            [Run("apk update", "apk add curl", Mounts = new[] { typeof(ApkCache) })]
            [Run({|DDSL026:"apk add git"|}, Mounts = new[] { typeof(Other) })]
            """,
            $$"""
            [CacheMount("{{target}}", Sharing = CacheSharing.Locked)] public partial class ApkCache;
                [CacheMount("/root/.cache", Sharing = CacheSharing.Locked)] public partial class Other;
            """));

    [Fact]
    public Task Apk_add_is_reported_also_in_raw_and_heredoc_runs() =>
        Verify<ApkAddWithoutNoCacheAnalyzer>.AnalyzeAsync(Stage("""
            [Instruction({|DDSL026:"RUN --network=host apk add curl"|})]
            [Instruction({|DDSL026:"RUN --mount=type=bind,target=/var/cache/apk apk add curl"|})]
            [RunHeredoc({|DDSL026:"set -e\napk update\napk add curl\n"|})]
            """));

    [Theory]
    [InlineData("pip install flask==3.0.3")]
    [InlineData("pip3 install flask==3.0.3")]
    [InlineData("pip3.12 install -U pip")]
    [InlineData("python -m pip install flask==3.0.3")]
    [InlineData("python3 -m pip install --upgrade pip==24.2")]
    [InlineData("/opt/venv/bin/pip install -r requirements.txt")]
    [InlineData("pip --disable-pip-version-check install -e .")]
    [InlineData("python3 -m venv /opt/venv && /opt/venv/bin/pip install flask==3.0.3")]
    public Task Pip_install_without_no_cache_dir(string command) =>
        Verify<PipInstallWithoutNoCacheDirAnalyzer>.AnalyzeAsync(Stage($"[Run({{|DDSL027:\"{command}\"|}})]"));

    [Fact]
    public Task Pip_install_without_no_cache_dir_names_the_command() =>
        Verify<PipInstallWithoutNoCacheDirAnalyzer>.AnalyzeAsync(
            Stage("[Run({|#0:\"python -m pip install -r requirements.txt\"|})]"),
            Verify<PipInstallWithoutNoCacheDirAnalyzer>.Diagnostic("DDSL027").WithLocation(0).WithArguments("python -m pip install -r requirements.txt"));

    [Theory]
    [InlineData("[Run(\"pip install --no-cache-dir flask==3.0.3\")]")]
    [InlineData("[Run(\"pip --no-cache-dir install flask==3.0.3\")]")]
    [InlineData("[Run(\"python3 -m pip install -r requirements.txt --no-cache-dir\")]")]
    [InlineData("[Run(\"PIP_NO_CACHE_DIR=1 pip install flask==3.0.3\")]")]
    [InlineData("[Run(\"export PIP_NO_CACHE_DIR=1\", \"pip install flask==3.0.3\")]")]
    [InlineData("[Env(\"PIP_NO_CACHE_DIR\", \"1\")]\n[Run(\"pip install flask==3.0.3\")]")]
    [InlineData("[Instruction(\"ENV PIP_NO_CACHE_DIR=off\")]\n[Run(\"pip install flask==3.0.3\")]")]
    [InlineData("[Run(\"pip download flask==3.0.3\")]")]
    [InlineData("[Run(\"pipx install black\")]")]
    [InlineData("[Run(\"pipenv install\")]")]
    [InlineData("[Run(\"echo pip install flask\")]")]
    [InlineData("[Instruction(\"RUN --mount=type=cache,target=/root/.cache/pip,sharing=locked pip install flask==3.0.3\")]")]
    public Task Pip_with_its_cache_off_is_fine(string attributes) =>
        Verify<PipInstallWithoutNoCacheDirAnalyzer>.AnalyzeAsync(Stage(attributes));

    [Fact]
    public Task Pip_no_cache_dir_is_inherited_from_the_base_stage_and_an_empty_value_turns_it_on() =>
        Verify<PipInstallWithoutNoCacheDirAnalyzer>.AnalyzeAsync("""
            using DockerDsl;

            [Dockerfile("Dockerfile")]
            public partial class App
            {
                [Stage(From = "python:3.12-slim")]
                [Env("PIP_NO_CACHE_DIR", "1")]
                public partial class Base;

                [Stage(From = typeof(Base))]
                [WorkDir("/app")]
                [Run("pip install flask==3.0.3")]
                public partial class Final;

                [Stage(From = typeof(Base))]
                [WorkDir("/app")]
                [Env("PIP_NO_CACHE_DIR", "")]
                [Run({|DDSL027:"pip install flask==3.0.3"|})]
                public partial class Tests;

                [Stage(From = "python:3.12-slim")]
                [WorkDir("/app")]
                [Run({|DDSL027:"pip install flask==3.0.3"|})]
                [Env("PIP_NO_CACHE_DIR", "1")]
                public partial class Other;
            }
            """);

    [Theory]
    [InlineData("/root/.cache/pip")]
    [InlineData("/home/app/.cache/pip/")]
    public Task A_cache_mount_at_pips_cache_folder_keeps_the_downloads_out_of_the_layer(string target) =>
        Verify<PipInstallWithoutNoCacheDirAnalyzer>.AnalyzeAsync(Stage(
            """
            [Run("pip install -r requirements.txt", Mounts = new[] { typeof(PipCache) })]
            [Run({|DDSL027:"pip install -r requirements.txt"|}, Mounts = new[] { typeof(Other) })]
            """,
            $$"""
            [CacheMount("{{target}}", Sharing = CacheSharing.Locked)] public partial class PipCache;
                [CacheMount("/root/.cache", Sharing = CacheSharing.Locked)] public partial class Other;
            """));

    [Fact]
    public Task Pip_install_is_reported_also_in_raw_and_heredoc_runs() =>
        Verify<PipInstallWithoutNoCacheDirAnalyzer>.AnalyzeAsync(Stage("""
            [Instruction({|DDSL027:"RUN pip install flask==3.0.3"|})]
            [RunHeredoc({|DDSL027:"set -e\npython3 -m pip install -r requirements.txt\n"|})]
            """));

    [Fact]
    public Task Pragma_suppresses_pip_install_without_no_cache_dir() =>
        Verify<PipInstallWithoutNoCacheDirAnalyzer>.AnalyzeAsync("""
            using DockerDsl;

            [Dockerfile("Dockerfile")]
            public partial class App
            {
                [Stage(From = "python:3.12-slim")]
                [WorkDir("/app")]
            #pragma warning disable DDSL027 // a throw-away build stage
                [Run("pip install -r requirements.txt")]
            #pragma warning restore DDSL027
                public partial class Final;
            }
            """);
}

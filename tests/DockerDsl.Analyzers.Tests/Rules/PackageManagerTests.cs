using System.Threading.Tasks;
using DockerDsl.Analyzers.Rules;
using DockerDsl.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using static DockerDsl.Analyzers.Tests.Rules.InstructionTests;

namespace DockerDsl.Analyzers.Tests.Rules;

/// <summary>The rules on package managers in RUN text.</summary>
public class PackageManagerTests
{
    private static DiagnosticResult Unpinned(int location, string manager, string packages, string pinned) =>
        new DiagnosticResult("DDSL028", DiagnosticSeverity.Info).WithLocation(location).WithArguments(manager, packages, pinned);

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

    [Theory]
    [InlineData("apt-get install -y --no-install-recommends curl", "apt-get", "'curl'", "curl=<version>")]
    [InlineData("apt-get -t bookworm-backports install -y curl=7.88.1-10 git", "apt-get", "'git'", "git=<version>")]
    [InlineData("apt-get install -y -o Dpkg::Options::=--force-confold libc6:amd64 > /dev/null", "apt-get", "'libc6:amd64'", "libc6:amd64=<version>")]
    [InlineData("apk add --no-cache -t .build-deps gcc musl-dev=1.2.5-r0", "apk", "'gcc'", "gcc=<version>")]
    [InlineData("apk --no-cache -X https://dl-cdn.alpinelinux.org/alpine/edge/testing add curl", "apk", "'curl'", "curl=<version>")]
    [InlineData("pip install --no-cache-dir flask requests[socks] gunicorn==23.0.0", "pip", "'flask', 'requests[socks]'", "flask==<version>")]
    [InlineData("python3 -m pip install --no-cache-dir -i https://pypi.org/simple --upgrade pip", "pip", "'pip'", "pip==<version>")]
    [InlineData("npm install -g express", "npm", "'express'", "express@<version>")]
    [InlineData("npm i --prefix /opt/app @types/node typescript@5.6.2", "npm", "'@types/node'", "@types/node@<version>")]
    [InlineData("npm add lodash@latest", "npm", "'lodash@latest'", "lodash@<version>")]
    [InlineData("gem install --no-document bundler", "gem", "'bundler'", "bundler:<version>")]
    [InlineData("gem install -i /opt/gems rails rack:3.1.7 puma sinatra nokogiri", "gem", "'rails', 'puma', 'sinatra' and 1 more", "rails:<version>")]
    public Task Unpinned_packages_are_reported(string command, string manager, string packages, string pinned) =>
        Verify<UnpinnedPackageAnalyzer>.AnalyzeAsync(
            Stage($"[Run({{|#0:\"{command}\"|}})]"),
            Unpinned(0, manager, packages, pinned));

    [Theory]
    [InlineData("apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u12 libc6:amd64=2.36-9")]
    [InlineData("apt-get install -y -t bookworm-backports curl=8.11.1-1~bpo12+1")]
    [InlineData("apt-get install -y ./vendor/tool_1.0_amd64.deb curl/bookworm-backports")]
    [InlineData("apt-get install -y $PACKAGES")]
    [InlineData("apt-get update")]
    [InlineData("apk add --no-cache curl=8.14.1-r1 git~=2.45 'bash>5.2' 'zlib<2'")]
    [InlineData("apk add --no-cache --virtual .build-deps gcc=13.2.1_git20240309-r1")]
    [InlineData("pip install --no-cache-dir flask==3.0.3 'requests>=2.32,<3' pydantic~=2.9 attrs!=24.1 'idna<=3.10'")]
    [InlineData("pip install --no-cache-dir -r requirements.txt")]
    [InlineData("pip install --no-cache-dir --requirement=requirements.txt flask")]
    [InlineData("pip install --no-cache-dir -c constraints.txt flask")]
    [InlineData("pip install --no-cache-dir .")]
    [InlineData("pip install --no-cache-dir -e ./src")]
    [InlineData("pip install --no-cache-dir ./dist/app-1.0-py3-none-any.whl https://example.com/pkg-1.0.tar.gz")]
    [InlineData("pip install --no-cache-dir app @ git+https://github.com/example/app@v1.0")]
    [InlineData("npm install")]
    [InlineData("npm ci --omit dev")]
    [InlineData("npm install --omit dev express@4.21.2 @types/node@22.7.4 ./local-pkg ../other.tgz")]
    [InlineData("npm install -g npm@10.9.0 github:example/tool#v1.2.0")]
    [InlineData("npm run build")]
    [InlineData("gem install bundler:2.5.21 rake:13.2.1")]
    [InlineData("gem install bundler -v 2.5.21")]
    [InlineData("gem install --version=2.5.21 bundler")]
    [InlineData("gem install ./vendor/tool-1.0.gem")]
    [InlineData("gem install nokogiri:1.16.7 -- --use-system-libraries")]
    [InlineData("echo apt-get install curl")]
    public Task Pinned_packages_and_other_sources_are_fine(string command) =>
        Verify<UnpinnedPackageAnalyzer>.AnalyzeAsync(Stage($"[Run(\"{command}\")]"));

    [Fact]
    public Task Apt_install_packages_are_judged_and_a_pinned_one_passes_through() =>
        Verify<UnpinnedPackageAnalyzer>.AnalyzeAsync(
            Stage("""
                [AptInstall({|#0:"curl", "libssl3=3.0.15-1~deb12u1"|})]
                [AptInstall("git=1:2.39.5-0+deb12u1", "libc6:amd64=2.36-9+deb12u9")]
                """),
            Unpinned(0, "apt-get", "'curl'", "curl=<version>"));

    [Fact]
    public Task Unpinned_packages_are_reported_also_in_raw_and_heredoc_runs() =>
        Verify<UnpinnedPackageAnalyzer>.AnalyzeAsync(
            Stage("""
                [Instruction({|#0:"RUN --mount=type=cache,target=/root/.npm,sharing=locked npm install -g pnpm"|})]
                [RunHeredoc({|#1:"set -e\napk add --no-cache \\\n    curl=8.14.1-r1 \\\n    git\n"|})]
                """),
            Unpinned(0, "npm", "'pnpm'", "pnpm@<version>"),
            Unpinned(1, "apk", "'git'", "git=<version>"));

    [Fact]
    public Task Editorconfig_raises_unpinned_packages_to_a_warning() =>
        Verify<UnpinnedPackageAnalyzer>.AnalyzeAsync(
            Stage("[Run({|#0:\"gem install rails\"|})]"),
            "root = true\n\n[*.cs]\ndotnet_diagnostic.DDSL028.severity = warning\n",
            Verify<UnpinnedPackageAnalyzer>.Diagnostic("DDSL028").WithLocation(0).WithArguments("gem", "'rails'", "rails:<version>"));

    [Theory]
    [InlineData("[Run(\"npm install '' \\\"\\\"\")]")]
    [InlineData("[Run(\"apk\", \"python -m\", \"sudo\")]")]
    [InlineData("[Run(\"pip install 'flask\")]")]
    [InlineData("[Run(\"gem install --\", \"apt-get install -y -t\")]")]
    [InlineData("[Run(\"2> apt-get install > &> 2>&1 <\")]")]
    [InlineData("[RunHeredoc(\"pip install \\t fl\\rask \\u2028 @\\r\\n\")]")]
    [InlineData("[Instruction(\"RUN --mount=type=cache,target apk add x\")]")]
    [InlineData("[Instruction(\"RUN --mount=,,=,type=cache,target=/ pip install x\")]")]
    [InlineData("[Instruction(\"ENV PIP_NO_CACHE_DIR=\")]\n[Run(\"pip install x\")]")]
    public async Task Odd_package_commands_are_read_without_error(string attributes)
    {
        var diagnostics = await DeclarationRunner.DiagnosticsAsync(Stage(attributes));
        Assert.Contains(diagnostics, d => d.Id == "DDSL001"); // the analyzers ran: the declaration has no errors
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
    }
}

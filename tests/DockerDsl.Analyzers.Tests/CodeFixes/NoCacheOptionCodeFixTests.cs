using System.Threading.Tasks;
using DockerDsl.Analyzers.Rules;
using DockerDsl.Analyzers.Tests.Infrastructure;
using DockerDsl.CodeFixes;
using static DockerDsl.Analyzers.Tests.Rules.InstructionTests;

namespace DockerDsl.Analyzers.Tests.CodeFixes;

/// <summary>DDSL026 and DDSL027: the option goes into the string literal that holds the command, and the diagnostic goes away.</summary>
public class NoCacheOptionCodeFixTests
{
    [Theory]
    [InlineData("apk add curl", "apk add --no-cache curl")]
    [InlineData("apk --update add curl", "apk --update add --no-cache curl")]
    [InlineData("apk -X https://dl-cdn.alpinelinux.org/alpine/edge/testing add curl", "apk -X https://dl-cdn.alpinelinux.org/alpine/edge/testing add --no-cache curl")]
    [InlineData("/sbin/apk add -t .build-deps gcc", "/sbin/apk add --no-cache -t .build-deps gcc")]
    [InlineData("sudo -u root apk add curl", "sudo -u root apk add --no-cache curl")]
    [InlineData("apk update && apk add curl && apk add --no-cache git && apk add make", "apk update && apk add --no-cache curl && apk add --no-cache git && apk add --no-cache make")]
    [InlineData("if true; then apk add curl; fi", "if true; then apk add --no-cache curl; fi")]
    [InlineData("apk add", "apk add --no-cache")]
    public Task Apk_add_gets_no_cache_after_add(string command, string fixedCommand) =>
        VerifyFix<ApkAddWithoutNoCacheAnalyzer, AddApkNoCacheCodeFix>.FixAsync(
            Stage($"[Run({{|DDSL026:\"{command}\"|}})]"),
            Stage($"[Run(\"{fixedCommand}\")]"));

    [Theory]
    [InlineData("pip install flask==3.0.3", "pip install --no-cache-dir flask==3.0.3")]
    [InlineData("pip3 install -r requirements.txt", "pip3 install --no-cache-dir -r requirements.txt")]
    [InlineData("pip3.12 install -r requirements.txt", "pip3.12 install --no-cache-dir -r requirements.txt")]
    [InlineData("python -m pip install -r requirements.txt", "python -m pip install --no-cache-dir -r requirements.txt")]
    [InlineData("python3 -m pip install --upgrade pip==24.2", "python3 -m pip install --no-cache-dir --upgrade pip==24.2")]
    [InlineData("python3 -m venv /opt/venv && /opt/venv/bin/pip install flask==3.0.3", "python3 -m venv /opt/venv && /opt/venv/bin/pip install --no-cache-dir flask==3.0.3")]
    [InlineData("pip --disable-pip-version-check install -e .", "pip --disable-pip-version-check install --no-cache-dir -e .")]
    [InlineData("pip install -r a.txt && PIP_NO_CACHE_DIR=1 pip install -r b.txt", "pip install --no-cache-dir -r a.txt && PIP_NO_CACHE_DIR=1 pip install -r b.txt")]
    [InlineData("pip install -r a.txt; export PIP_NO_CACHE_DIR=1; pip install -r b.txt", "pip install --no-cache-dir -r a.txt; export PIP_NO_CACHE_DIR=1; pip install -r b.txt")]
    [InlineData("pip install -r a.txt && pip3 install -r b.txt", "pip install --no-cache-dir -r a.txt && pip3 install --no-cache-dir -r b.txt")]
    public Task Pip_install_gets_no_cache_dir_after_install(string command, string fixedCommand) =>
        VerifyFix<PipInstallWithoutNoCacheDirAnalyzer, AddPipNoCacheDirCodeFix>.FixAsync(
            Stage($"[Run({{|DDSL027:\"{command}\"|}})]"),
            Stage($"[Run(\"{fixedCommand}\")]"));

    [Fact]
    public Task The_fix_goes_into_the_command_string_at_fault() =>
        VerifyFix<ApkAddWithoutNoCacheAnalyzer, AddApkNoCacheCodeFix>.FixAsync(
            Stage("""
                [Run({|DDSL026:"apk update", "apk add curl"|})]
                [Run({|DDSL026:"apk add git", "echo apk add", "apk add make"|})]
                [Run({|DDSL026:new[] { "apk add --no-cache gcc", "apk add musl-dev" }|})]
                """),
            Stage("""
                [Run("apk update", "apk add --no-cache curl")]
                [Run("apk add --no-cache git", "echo apk add", "apk add --no-cache make")]
                [Run(new[] { "apk add --no-cache gcc", "apk add --no-cache musl-dev" })]
                """),
            diagnostics: 3);

    [Fact]
    public Task Pip_is_fixed_where_it_runs_with_its_cache_on_across_command_strings() =>
        VerifyFix<PipInstallWithoutNoCacheDirAnalyzer, AddPipNoCacheDirCodeFix>.FixAsync(
            Stage("""[Run({|DDSL027:"python3 -m venv /opt/venv", "/opt/venv/bin/pip install -r a.txt", "export PIP_NO_CACHE_DIR=1", "pip install -r b.txt"|})]"""),
            Stage("""[Run("python3 -m venv /opt/venv", "/opt/venv/bin/pip install --no-cache-dir -r a.txt", "export PIP_NO_CACHE_DIR=1", "pip install -r b.txt")]"""));

    [Fact]
    public Task Escapes_and_verbatim_literals_are_kept() =>
        VerifyFix<ApkAddWithoutNoCacheAnalyzer, AddApkNoCacheCodeFix>.FixAsync(
            Stage("""
                [Run({|DDSL026:"\u0061pk add \"curl\" 'git'"|})]
                [Run({|DDSL026:@"apk add ""curl"" \x"|})]
                [Run({|DDSL026:"apk\x0020add\x0020curl"|})]
                [Run({|DDSL026:"apk \"add\" curl"|})]
                """),
            Stage("""
                [Run("\u0061pk add --no-cache \"curl\" 'git'")]
                [Run(@"apk add --no-cache ""curl"" \x")]
                [Run("apk\x0020add --no-cache\x0020curl")]
                [Run("apk \"add\" --no-cache curl")]
                """),
            diagnostics: 4);

    [Fact]
    public Task Heredoc_and_raw_runs_are_fixed() =>
        VerifyFix<ApkAddWithoutNoCacheAnalyzer, AddApkNoCacheCodeFix>.FixAsync(
            Stage("""
                [Instruction({|DDSL026:"RUN --network=host apk add curl"|})]
                [Instruction({|DDSL026:"  run apk add git  "|})]
                [RunHeredoc({|DDSL026:"set -e\napk update\napk add curl\napk add git\n"|})]
                """),
            Stage("""
                [Instruction("RUN --network=host apk add --no-cache curl")]
                [Instruction("  run apk add --no-cache git  ")]
                [RunHeredoc("set -e\napk update\napk add --no-cache curl\napk add --no-cache git\n")]
                """),
            diagnostics: 3);

    [Fact]
    public Task Raw_string_literals_keep_their_indentation() =>
        VerifyFix<PipInstallWithoutNoCacheDirAnalyzer, AddPipNoCacheDirCodeFix>.FixAsync(
            """"
            using DockerDsl;

            [Dockerfile("Dockerfile")]
            public partial class App
            {
                [Stage(From = "python:3.12-slim")]
                [WorkDir("/app")]
                [Run({|DDSL027:"""pip install -r "requirements.txt" """|})]
                [RunHeredoc({|DDSL027:"""
                    set -e
                    python3 -m pip install -r requirements.txt

                      pip install "flask==3.0.3"
                    """|})]
                public partial class Final;
            }
            """",
            """"
            using DockerDsl;

            [Dockerfile("Dockerfile")]
            public partial class App
            {
                [Stage(From = "python:3.12-slim")]
                [WorkDir("/app")]
                [Run("""pip install --no-cache-dir -r "requirements.txt" """)]
                [RunHeredoc("""
                    set -e
                    python3 -m pip install --no-cache-dir -r requirements.txt

                      pip install --no-cache-dir "flask==3.0.3"
                    """)]
                public partial class Final;
            }
            """",
            diagnostics: 2);

    [Fact]
    public Task Line_breaks_and_whitespace_only_lines_are_kept() =>
        VerifyFix<ApkAddWithoutNoCacheAnalyzer, AddApkNoCacheCodeFix>.FixAsync(
            Stage(
                "[RunHeredoc({|DDSL026:\"\"\"\r\n    set -e\r\n      \r\n  \r\n    apk add curl\r\n    \"\"\"|})]\r\n" +
                "[RunHeredoc({|DDSL026:@\"set -e\r\napk add\r\n\"|})]\r\n" +
                "[Run({|DDSL026:\"echo \\U0001F600 && apk add curl\"|})]"),
            Stage(
                "[RunHeredoc(\"\"\"\r\n    set -e\r\n      \r\n  \r\n    apk add --no-cache curl\r\n    \"\"\")]\r\n" +
                "[RunHeredoc(@\"set -e\r\napk add --no-cache\r\n\")]\r\n" +
                "[Run(\"echo \\U0001F600 && apk add --no-cache curl\")]"),
            diagnostics: 3);

    [Fact]
    public Task Pip_in_raw_and_heredoc_runs_is_fixed() =>
        VerifyFix<PipInstallWithoutNoCacheDirAnalyzer, AddPipNoCacheDirCodeFix>.FixAsync(
            Stage("""
                [Instruction({|DDSL027:"RUN --mount=type=secret,id=pip pip install flask==3.0.3"|})]
                [RunHeredoc({|DDSL027:"set -e\npython3 -m pip install -r requirements.txt\n"|})]
                """),
            Stage("""
                [Instruction("RUN --mount=type=secret,id=pip pip install --no-cache-dir flask==3.0.3")]
                [RunHeredoc("set -e\npython3 -m pip install --no-cache-dir -r requirements.txt\n")]
                """),
            diagnostics: 2);

    [Fact]
    public Task No_fix_when_the_command_is_not_in_a_string_literal() =>
        VerifyFix<ApkAddWithoutNoCacheAnalyzer, AddApkNoCacheCodeFix>.NoFixAsync(Stage(
            """
            [Run({|DDSL026:Install|})]
            [Run({|DDSL026:"apk add " + "curl"|})]
            [Run({|DDSL026:$"apk add {Package}"|})]
            [Run({|DDSL026:"apk add git", Install|})]
            [RunHeredoc({|DDSL026:Script|})]
            """,
            """
            private const string Package = "curl";
            private const string Install = "apk add " + Package;
            private const string Script = "set -e\n" + Install + "\n";
            """));

    [Fact]
    public Task No_pip_fix_when_the_command_is_not_in_a_string_literal() =>
        VerifyFix<PipInstallWithoutNoCacheDirAnalyzer, AddPipNoCacheDirCodeFix>.NoFixAsync(Stage(
            """
            [Instruction({|DDSL027:"RUN " + Install|})]
            [Run({|DDSL027:"python3 -m venv /opt/venv", Install|})]
            """,
            """
            private const string Install = "pip install flask==3.0.3";
            """));

    [Fact]
    public Task No_fix_when_the_option_after_add_would_not_be_read_as_one() =>
        VerifyFix<ApkAddWithoutNoCacheAnalyzer, AddApkNoCacheCodeFix>.NoFixAsync(Stage("""[Run({|DDSL026:"apk -- add curl"|})]"""));
}

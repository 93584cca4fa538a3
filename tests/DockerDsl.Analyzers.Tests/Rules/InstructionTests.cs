using System.Threading.Tasks;
using DockerDsl.Analyzers.Rules;
using DockerDsl.Analyzers.Tests.Infrastructure;

namespace DockerDsl.Analyzers.Tests.Rules;

public class InstructionTests
{
    /// <summary>A Dockerfile whose final stage has <paramref name="attributes"/> (one per line) after a WORKDIR.</summary>
    internal static string Stage(string attributes, string extraMembers = "") => $$"""
        using DockerDsl;

        [Dockerfile("Dockerfile")]
        public partial class App
        {
            [Stage(From = "debian:bookworm-slim")]
            [WorkDir("/app")]
            {{attributes}}
            public partial class Final;
            {{extraMembers}}
        }
        """;

    [Theory]
    [InlineData("[{|#0:CmdShell(\"app --serve\")|}]", "CMD")]
    [InlineData("[{|#0:EntrypointShell(\"app\")|}]", "ENTRYPOINT")]
    [InlineData("[Instruction({|#0:\"CMD app --serve\"|})]", "CMD")]
    public Task Shell_form_commands_are_reported(string attribute, string keyword) =>
        Verify<ShellFormCommandAnalyzer>.AnalyzeAsync(Stage(attribute), Verify<ShellFormCommandAnalyzer>.Diagnostic("DDSL005").WithLocation(0).WithArguments(keyword));

    // BuildKit's JSONArgsRecommended: with a SHELL of its own, shell form runs what the stage chose.
    [Theory]
    [InlineData("[Shell(\"/bin/bash\", \"-c\")]\n[CmdShell(\"app --serve\")]")]
    [InlineData("[Shell(\"/bin/bash\", \"-c\")]\n[EntrypointShell(\"app\")]")]
    public Task Shell_form_after_a_shell_is_fine(string attributes) =>
        Verify<ShellFormCommandAnalyzer>.AnalyzeAsync(Stage(attributes));

    [Theory]
    [InlineData("[Cmd(\"app\", \"--serve\")]")]
    [InlineData("[Entrypoint(\"app\")]")]
    [InlineData("[Instruction(\"CMD [\\\"app\\\"]\")]")]
    public Task Exec_form_commands_are_fine(string attribute) =>
        Verify<ShellFormCommandAnalyzer>.AnalyzeAsync(Stage(attribute));

    [Theory]
    [InlineData("[Env({|#0:\"DATABASE_PASSWORD\"|}, \"x\")]", "ENV", "DATABASE_PASSWORD")]
    [InlineData("[Env({|#0:\"GITHUB_TOKEN\"|}, \"x\")]", "ENV", "GITHUB_TOKEN")]
    [InlineData("[{|#0:Arg(typeof(ApiKey))|}]", "ARG", "API_KEY")]
    [InlineData("[Env(\"MODE\", \"x\", {|#0:\"GITHUB_TOKEN\"|}, \"x\")]", "ENV", "GITHUB_TOKEN")]
    [InlineData("[Env(new[] { \"MODE\", \"x\", {|#0:\"API_KEY\"|}, \"x\" })]", "ENV", "API_KEY")]
    public Task Secret_looking_names_are_reported(string attribute, string keyword, string name) =>
        Verify<SecretLookingNameAnalyzer>.AnalyzeAsync(
            Stage(attribute, "[BuildArg] public partial class ApiKey;"),
            Verify<SecretLookingNameAnalyzer>.Diagnostic("DDSL006").WithLocation(0).WithArguments(keyword, name));

    [Theory]
    [InlineData("[Env(\"KEYBOARD\", \"us\")]")]
    [InlineData("[Env(\"PUBLIC_KEY\", \"x\")]")]
    [InlineData("[Env(\"TOKENIZER\", \"x\")]")]
    [InlineData("[Env(\"DATABASE_PASSWORD_FILE\", \"/run/secrets/db\")]")]
    [InlineData("[Env(\"AUTH_MODULE_VERSION\", \"2\")]")]
    public Task Other_names_are_fine(string attribute) =>
        Verify<SecretLookingNameAnalyzer>.AnalyzeAsync(Stage(attribute));

    [Fact]
    public Task Every_repeated_cmd_entrypoint_and_healthcheck_but_the_last_is_reported() =>
        Verify<RepeatedInstructionAnalyzer>.AnalyzeAsync(
            Stage("""
                [{|#0:Cmd("a")|}]
                [{|#1:Cmd("b")|}]
                [Cmd("c")]
                [{|#2:HealthCheck("true")|}]
                [NoHealthCheck]
                [Entrypoint("x")]
                """),
            Verify<RepeatedInstructionAnalyzer>.Diagnostic("DDSL007").WithLocation(0).WithArguments("CMD", "final"),
            Verify<RepeatedInstructionAnalyzer>.Diagnostic("DDSL007").WithLocation(1).WithArguments("CMD", "final"),
            Verify<RepeatedInstructionAnalyzer>.Diagnostic("DDSL007").WithLocation(2).WithArguments("HEALTHCHECK", "final"));

    [Fact]
    public Task A_cmd_that_overrides_the_base_stage_is_fine() =>
        Verify<RepeatedInstructionAnalyzer>.AnalyzeAsync("""
            using DockerDsl;

            [Dockerfile("Dockerfile")]
            public partial class App
            {
                [Stage(From = "debian:bookworm-slim")]
                [Cmd("a")]
                public partial class Base;

                [Stage(From = typeof(Base))]
                [Cmd("b")]
                public partial class Final;
            }
            """);

    [Theory]
    [InlineData("[WorkDir({|#0:\"src\"|})]", "src")]
    [InlineData("[Instruction({|#0:\"WORKDIR build\"|})]", "build")]
    public Task A_relative_first_workdir_is_reported(string attribute, string path) =>
        Verify<RelativeWorkDirAnalyzer>.AnalyzeAsync(
            $$"""
            using DockerDsl;

            [Dockerfile("Dockerfile")]
            public partial class App
            {
                [Stage(From = "debian:bookworm-slim")]
                {{attribute}}
                [WorkDir("lib")]
                public partial class Final;
            }
            """,
            Verify<RelativeWorkDirAnalyzer>.Diagnostic("DDSL008").WithLocation(0).WithArguments(path));

    [Fact]
    public Task Absolute_workdir_is_fine() =>
        Verify<RelativeWorkDirAnalyzer>.AnalyzeAsync(Stage("[WorkDir(\"/src\")]\n[Instruction(\"WORKDIR /build\")]"));

    // BuildKit's WorkdirRelativePath: a relative WORKDIR after an absolute one is relative to a known directory.
    [Fact]
    public Task A_relative_workdir_after_an_absolute_one_is_fine() =>
        Verify<RelativeWorkDirAnalyzer>.AnalyzeAsync(Stage("[WorkDir(\"src\")]\n[Instruction(\"WORKDIR build\")]"));

    [Fact]
    public Task A_relative_workdir_after_one_of_the_base_stage_is_fine() =>
        Verify<RelativeWorkDirAnalyzer>.AnalyzeAsync("""
            using DockerDsl;

            [Dockerfile("Dockerfile")]
            public partial class App
            {
                [Stage(From = "debian:bookworm-slim")]
                [WorkDir("/srv")]
                public partial class Base;

                [Stage(From = typeof(Base))]
                [WorkDir("app")]
                public partial class Final;
            }
            """);

    [Fact]
    public Task Maintainer_is_reported() =>
        Verify<MaintainerAnalyzer>.AnalyzeAsync(Stage("[{|DDSL020:Instruction(\"MAINTAINER me@example.com\")|}]"));

    [Fact]
    public Task A_relative_copy_without_workdir_is_reported() =>
        Verify<RelativeCopyWithoutWorkDirAnalyzer>.AnalyzeAsync("""
            using DockerDsl;

            [Dockerfile("Dockerfile")]
            public partial class App
            {
                [Stage(From = "debian:bookworm-slim")]
                [{|#0:Copy("app.py", "app/")|}]
                [WorkDir("/srv")]
                [Copy("static/", "static/")]
                public partial class Final;
            }
            """,
            Verify<RelativeCopyWithoutWorkDirAnalyzer>.Diagnostic("DDSL024").WithLocation(0).WithArguments("COPY", "app/"));

    [Fact]
    public Task A_workdir_inherited_from_the_base_stage_counts() =>
        Verify<RelativeCopyWithoutWorkDirAnalyzer>.AnalyzeAsync("""
            using DockerDsl;

            [Dockerfile("Dockerfile")]
            public partial class App
            {
                [Stage(From = "debian:bookworm-slim")]
                [WorkDir("/srv")]
                public partial class Base;

                [Stage(From = typeof(Base))]
                [Copy("app.py", "app/")]
                [Copy("run.sh", "/usr/local/bin/")]
                public partial class Final;
            }
            """);
}

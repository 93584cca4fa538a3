using System.Threading.Tasks;
using DockerDsl.Analyzers.Rules;
using DockerDsl.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace DockerDsl.Analyzers.Tests.Rules;

public class RootUserTests
{
    [Fact]
    public Task No_user_is_reported_on_the_final_stage() =>
        Verify<RootUserAnalyzer>.AnalyzeAsync("""
            using DockerDsl;

            [Dockerfile("Dockerfile")]
            public partial class App
            {
                [{|#0:Stage(From = "debian:bookworm-slim")|}]
                [Cmd("app")]
                public partial class Final;
            }
            """,
            Verify<RootUserAnalyzer>.Diagnostic("DDSL001").WithLocation(0).WithArguments("final", "root (no USER is set)"));

    [Theory]
    [InlineData("User(\"root\")", "root")]
    [InlineData("User(\"0\")", "0")]
    [InlineData("User(\"root\", Group = \"app\")", "root:app")]
    [InlineData("User(0, 0)", "0:0")]
    [InlineData("Instruction(\"USER root\")", "root")]
    public Task A_root_user_is_reported_on_its_user_attribute(string user, string text) =>
        Verify<RootUserAnalyzer>.AnalyzeAsync($$"""
            using DockerDsl;

            [Dockerfile("Dockerfile")]
            public partial class App
            {
                [Stage(From = "debian:bookworm-slim")]
                [NonRootUser("app")]
                [{|#0:{{user}}|}]
                public partial class Final;
            }
            """,
            Verify<RootUserAnalyzer>.Diagnostic("DDSL001").WithLocation(0).WithArguments("final", text));

    [Theory]
    [InlineData("NonRootUser(\"app\")")]
    [InlineData("User(1001, 1001)")]
    [InlineData("User(\"app\")")]
    [InlineData("Instruction(\"USER 1001\")")]
    public Task A_non_root_user_is_fine(string user) =>
        Verify<RootUserAnalyzer>.AnalyzeAsync($$"""
            using DockerDsl;

            [Dockerfile("Dockerfile")]
            public partial class App
            {
                [Stage(From = "debian:bookworm-slim")]
                [{{user}}]
                public partial class Final;
            }
            """);

    [Theory]
    [InlineData("mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled")]
    [InlineData("mcr.microsoft.com/dotnet/runtime-deps:10.0-azurelinux3.0-distroless")]
    [InlineData("gcr.io/distroless/static-debian12:nonroot")]
    public Task A_base_image_published_to_run_as_non_root_needs_no_user(string image) =>
        Verify<RootUserAnalyzer>.AnalyzeAsync($$"""
            using DockerDsl;

            [Dockerfile("Dockerfile")]
            public partial class App
            {
                [Stage(From = "{{image}}")]
                [Cmd("/app/server")]
                public partial class Final;
            }
            """);

    [Fact]
    public Task The_user_is_inherited_through_from_stages() =>
        Verify<RootUserAnalyzer>.AnalyzeAsync("""
            using DockerDsl;

            [Dockerfile("Dockerfile")]
            public partial class App
            {
                [Stage(From = "debian:bookworm-slim")]
                [NonRootUser("app")]
                public partial class Base;

                [Stage(From = typeof(Base))]
                public partial class Middle;

                [Stage(From = typeof(Middle))]
                [Cmd("app")]
                public partial class Final;
            }
            """);

    [Fact]
    public Task A_root_user_in_an_ancestor_stage_is_reported_there() =>
        Verify<RootUserAnalyzer>.AnalyzeAsync("""
            using DockerDsl;

            [Dockerfile("Dockerfile")]
            public partial class App
            {
                [Stage(From = "debian:bookworm-slim")]
                [NonRootUser("app")]
                [{|#0:User("root")|}]
                public partial class Base;

                [Stage(From = typeof(Base))]
                public partial class Final;
            }
            """,
            Verify<RootUserAnalyzer>.Diagnostic("DDSL001").WithLocation(0).WithArguments("final", "root"));

    [Fact]
    public Task Only_the_final_stage_counts() =>
        Verify<RootUserAnalyzer>.AnalyzeAsync("""
            using DockerDsl;

            [Dockerfile("Dockerfile")]
            public partial class App
            {
                [Stage(From = "debian:bookworm-slim")]
                public partial class Build;

                [Stage(From = "debian:bookworm-slim")]
                [CopyFrom(typeof(Build), "/out", "/app")]
                [NonRootUser("app")]
                public partial class Final;
            }
            """);

    [Fact]
    public Task A_stage_shared_by_two_dockerfiles_is_reported_once() =>
        Verify<RootUserAnalyzer>.AnalyzeAsync("""
            using DockerDsl;

            [Stage(From = "debian:bookworm-slim")]
            [{|#0:User("root")|}]
            public partial class SharedRuntime;

            [Dockerfile("a/Dockerfile")]
            public partial class A
            {
                [Stage(From = typeof(SharedRuntime))]
                public partial class Final;
            }

            [Dockerfile("b/Dockerfile")]
            public partial class B
            {
                [Stage(From = typeof(SharedRuntime))]
                public partial class Final;
            }
            """,
            Verify<RootUserAnalyzer>.Diagnostic("DDSL001").WithLocation(0).WithArguments("final", "root"));

    [Fact]
    public Task A_user_the_base_image_sets_is_reported_as_unknown() =>
        Verify<RootUserAnalyzer>.AnalyzeAsync("""
            using DockerDsl;

            [Dockerfile("Dockerfile")]
            public partial class App
            {
                [Stage(From = "mcr.microsoft.com/dotnet/aspnet:10.0")]
                [{|#0:User("$APP_UID")|}]
                public partial class Final;
            }
            """,
            Verify<RootUserAnalyzer>.Diagnostic("DDSL001").WithLocation(0).WithArguments("final", "'$APP_UID', which may be root: DockerDsl cannot tell, since $APP_UID may be set by the base image, which DockerDsl cannot read"));

    [Theory]
    [InlineData("[BuildArg(Name = \"UID\", Default = \"0\")] public partial class Uid;", "[Arg(typeof(Uid))]", "'$UID', which is 0")]
    [InlineData("", "[Env(\"UID\", \"00\")]", "'$UID', which is 00")]
    [InlineData("[BuildArg(Name = \"UID\")] public partial class Uid;", "[Arg(typeof(Uid))]", "'$UID', which may be root: DockerDsl cannot tell, since $UID is a build argument without a default, which --build-arg sets")]
    [InlineData("", "[Instruction(\"ENV UID=1001\")]", "'$UID', which may be root: DockerDsl cannot tell, since $UID may be set by the base image, which DockerDsl cannot read")]
    public Task A_variable_user_is_resolved_through_the_stage(string declarations, string definition, string user) =>
        Verify<RootUserAnalyzer>.AnalyzeAsync($$"""
            using DockerDsl;

            {{declarations}}

            [Dockerfile("Dockerfile")]
            public partial class App
            {
                [Stage(From = "scratch")]
                {{definition}}
                public partial class Base;

                [Stage(From = typeof(Base))]
                [{|#0:User("$UID")|}]
                public partial class Final;
            }
            """,
            Verify<RootUserAnalyzer>.Diagnostic("DDSL001").WithLocation(0).WithArguments("final", user));

    [Theory]
    [InlineData("[Env(\"UID\", \"1001\")]", "User(\"$UID\")")]
    [InlineData("[Env(\"UID\", \"1001\")]", "User(\"${UID}\", Group = \"${UID}\")")]
    [InlineData("", "User(\"${UID:-10001}\")")]
    public Task A_variable_user_that_resolves_to_a_number_is_fine(string definition, string user) =>
        Verify<RootUserAnalyzer>.AnalyzeAsync($$"""
            using DockerDsl;

            [Dockerfile("Dockerfile")]
            public partial class App
            {
                [Stage(From = "scratch")]
                {{definition}}
                [{{user}}]
                public partial class Final;
            }
            """);

    [Fact]
    public Task A_global_build_argument_reaches_a_stage_that_declares_it() =>
        Verify<RootUserAnalyzer>.AnalyzeAsync("""
            using DockerDsl;

            [BuildArg(Name = "UID", Default = "0")]
            public partial class Uid;

            [BuildArg(Name = "UID")]
            public partial class StageUid;

            [Dockerfile("Dockerfile")]
            [Arg(typeof(Uid))]
            public partial class App
            {
                [Stage(From = "scratch")]
                [Arg(typeof(StageUid))]
                [{|#0:User("$UID")|}]
                public partial class Final;
            }
            """,
            Verify<RootUserAnalyzer>.Diagnostic("DDSL001").WithLocation(0).WithArguments("final", "'$UID', which is 0"));

    [Fact]
    public Task Pragma_suppresses_it() =>
        Verify<RootUserAnalyzer>.AnalyzeAsync("""
            using DockerDsl;

            [Dockerfile("Dockerfile")]
            public partial class App
            {
            #pragma warning disable DDSL001 // a tool image that must run as root
                [Stage(From = "debian:bookworm-slim")]
            #pragma warning restore DDSL001
                public partial class Final;
            }
            """);

    [Fact]
    public Task Editorconfig_turns_it_off() =>
        Verify<RootUserAnalyzer>.AnalyzeAsync(
            """
            using DockerDsl;

            [Dockerfile("Dockerfile")]
            public partial class App
            {
                [Stage(From = "debian:bookworm-slim")]
                public partial class Final;
            }
            """,
            "root = true\n\n[*.cs]\ndotnet_diagnostic.DDSL001.severity = none\n");

    [Fact]
    public Task Editorconfig_changes_its_severity() =>
        Verify<RootUserAnalyzer>.AnalyzeAsync(
            """
            using DockerDsl;

            [Dockerfile("Dockerfile")]
            public partial class App
            {
                [{|#0:Stage(From = "debian:bookworm-slim")|}]
                public partial class Final;
            }
            """,
            "root = true\n\n[*.cs]\ndotnet_diagnostic.DDSL001.severity = suggestion\n",
            Verify<RootUserAnalyzer>.Diagnostic("DDSL001").WithLocation(0).WithSeverity(DiagnosticSeverity.Info).WithArguments("final", "root (no USER is set)"));

    [Fact]
    public Task Declaration_errors_hold_it_back() =>
        Verify<RootUserAnalyzer>.AnalyzeAsync("""
            using DockerDsl;

            [Dockerfile("Dockerfile")]
            public partial class App
            {
                [Stage(From = "debian:bookworm-slim")]
                [Expose(70000)]
                public partial class Final;
            }
            """);
}

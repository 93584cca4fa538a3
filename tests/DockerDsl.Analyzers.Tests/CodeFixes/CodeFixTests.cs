using System.Threading.Tasks;
using DockerDsl.Analyzers.Rules;
using DockerDsl.Analyzers.Tests.Infrastructure;
using DockerDsl.CodeFixes;

namespace DockerDsl.Analyzers.Tests.CodeFixes;

public class CodeFixTests
{
    [Fact]
    public Task Root_user_gets_a_non_root_user_on_the_final_stage() =>
        VerifyFix<RootUserAnalyzer, AddNonRootUserCodeFix>.FixAsync(
            """
            using DockerDsl;

            [Dockerfile("Dockerfile")]
            public partial class App
            {
                [{|DDSL001:Stage(From = "debian:bookworm-slim")|}]
                [Cmd("app")]
                public partial class Final;
            }
            """,
            """
            using DockerDsl;

            [Dockerfile("Dockerfile")]
            public partial class App
            {
                [Stage(From = "debian:bookworm-slim")]
                [Cmd("app")]
                [NonRootUser("app", Uid = 1001)]
                public partial class Final;
            }
            """);

    [Fact]
    public Task A_root_user_inherited_from_a_base_stage_is_fixed_in_the_final_stage() =>
        VerifyFix<RootUserAnalyzer, AddNonRootUserCodeFix>.FixAsync(
            """
            using DockerDsl;

            [Dockerfile("Dockerfile")]
            public partial class App
            {
                [Stage(From = "debian:bookworm-slim")]
                [{|DDSL001:User("root")|}]
                public partial class Base;

                /// <summary>The image.</summary>
                [Stage(From = typeof(Base))] // FROM base
                public partial class Final;
            }
            """,
            """
            using DockerDsl;

            [Dockerfile("Dockerfile")]
            public partial class App
            {
                [Stage(From = "debian:bookworm-slim")]
                [User("root")]
                public partial class Base;

                /// <summary>The image.</summary>
                [Stage(From = typeof(Base))] // FROM base
                [NonRootUser("app", Uid = 1001)]
                public partial class Final;
            }
            """);

    [Fact]
    public Task Missing_health_check_gets_a_placeholder_that_still_compiles() =>
        VerifyFix<MissingHealthCheckAnalyzer, AddHealthCheckCodeFix>.FixAsync(
            """
            using DockerDsl;

            [Dockerfile("Dockerfile")]
            public partial class App
            {
                [{|DDSL002:Stage(From = "debian:bookworm-slim")|}]
                [NonRootUser("app")]
                public partial class Final;
            }
            """,
            """
            using DockerDsl;

            [Dockerfile("Dockerfile")]
            public partial class App
            {
                [Stage(From = "debian:bookworm-slim")]
                [NonRootUser("app")]
                [HealthCheck("CHANGE-ME: a command that exits 0 when healthy", StartPeriod = "30s")]
                public partial class Final;
            }
            """);

    [Fact]
    public Task Cache_mount_gets_locked_sharing_added_or_replaced_with_fix_all() =>
        VerifyFix<CacheMountNotLockedAnalyzer, LockCacheMountCodeFix>.FixAsync(
            """
            using DockerDsl;

            [Dockerfile("Dockerfile")]
            public partial class App
            {
                [Stage(From = "debian:bookworm-slim")]
                [Run("make", Mounts = new[] { typeof(A), typeof(B), typeof(C) })]
                public partial class Final;

                [{|DDSL003:CacheMount("/a")|}]
                public partial class A;

                [CacheMount("/b", {|DDSL003:Sharing = CacheSharing.Shared|}, Id = "b")]
                public partial class B;

                [{|DDSL003:CacheMount("/c", Sharing = CacheSharing.Default)|}]
                public partial class C;
            }
            """,
            """
            using DockerDsl;

            [Dockerfile("Dockerfile")]
            public partial class App
            {
                [Stage(From = "debian:bookworm-slim")]
                [Run("make", Mounts = new[] { typeof(A), typeof(B), typeof(C) })]
                public partial class Final;

                [CacheMount("/a", Sharing = CacheSharing.Locked)]
                public partial class A;

                [CacheMount("/b", Sharing = CacheSharing.Locked, Id = "b")]
                public partial class B;

                [CacheMount("/c", Sharing = CacheSharing.Locked)]
                public partial class C;
            }
            """,
            diagnostics: 3);

    [Fact]
    public Task Cache_mount_fix_qualifies_the_enum_without_a_using() =>
        VerifyFix<CacheMountNotLockedAnalyzer, LockCacheMountCodeFix>.FixAsync(
            """
            [DockerDsl.Dockerfile("Dockerfile")]
            public partial class App
            {
                [DockerDsl.Stage(From = "debian:bookworm-slim")]
                [DockerDsl.Run("make", Mounts = new[] { typeof(A) })]
                public partial class Final;

                [{|DDSL003:DockerDsl.CacheMount("/a")|}]
                public partial class A;
            }
            """,
            """
            [DockerDsl.Dockerfile("Dockerfile")]
            public partial class App
            {
                [DockerDsl.Stage(From = "debian:bookworm-slim")]
                [DockerDsl.Run("make", Mounts = new[] { typeof(A) })]
                public partial class Final;

                [DockerDsl.CacheMount("/a", Sharing = DockerDsl.CacheSharing.Locked)]
                public partial class A;
            }
            """);

    [Fact]
    public Task Add_of_local_files_becomes_copy() =>
        VerifyFix<AddInsteadOfCopyAnalyzer, UseCopyCodeFix>.FixAsync(
            """
            using DockerDsl;

            [Dockerfile("Dockerfile")]
            public partial class App
            {
                [Stage(From = "debian:bookworm-slim")]
                [{|DDSL011:Add("app.py", "/app/", Chmod = "0755")|}]
                public partial class Final;
            }
            """,
            """
            using DockerDsl;

            [Dockerfile("Dockerfile")]
            public partial class App
            {
                [Stage(From = "debian:bookworm-slim")]
                [Copy("app.py", "/app/", Chmod = "0755")]
                public partial class Final;
            }
            """);

    [Fact]
    public Task Stage_name_becomes_lower_case() =>
        VerifyFix<StageNameCasingAnalyzer, LowerCaseStageNameCodeFix>.FixAsync(
            """
            using DockerDsl;

            [Dockerfile("Dockerfile")]
            public partial class App
            {
                [Stage(From = "debian:bookworm-slim", {|DDSL019:Name = "Runtime"|})]
                public partial class Final;
            }
            """,
            """
            using DockerDsl;

            [Dockerfile("Dockerfile")]
            public partial class App
            {
                [Stage(From = "debian:bookworm-slim", Name = "runtime")]
                public partial class Final;
            }
            """);
}

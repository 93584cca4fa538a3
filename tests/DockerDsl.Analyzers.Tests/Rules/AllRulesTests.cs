using System.Threading.Tasks;
using DockerDsl.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace DockerDsl.Analyzers.Tests.Rules;

/// <summary>Every analyzer at once, as in a project that references DockerDsl.</summary>
public class AllRulesTests
{
    private static DiagnosticResult Warning(string id, int location) => new DiagnosticResult(id, DiagnosticSeverity.Warning).WithLocation(location);

    [Fact]
    public Task Root_final_stage_no_health_check_and_default_cache_mount_give_exactly_three_warnings_and_python_as_PID_1_an_info()
    {
        var test = new AllRulesTest
        {
            TestCode = """
                using DockerDsl;

                [Dockerfile("Dockerfile")]
                public partial class Api
                {
                    [{|#0:Stage(From = "python:3.12-slim")|}]
                    [WorkDir("/app")]
                    [Copy("requirements.txt", "./")]
                    [Run("pip install -r requirements.txt", Mounts = new[] { typeof(PipCache) })]
                    [Copy("src/", "./src/")]
                    [{|#2:Cmd("python", "-m", "src")|}]
                    public partial class Final;

                    [{|#1:CacheMount("/root/.cache/pip")|}]
                    public partial class PipCache;
                }
                """,
        };
        test.ExpectedDiagnostics.Add(Warning("DDSL001", 0));
        test.ExpectedDiagnostics.Add(Warning("DDSL002", 0));
        test.ExpectedDiagnostics.Add(Warning("DDSL003", 1));
        test.ExpectedDiagnostics.Add(new DiagnosticResult("DDSL042", DiagnosticSeverity.Info).WithLocation(2).WithArguments("final", "python"));
        return test.RunAsync();
    }

    /// <summary>
    /// The design document's example, written with best practice throughout, gets no warning; its apt packages lack
    /// version pins, and Rscript as PID 1 ignores docker stop (the seed's measured 10.2 s; the sample puts tini first).
    /// </summary>
    [Fact]
    public Task The_design_example_has_no_warning_and_infos_for_unpinned_packages_and_Rscript_as_PID_1()
    {
        var test = new AllRulesTest
        {
            TestCode = """
                using DockerDsl;

                [Dockerfile("api/Dockerfile")]
                public partial class PlumberApi
                {
                    [Stage(From = "debian:bookworm-slim")]
                    [AptInstall({|#0:"r-base-core", "r-cran-plumber", "ccache", "curl"|})]
                    public partial class Base;

                    [Stage(From = typeof(Base))]
                    [WorkDir("/build")]
                    [Copy("pkg/", "pkg/")]
                    [Run("R CMD INSTALL --library=/opt/rlib pkg", Mounts = new[] { typeof(CcacheMount) })]
                    [StripDebugSymbols("/opt/rlib")]
                    public partial class Packages;

                    [CacheMount("/ccache", Sharing = CacheSharing.Locked)]
                    public partial class CcacheMount;

                    [Stage(From = typeof(Base))]
                    [NonRootUser("apiuser", Uid = 1001, Group = "api")]
                    [CopyFrom(typeof(Packages), "/opt/rlib", "/opt/rlib")]
                    [Copy("api/", "/app/")]
                    [Expose(8000)]
                    [HealthCheck("curl -fsS http://localhost:8000/health", StartPeriod = "30s")]
                    [{|#1:Cmd("Rscript", "/app/run.R")|}]
                    public partial class Production;
                }
                """,
        };
        test.ExpectedDiagnostics.Add(new DiagnosticResult("DDSL028", DiagnosticSeverity.Info).WithLocation(0)
            .WithArguments("apt-get", "'r-base-core', 'r-cran-plumber', 'ccache' and 1 more", "r-base-core=<version>"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult("DDSL042", DiagnosticSeverity.Info).WithLocation(1).WithArguments("production", "Rscript"));
        return test.RunAsync();
    }

    [Fact]
    public Task A_project_without_dockerfiles_gets_nothing() =>
        new AllRulesTest { TestCode = "public class Plain { }" }.RunAsync();
}

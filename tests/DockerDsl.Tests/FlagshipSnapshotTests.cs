using DockerDsl.Tests.Infrastructure;

namespace DockerDsl.Tests;

public class FlagshipSnapshotTests
{
    [Fact]
    public void PlumberApi() => GeneratedOutput.Verify(GeneratedOutput.Usings + """
        namespace Samples;

        [Dockerfile("api/Dockerfile")]
        public partial class PlumberApi
        {
            [Stage(From = "debian:bookworm-slim")]
            [AptInstall("r-base-core", "r-cran-plumber", "curl", "tini")]
            public partial class Base;

            [Stage(From = typeof(Base))]
            [AptInstall("g++", "make", "r-cran-rcpp", "ccache", "binutils")]
            [Ccache]
            [WorkDir("/build")]
            [Copy("app/rpkg/", "rpkg/")]
            [Run("R CMD INSTALL --library=/opt/rlib rpkg")]
            [StripDebugSymbols("/opt/rlib")]
            public partial class Packages;

            [Stage(From = typeof(Base))]
            [NonRootUser("apiuser", Uid = 1001, Group = "api")]
            [Env("R_LIBS_SITE", "/opt/rlib")]
            [CopyFrom(typeof(Packages), "/opt/rlib", "/opt/rlib")]
            [Copy("app/api/", "/app/")]
            [Expose(8000)]
            [HealthCheck("curl -fsS http://localhost:8000/health", StartPeriod = "30s")]
            [Entrypoint("/usr/bin/tini", "--")]
            [Cmd("Rscript", "/app/run.R")]
            public partial class Production;
        }
        """);
}

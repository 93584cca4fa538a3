// Found by the fuzzer: a COPY destination "<<EOF" made BuildKit read a heredoc after the instruction.
using DockerDsl;

namespace RPlumberApi;

/// <summary>
/// The R Plumber API image: Debian's R in a shared base, a build stage that compiles the local
/// Rcpp package through ccache and strips it, and a small non-root production stage.
/// </summary>
[Dockerfile("Dockerfile", Ignore = new[] { "*.cs", "*.csproj", "docker-bake.hcl", "app/rpkg/src/*.o", "app/rpkg/src/*.so" })]
public partial class PlumberApi
{
    /// <summary>R, plumber and the runtime tools, from Debian packages only.</summary>
    [Stage(From = "debian:bookworm-slim")]
    [AptInstall("r-base-core", "r-cran-plumber", "curl", "tini")]
    public partial class Base;

    /// <summary>Compiles the package; the toolchain stays out of the production image.</summary>
    [Stage(From = typeof(Base))]
    [AptInstall("g++", "make", "r-cran-rcpp", "ccache", "binutils")]
    [Ccache]
    [WorkDir("/build")]
    [Copy("app/rpkg/", "rpkg/")]
    [Run("mkdir -p /opt/rlib", "R CMD INSTALL --preclean --library=/opt/rlib rpkg")]
    [StripDebugSymbols("/opt/rlib")]
    public partial class Packages;

    /// <summary>The API, as uid 1001, with tini as PID 1 so <c>docker stop</c> ends it at once.</summary>
    [Stage(From = typeof(Base))]
    [NonRootUser("apiuser", Uid = 1001, Group = "api")]
    [Env("R_LIBS", "/opt/rlib")]
    [CopyFrom(typeof(Packages), "/opt/rlib", "<<EOF")]
    [Copy("app/api/", "/app/")]
    [Expose(8000)]
    [HealthCheck("curl -fsS http://localhost:8000/health", Interval = "10s", Timeout = "3s", StartPeriod = "30s")]
    [Entrypoint("/usr/bin/tini", "--")]
    [Cmd("Rscript", "/app/run.R")]
    public partial class Production;
}

using DockerDsl;

namespace StaticFrontend;

/// <summary>
/// A static frontend: Debian's Node.js bundles and minifies the site in a build stage (a script with
/// no npm packages, run without network), and Debian's nginx serves it as uid 10101 on port 8080.
/// </summary>
[Dockerfile("Dockerfile", Ignore = new[] { "*.cs", "*.csproj", "docker-bake.hcl" })]
public partial class FrontendImage
{
    /// <summary>Bundles <c>app/site</c> into <c>/dist</c> with content-hashed asset names.</summary>
    [Stage(From = "debian:bookworm-slim")]
    [AptInstall("nodejs")]
    [WorkDir("/src")]
    [Copy("app/build.mjs", "./")]
    [Copy("app/site/", "site/")]
    [Run("node build.mjs site /dist", Network = RunNetwork.None)]
    public partial class Bundle;

    /// <summary>
    /// nginx as a non-root user: it listens on 8080 and keeps its pid and temporary files under
    /// <c>/tmp</c> (see <c>app/nginx/nginx.conf</c>); the site stays owned by root, read-only to it.
    /// </summary>
    [Stage(From = "debian:bookworm-slim")]
    [AptInstall("nginx", "curl")]
    [Copy("app/nginx/nginx.conf", "/etc/nginx/nginx.conf")]
    [CopyFrom(typeof(Bundle), "/dist", "/srv/www")]
    [NonRootUser("web", Uid = 10101, Group = "web")]
    [Expose(8080)]
    [HealthCheck("curl -fsS http://127.0.0.1:8080/health", Interval = "10s", Timeout = "3s", StartPeriod = "10s", StartInterval = "1s")]
    [StopSignal("SIGQUIT")]
    [Cmd("nginx", "-e", "stderr", "-g", "daemon off;")]
    public partial class Web;
}

using DockerDsl;

namespace BusyboxSite;

/// <summary>
/// A static site served by busybox's httpd on the busybox image: no package manager and no user tools
/// beyond busybox's applets, so [NonRootUser] writes the user into /etc/passwd and /etc/group (the family,
/// busybox, is inferred from the image). The site stays owned by root, read-only to the server.
/// </summary>
[Dockerfile("Dockerfile", Ignore = new[] { "*.cs", "*.csproj", "docker-bake.hcl" })]
public partial class SiteImage
{
    /// <summary>
    /// httpd in the foreground on 8080 as uid 10101. As PID 1 it would ignore SIGTERM (it installs no handler,
    /// so docker stop would wait 10 s and kill it): a shell that traps TERM runs it and exits when stopped.
    /// </summary>
    [Stage(From = "busybox:1.35")]
    [Copy("site/", "/srv/www/")]
    [NonRootUser("www", Uid = 10101)]
    [Expose(8080)]
    [HealthCheck("wget -q -O /dev/null http://127.0.0.1:8080/health", Interval = "10s", Timeout = "3s", StartPeriod = "5s", StartInterval = "1s")]
    [Cmd("sh", "-c", "trap 'exit 0' TERM; httpd -f -v -p 8080 -h /srv/www & wait")]
    public partial class Site;
}

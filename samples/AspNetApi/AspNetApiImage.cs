using DockerDsl;

namespace AspNetApi;

/// <summary>
/// The ASP.NET Core API image: the .NET SDK image restores and publishes the web app under
/// <c>app/HealthApi</c>, with NuGet's package folder on a locked BuildKit cache mount; the
/// ASP.NET Core runtime image runs it as the image's own <c>app</c> user (1654), numerically.
/// </summary>
[Dockerfile("Dockerfile", Ignore = new[] { "*.cs", "*.csproj", "docker-bake.hcl" })]
public partial class AspNetApiImage
{
    /// <summary>NuGet's global packages folder, kept between builds and never used by two builds at once.</summary>
    [CacheMount("/root/.nuget/packages", Sharing = CacheSharing.Locked)]
    public partial class NuGetPackages;

    /// <summary>Restore from the project file alone (a layer that survives source edits), then publish.</summary>
    [Stage(From = "mcr.microsoft.com/dotnet/sdk:10.0")]
    [WorkDir("/src")]
    [Copy(new[] { "app/HealthApi/HealthApi.csproj", "app/HealthApi/Directory.Build.props" }, "HealthApi/")]
    [Run("dotnet restore HealthApi/HealthApi.csproj", Mounts = new[] { typeof(NuGetPackages) })]
    [Copy("app/HealthApi/", "HealthApi/")]
    [Run("dotnet publish HealthApi/HealthApi.csproj --no-restore -c Release -o /app", Mounts = new[] { typeof(NuGetPackages) })]
    public partial class Build;

    /// <summary>
    /// The app's files stay owned by root (read-only to the app); it runs as uid 1654, and its own
    /// binary is the health probe, since the aspnet image has no curl or wget.
    /// </summary>
    [Stage(From = "mcr.microsoft.com/dotnet/aspnet:10.0")]
    [WorkDir("/app")]
    [CopyFrom(typeof(Build), "/app", "/app")]
    [User(1654, 1654)]
    [Expose(8080)]
    [HealthCheck(new[] { "dotnet", "/app/HealthApi.dll", "--healthcheck" }, Interval = "10s", Timeout = "5s", StartPeriod = "20s", StartInterval = "1s")]
    [Entrypoint("dotnet", "/app/HealthApi.dll")]
    public partial class Runtime;
}

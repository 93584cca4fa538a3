using System.Threading.Tasks;
using DockerDsl.Analyzers.Rules;
using DockerDsl.Analyzers.Tests.Infrastructure;

namespace DockerDsl.Analyzers.Tests.Rules;

public class CacheMountTests
{
    [Fact]
    public Task Default_sharing_is_reported_on_the_mount_attribute() =>
        Verify<CacheMountNotLockedAnalyzer>.AnalyzeAsync("""
            using DockerDsl;

            [Dockerfile("Dockerfile")]
            public partial class App
            {
                [Stage(From = "debian:bookworm-slim")]
                [Run("pip install -r requirements.txt", Mounts = new[] { typeof(PipCache) })]
                public partial class Final;

                [{|#0:CacheMount("/root/.cache/pip")|}]
                public partial class PipCache;
            }
            """,
            Verify<CacheMountNotLockedAnalyzer>.Diagnostic("DDSL003").WithLocation(0).WithArguments("/root/.cache/pip", "shared (the default)"));

    [Theory]
    [InlineData("Shared", "shared")]
    [InlineData("Private", "private")]
    public Task Explicit_sharing_is_reported_on_the_sharing_argument(string sharing, string text) =>
        Verify<CacheMountNotLockedAnalyzer>.AnalyzeAsync($$"""
            using DockerDsl;

            [Dockerfile("Dockerfile")]
            public partial class App
            {
                [Stage(From = "debian:bookworm-slim")]
                [Run("make", Mounts = new[] { typeof(BuildCache) })]
                public partial class Final;

                [CacheMount("/cache", Id = "build", {|#0:Sharing = CacheSharing.{{sharing}}|})]
                public partial class BuildCache;
            }
            """,
            Verify<CacheMountNotLockedAnalyzer>.Diagnostic("DDSL003").WithLocation(0).WithArguments("/cache", text));

    [Fact]
    public Task Locked_mounts_and_helper_mounts_are_fine() =>
        Verify<CacheMountNotLockedAnalyzer>.AnalyzeAsync("""
            using DockerDsl;

            [Dockerfile("Dockerfile")]
            public partial class App
            {
                [Stage(From = "debian:bookworm-slim")]
                [AptInstall("ccache", "g++")]
                [Ccache]
                [Run("make", Mounts = new[] { typeof(BuildCache), typeof(Token), typeof(Seed) })]
                public partial class Final;

                [CacheMount("/cache", Sharing = CacheSharing.Locked)]
                public partial class BuildCache;

                [CacheMount("/seed", ReadOnly = true)]
                public partial class Seed;

                [SecretMount("token")]
                public partial class Token;
            }
            """);

    [Fact]
    public Task A_mount_used_twice_and_by_two_dockerfiles_is_reported_once() =>
        Verify<CacheMountNotLockedAnalyzer>.AnalyzeAsync("""
            using DockerDsl;

            [{|#0:CacheMount("/cache")|}]
            public partial class SharedCache;

            [Stage(From = "debian:bookworm-slim")]
            [Run("make", Mounts = new[] { typeof(SharedCache) })]
            [Run("make install", Mounts = new[] { typeof(SharedCache) })]
            public partial class SharedBuild;

            [Dockerfile("a/Dockerfile")]
            public partial class A
            {
                [Stage(From = typeof(SharedBuild))]
                public partial class Final;
            }

            [Dockerfile("b/Dockerfile")]
            public partial class B
            {
                [Stage(From = typeof(SharedBuild))]
                [Run("make check", Mounts = new[] { typeof(SharedCache) })]
                public partial class Final;
            }
            """,
            Verify<CacheMountNotLockedAnalyzer>.Diagnostic("DDSL003").WithLocation(0).WithArguments("/cache", "shared (the default)"));

    [Fact]
    public Task Pragma_suppresses_it() =>
        Verify<CacheMountNotLockedAnalyzer>.AnalyzeAsync("""
            using DockerDsl;

            [Dockerfile("Dockerfile")]
            public partial class App
            {
                [Stage(From = "debian:bookworm-slim")]
                [Run("make", Mounts = new[] { typeof(ReadOnlyCache) })]
                public partial class Final;

            #pragma warning disable DDSL003 // one build at a time on this runner
                [CacheMount("/cache")]
            #pragma warning restore DDSL003
                public partial class ReadOnlyCache;
            }
            """);
}

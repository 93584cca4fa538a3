using System;
using System.Linq;
using DockerDsl.Cli.Tests.Infrastructure;
using DockerDsl.Core.Lint;

namespace DockerDsl.Cli.Tests.Lock;

/// <summary><c>dockerdsl lint</c> with a lock file: the rules read each locked base image's user, health check, environment and platforms.</summary>
public sealed class LintWithLockTests : IDisposable
{
    private static readonly string Digest = "sha256:" + new string('c', 64);

    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    private static string LockText(string config) => $$"""
        {
          "formatVersion": 1,
          "images": {
            "mcr.microsoft.com/dotnet/runtime-deps:10.0": {
              "digest": "{{Digest}}",
              "mediaType": "application/vnd.oci.image.index.v1+json",
              "platforms": {
                "linux/amd64": {"architecture": "amd64", "config": {{config}}, "digest": "{{Digest}}", "os": "linux"}
              },
              "repository": "mcr.microsoft.com/dotnet/runtime-deps",
              "tag": "10.0"
            }
          }
        }
        """;

    private const string NonRootWithHealthCheck = """{"User": "1654", "Env": ["PATH=/usr/bin:/bin", "APP_UID=1654"], "Healthcheck": {"Test": ["CMD", "/healthz"]}}""";

    private const string Dockerfile = """
        FROM mcr.microsoft.com/dotnet/runtime-deps:10.0
        ENV HOME_OF_APP=/home/$APP_UID OTHER=$NOT_IN_THE_IMAGE
        CMD ["/app/run"]

        """;

    private CliResult Lint(params string[] args) => _cli.RunWith(DockerfileLinter.Lint, string.Empty, new[] { "lint", "--format", "json" }.Concat(args).ToArray());

    private static string[] Rules(CliResult result) =>
        System.Text.Json.JsonDocument.Parse(result.Out).RootElement.EnumerateArray().Select(f => f.GetProperty("id").GetString()! + " " + f.GetProperty("message").GetString()).ToArray();

    [Fact]
    public void Without_a_lock_the_base_image_is_assumed_root_without_a_health_check_and_its_variables_unknown()
    {
        _cli.Write("Dockerfile", Dockerfile);
        var rules = Rules(Lint());
        Assert.Contains(rules, r => r.StartsWith("DDSL001", StringComparison.Ordinal));
        Assert.Contains(rules, r => r.StartsWith("DDSL002", StringComparison.Ordinal));
        Assert.DoesNotContain(rules, r => r.StartsWith("DDSL036", StringComparison.Ordinal));
    }

    [Fact]
    public void The_lock_beside_the_Dockerfile_says_the_base_runs_as_non_root_has_a_health_check_and_which_variables_it_sets()
    {
        _cli.Write("Dockerfile", Dockerfile);
        _cli.Write("dockerdsl.lock.json", LockText(NonRootWithHealthCheck));
        var result = Lint();
        var rules = Rules(result);
        Assert.DoesNotContain(rules, r => r.StartsWith("DDSL001", StringComparison.Ordinal));
        Assert.DoesNotContain(rules, r => r.StartsWith("DDSL002", StringComparison.Ordinal));
        var undefined = Assert.Single(rules, r => r.StartsWith("DDSL036", StringComparison.Ordinal));
        Assert.Contains("NOT_IN_THE_IMAGE", undefined, StringComparison.Ordinal);
    }

    [Fact]
    public void A_generated_Dockerfile_with_the_locked_image_pinned_reads_the_same_entry()
    {
        _cli.Write("Dockerfile", Dockerfile.Replace("runtime-deps:10.0", "runtime-deps:10.0@" + Digest, StringComparison.Ordinal));
        _cli.Write("dockerdsl.lock.json", LockText(NonRootWithHealthCheck));
        var rules = Rules(Lint());
        Assert.DoesNotContain(rules, r => r.StartsWith("DDSL001", StringComparison.Ordinal));
        Assert.DoesNotContain(rules, r => r.StartsWith("DDSL002", StringComparison.Ordinal));
        Assert.Contains("NOT_IN_THE_IMAGE", Assert.Single(rules, r => r.StartsWith("DDSL036", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_locked_base_that_runs_as_root_is_still_reported()
    {
        _cli.Write("Dockerfile", Dockerfile);
        _cli.Write("locks/base.lock.json", LockText("""{"User": "0:0"}"""));
        var rules = Rules(Lint("--lock", "locks/base.lock.json"));
        Assert.Contains(rules, r => r.StartsWith("DDSL001", StringComparison.Ordinal));
        Assert.Contains(rules, r => r.StartsWith("DDSL002", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("\"1654\"", false, false)]
    [InlineData("\"nonroot\"", false, true)]
    [InlineData("\"root\"", true, false)]
    [InlineData("\"\"", true, false)]
    public void The_locked_base_user_decides_DDSL001_and_DDSL010_where_no_USER_is_set(string user, bool root, bool name)
    {
        _cli.Write("Dockerfile", Dockerfile);
        _cli.Write("dockerdsl.lock.json", LockText("{\"User\": " + user + "}"));
        var result = _cli.RunWith(DockerfileLinter.Lint, string.Empty, "lint");
        Assert.Equal(root, result.Out.Contains("Dockerfile:1:1: warning DDSL001: The image of stage", StringComparison.Ordinal));
        Assert.Equal(name, result.Out.Contains("Dockerfile:1:1: warning DDSL010: USER 'nonroot', the user of its base image as dockerdsl.lock.json records it, is a name", StringComparison.Ordinal));
    }

    [Fact]
    public void A_lock_file_that_cannot_be_read_is_an_error_with_its_line()
    {
        _cli.Write("Dockerfile", Dockerfile);
        _cli.Write("dockerdsl.lock.json", "{\n  \"formatVersion\": 1,\n  \"images\": 3\n}\n");
        var result = _cli.RunWith(DockerfileLinter.Lint, string.Empty, "lint");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(result.ErrorLines, line => line.StartsWith("dockerdsl.lock.json:3: error: is not a lock file dockerdsl reads", StringComparison.Ordinal));
    }

    [Fact]
    public void A_lock_option_naming_no_file_is_an_error()
    {
        _cli.Write("Dockerfile", Dockerfile);
        var result = _cli.RunWith(DockerfileLinter.Lint, string.Empty, "lint", "--lock", "missing.json");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(result.ErrorLines, line => line == "missing.json: error: does not exist (--lock)");
    }

    // DDSL046: BuildKit's InvalidBaseImagePlatform, from the lock. The image is for linux/arm64 only.
    private static string SinglePlatformLock(string lockedFor) => $$"""
        {
          "formatVersion": 1,
          "images": {
            "example/tool:1.0": {
              "digest": "{{Digest}}",
              "mediaType": "application/vnd.oci.image.manifest.v1+json",
              "platforms": {
                "{{lockedFor}}": {"architecture": "arm64", "config": {}, "digest": "{{Digest}}", "os": "linux"}
              },
              "repository": "docker.io/example/tool",
              "tag": "1.0"
            }
          }
        }
        """;

    [Theory]
    [InlineData("linux/arm64")]
    [InlineData("linux/amd64")]
    public void A_build_for_linux_amd64_from_a_locked_arm64_image_is_BuildKits_InvalidBaseImagePlatform(string lockedFor)
    {
        _cli.Write("Dockerfile", "FROM example/tool:1.0\nCOPY --from=example/tool:1.0 /tool /usr/local/bin/tool\n");
        _cli.Write("dockerdsl.lock.json", SinglePlatformLock(lockedFor));
        var result = _cli.RunWith(DockerfileLinter.Lint, string.Empty, "lint");
        Assert.Contains("Dockerfile:1:1: warning DDSL046: The base image 'example/tool:1.0' is locked as a single-platform image for linux/arm64, but it is built for linux/amd64", result.Out, StringComparison.Ordinal);
        Assert.Contains("Dockerfile:2:1: warning DDSL046: The base image 'example/tool:1.0' is locked as a single-platform image for linux/arm64, but it is built for linux/amd64", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_build_for_the_platform_the_image_has_is_fine()
    {
        _cli.Write("Dockerfile", "FROM example/tool:1.0\n");
        _cli.Write("dockerdsl.lock.json", SinglePlatformLock("linux/arm64"));
        var rules = Rules(Lint("--build-arg", "TARGETPLATFORM=linux/arm64"));
        Assert.DoesNotContain(rules, r => r.StartsWith("DDSL046", StringComparison.Ordinal));
        Assert.Contains(Rules(Lint()), r => r.StartsWith("DDSL046", StringComparison.Ordinal));
    }

    [Fact]
    public void BuildKits_check_name_skips_it()
    {
        _cli.Write("Dockerfile", "# check=skip=InvalidBaseImagePlatform\nFROM example/tool:1.0\n");
        _cli.Write("dockerdsl.lock.json", SinglePlatformLock("linux/arm64"));
        Assert.DoesNotContain(Rules(Lint()), r => r.StartsWith("DDSL046", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_a_lock_nothing_is_known_of_the_platform()
    {
        _cli.Write("Dockerfile", "FROM example/tool:1.0\n");
        Assert.DoesNotContain(Rules(Lint()), r => r.StartsWith("DDSL046", StringComparison.Ordinal));
    }
}

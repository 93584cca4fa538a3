using System.Threading.Tasks;
using DockerDsl.Analyzers.Rules;
using DockerDsl.Analyzers.Tests.Infrastructure;
using static DockerDsl.Analyzers.Tests.Rules.InstructionTests;

namespace DockerDsl.Analyzers.Tests.Rules;

/// <summary>The rules on package managers in RUN text.</summary>
public class PackageManagerTests
{
    [Theory]
    [InlineData("apk add curl=8.14.1-r1")]
    [InlineData("apk add --update curl=8.14.1-r1")]
    [InlineData("apk -U add curl=8.14.1-r1")]
    [InlineData("apk update && apk add curl=8.14.1-r1 && rm -rf /var/cache/apk/*")]
    [InlineData("apk --repository http://dl-cdn.alpinelinux.org/alpine/edge/testing add curl")]
    [InlineData("/sbin/apk add -t .build-deps gcc")]
    public Task Apk_add_without_no_cache(string command) =>
        Verify<ApkAddWithoutNoCacheAnalyzer>.AnalyzeAsync(Stage($"[Run({{|DDSL026:\"{command}\"|}})]"));

    [Fact]
    public Task Apk_add_without_no_cache_names_the_command() =>
        Verify<ApkAddWithoutNoCacheAnalyzer>.AnalyzeAsync(
            Stage("[Run({|#0:\"apk update\", \"apk add curl\"|})]"),
            Verify<ApkAddWithoutNoCacheAnalyzer>.Diagnostic("DDSL026").WithLocation(0).WithArguments("apk add curl"));

    [Theory]
    [InlineData("[Run(\"apk add --no-cache curl\")]")]
    [InlineData("[Run(\"apk --no-cache add curl\")]")]
    [InlineData("[Run(\"apk add curl --no-cache\")]")]
    [InlineData("[Run(\"apk del curl\")]")]
    [InlineData("[Run(\"apk info -v\")]")]
    [InlineData("[Run(\"echo apk add curl\")]")]
    [InlineData("[RunExec(\"apk\", \"add\", \"curl\")]")]
    [InlineData("[Instruction(\"RUN --mount=type=cache,target=/var/cache/apk,sharing=locked apk add curl\")]")]
    public Task Apk_with_no_cache_or_without_add_is_fine(string attributes) =>
        Verify<ApkAddWithoutNoCacheAnalyzer>.AnalyzeAsync(Stage(attributes));

    [Theory]
    [InlineData("/var/cache/apk")]
    [InlineData("/var/cache/apk/")]
    public Task A_cache_mount_at_the_apk_cache_keeps_the_index_out_of_the_layer(string target) =>
        Verify<ApkAddWithoutNoCacheAnalyzer>.AnalyzeAsync(Stage(
            """
            [Run("apk update", "apk add curl", Mounts = new[] { typeof(ApkCache) })]
            [Run({|DDSL026:"apk add git"|}, Mounts = new[] { typeof(Other) })]
            """,
            $$"""
            [CacheMount("{{target}}", Sharing = CacheSharing.Locked)] public partial class ApkCache;
                [CacheMount("/root/.cache", Sharing = CacheSharing.Locked)] public partial class Other;
            """));

    [Fact]
    public Task Apk_add_is_reported_also_in_raw_and_heredoc_runs() =>
        Verify<ApkAddWithoutNoCacheAnalyzer>.AnalyzeAsync(Stage("""
            [Instruction({|DDSL026:"RUN --network=host apk add curl"|})]
            [Instruction({|DDSL026:"RUN --mount=type=bind,target=/var/cache/apk apk add curl"|})]
            [RunHeredoc({|DDSL026:"set -e\napk update\napk add curl\n"|})]
            """));
}

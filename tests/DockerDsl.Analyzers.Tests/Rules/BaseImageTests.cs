using System.Threading.Tasks;
using DockerDsl.Analyzers.Rules;
using DockerDsl.Analyzers.Tests.Infrastructure;

namespace DockerDsl.Analyzers.Tests.Rules;

public class BaseImageTests
{
    private static string Dockerfile(string stageArguments, string globalArgs = "") => $$"""
        using DockerDsl;

        [BuildArg(Default = "12")] public partial class DebianVersion;

        [Dockerfile("Dockerfile")]
        {{globalArgs}}
        public partial class App
        {
            [Stage({{stageArguments}})]
            public partial class Final;
        }
        """;

    [Theory]
    [InlineData("debian", "has no tag")]
    [InlineData("debian:latest", "uses the 'latest' tag")]
    [InlineData("localhost:5000/team/app", "has no tag")]
    [InlineData("ghcr.io/team/app:latest", "uses the 'latest' tag")]
    public Task Unpinned_images_are_reported_on_from(string image, string what) =>
        Verify<UnpinnedBaseImageAnalyzer>.AnalyzeAsync(
            Dockerfile($"{{|#0:From = \"{image}\"|}}"),
            Verify<UnpinnedBaseImageAnalyzer>.Diagnostic("DDSL004").WithLocation(0).WithArguments(image, what));

    [Theory]
    [InlineData("debian:bookworm-slim")]
    [InlineData("localhost:5000/team/app:1.2")]
    [InlineData("debian@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
    [InlineData("scratch")]
    [InlineData("debian:${DEBIAN_VERSION}")]
    public Task Pinned_images_are_fine(string image) =>
        Verify<UnpinnedBaseImageAnalyzer>.AnalyzeAsync(Dockerfile($"From = \"{image}\""));

    [Fact]
    public Task Upper_case_stage_names_are_reported() =>
        Verify<StageNameCasingAnalyzer>.AnalyzeAsync(
            Dockerfile("From = \"debian:12\", {|#0:Name = \"Final\"|}"),
            Verify<StageNameCasingAnalyzer>.Diagnostic("DDSL019").WithLocation(0).WithArguments("Final", "final"));

    [Fact]
    public Task Derived_and_lower_case_stage_names_are_fine() =>
        Verify<StageNameCasingAnalyzer>.AnalyzeAsync(Dockerfile("From = \"debian:12\", Name = \"final-image\""));

    [Fact]
    public Task A_constant_platform_is_reported() =>
        Verify<ConstantPlatformAnalyzer>.AnalyzeAsync(
            Dockerfile("From = \"debian:12\", {|#0:Platform = \"linux/amd64\"|}"),
            Verify<ConstantPlatformAnalyzer>.Diagnostic("DDSL022").WithLocation(0).WithArguments("linux/amd64"));

    // BuildKit's FromPlatformFlagConstDisallowed: a stage named for its platform is meant to be that platform.
    [Theory]
    [InlineData("build-amd64")]
    [InlineData("linux-tools")]
    public Task A_constant_platform_the_stage_is_named_for_is_fine(string name) =>
        Verify<ConstantPlatformAnalyzer>.AnalyzeAsync(Dockerfile($"From = \"debian:12\", Name = \"{name}\", Platform = \"linux/amd64\""));

    [Fact]
    public Task Build_platform_is_fine() =>
        Verify<ConstantPlatformAnalyzer>.AnalyzeAsync(Dockerfile("From = \"debian:12\", Platform = \"$BUILDPLATFORM\""));

    [Fact]
    public Task Target_platform_is_redundant() =>
        Verify<RedundantTargetPlatformAnalyzer>.AnalyzeAsync(
            Dockerfile("From = \"debian:12\", {|#0:Platform = \"$TARGETPLATFORM\"|}"),
            Verify<RedundantTargetPlatformAnalyzer>.Diagnostic("DDSL023").WithLocation(0).WithArguments("$TARGETPLATFORM"));

    [Fact]
    public Task An_undeclared_variable_in_from_is_reported() =>
        Verify<UndefinedArgInFromAnalyzer>.AnalyzeAsync(
            Dockerfile("{|#0:From = \"debian:${DEBIAN_VERSION}\"|}"),
            Verify<UndefinedArgInFromAnalyzer>.Diagnostic("DDSL025").WithLocation(0).WithArguments("DEBIAN_VERSION"));

    [Fact]
    public Task A_global_arg_or_platform_variable_in_from_is_fine() =>
        Verify<UndefinedArgInFromAnalyzer>.AnalyzeAsync(
            Dockerfile("From = \"${TARGETARCH}/debian:${DEBIAN_VERSION}\"", "[Arg(typeof(DebianVersion))]"));
}

using System.Threading.Tasks;
using DockerDsl.Analyzers.Rules;
using DockerDsl.Analyzers.Tests.Infrastructure;
using static DockerDsl.Analyzers.Tests.Rules.InstructionTests;

namespace DockerDsl.Analyzers.Tests.Rules;

public class FrontendAndCopyTests
{
    private static string Pinned(string syntax, string attribute) => $$"""
        using DockerDsl;

        [Dockerfile("Dockerfile", Syntax = "{{syntax}}")]
        public partial class App
        {
            [Stage(From = "debian:bookworm-slim")]
            {{attribute}}
            public partial class Final;
        }
        """;

    private static string WithEpochDefault(string syntax) => $$"""
        using DockerDsl;

        [BuildArg(Default = "1796129968")]
        public sealed partial class SourceDateEpoch;

        [Dockerfile("Dockerfile", Syntax = "{{syntax}}")]
        [{|#0:Arg(typeof(SourceDateEpoch))|}]
        public partial class App
        {
            [Stage(From = "debian:bookworm-slim")]
            public partial class Final;
        }
        """;

    [Fact]
    public Task A_global_SOURCE_DATE_EPOCH_default_under_frontend_1_22_is_reported_on_the_Arg() =>
        Verify<FeatureNewerThanFrontendAnalyzer>.AnalyzeAsync(
            WithEpochDefault("docker/dockerfile:1.22"),
            Verify<FeatureNewerThanFrontendAnalyzer>.Diagnostic("DDSL009").WithLocation(0).WithArguments("SOURCE_DATE_EPOCH as a global ARG default", "1.23", "docker/dockerfile:1.22"));

    [Theory]
    [InlineData("docker/dockerfile:1.23")]
    [InlineData("docker/dockerfile:1")]
    public Task A_global_SOURCE_DATE_EPOCH_default_is_fine_from_frontend_1_23(string syntax) =>
        Verify<FeatureNewerThanFrontendAnalyzer>.AnalyzeAsync(WithEpochDefault(syntax).Replace("{|#0:", string.Empty).Replace("|}]", "]"));

    [Fact]
    public Task Start_interval_under_frontend_1_4_is_reported_on_the_argument() =>
        Verify<FeatureNewerThanFrontendAnalyzer>.AnalyzeAsync(
            Pinned("docker/dockerfile:1.4", "[HealthCheck(\"true\", {|#0:StartInterval = \"1s\"|})]"),
            Verify<FeatureNewerThanFrontendAnalyzer>.Diagnostic("DDSL009").WithLocation(0).WithArguments("HEALTHCHECK --start-interval", "1.6", "docker/dockerfile:1.4"));

    [Theory]
    [InlineData("docker/dockerfile:1.6")]
    [InlineData("docker/dockerfile:1")]
    [InlineData("docker/dockerfile:1.7-labs")]
    [InlineData("docker.io/docker/dockerfile:1.6.0@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
    [InlineData("none")]
    [InlineData("docker/dockerfile-upstream:master")]
    public Task A_frontend_that_has_the_feature_or_is_unknown_is_fine(string syntax) =>
        Verify<FeatureNewerThanFrontendAnalyzer>.AnalyzeAsync(Pinned(syntax, "[HealthCheck(\"true\", StartInterval = \"1s\")]"));

    [Fact]
    public Task A_feature_that_left_labs_needs_its_stable_version() =>
        Verify<FeatureNewerThanFrontendAnalyzer>.AnalyzeAsync(
            Pinned("docker/dockerfile:1.19", "[Copy(\"src/\", \"/src/\", {|#0:Parents = true|})]"),
            Verify<FeatureNewerThanFrontendAnalyzer>.Diagnostic("DDSL009").WithLocation(0).WithArguments("COPY --parents", "1.20", "docker/dockerfile:1.19"));

    [Theory]
    [InlineData("docker/dockerfile:1")]
    [InlineData("docker/dockerfile:1.20")]
    [InlineData("docker/dockerfile:1.7-labs")]
    public Task A_feature_that_left_labs_is_in_its_stable_version_and_the_labs_ones_before(string syntax) =>
        Verify<FeatureNewerThanFrontendAnalyzer>.AnalyzeAsync(Pinned(syntax, "[Copy(\"src/\", \"/src/\", Parents = true)]"));

    [Fact]
    public Task Run_devices_need_a_labs_frontend() =>
        Verify<FeatureNewerThanFrontendAnalyzer>.AnalyzeAsync(
            Pinned("docker/dockerfile:1.14", "[Run(\"nvidia-smi\", {|#0:Devices = new[] { \"nvidia.com/gpu=all\" }|})]"),
            Verify<FeatureNewerThanFrontendAnalyzer>.Diagnostic("DDSL009").WithLocation(0).WithArguments("RUN --device", "1.14-labs", "docker/dockerfile:1.14"));

    [Fact]
    public Task Add_unpack_needs_frontend_1_17() =>
        Verify<FeatureNewerThanFrontendAnalyzer>.AnalyzeAsync(
            Pinned("docker/dockerfile:1.16", "[Add(\"https://example.com/a.tgz\", \"/opt/\", {|#0:Unpack = true|})]"),
            Verify<FeatureNewerThanFrontendAnalyzer>.Diagnostic("DDSL009").WithLocation(0).WithArguments("ADD --unpack", "1.17", "docker/dockerfile:1.16"));

    [Fact]
    public Task The_project_property_is_the_pin_when_the_dockerfile_sets_none() =>
        Verify<FeatureNewerThanFrontendAnalyzer>.AnalyzeAsync(
            """
            using DockerDsl;

            [Dockerfile("Dockerfile")]
            public partial class App
            {
                [Stage(From = "debian:bookworm-slim")]
                [WorkDir("/app")]
                [{|#0:RunHeredoc("echo hi")|}]
                public partial class Final;
            }
            """,
            "is_global = true\nbuild_property.DockerDslSyntax = docker/dockerfile:1.3\n",
            Verify<FeatureNewerThanFrontendAnalyzer>.Diagnostic("DDSL009").WithLocation(0).WithArguments("RUN heredoc", "1.4", "docker/dockerfile:1.3"));

    [Theory]
    [InlineData("[{|#0:User(\"app\")|}]", "'app' is a name")]
    [InlineData("[{|#0:User(\"app\", Group = \"1001\")|}]", "'app:1001' is a name")]
    public Task A_final_user_by_name_is_reported(string attribute, string user) =>
        Verify<UserByNameAnalyzer>.AnalyzeAsync(Stage(attribute), Verify<UserByNameAnalyzer>.Diagnostic("DDSL010").WithLocation(0).WithArguments(user));

    [Theory]
    [InlineData("[Env(\"APP_USER\", \"app\")][{|#0:User(\"$APP_USER\")|}]", "'$APP_USER' is the name 'app'")]
    [InlineData("[{|#0:User(\"$APP_UID\")|}]", "'$APP_UID' may be a name: DockerDsl cannot tell, since $APP_UID may be set by the base image, which DockerDsl cannot read")]
    public Task A_final_user_by_variable_is_resolved(string attribute, string user) =>
        Verify<UserByNameAnalyzer>.AnalyzeAsync(Stage(attribute), Verify<UserByNameAnalyzer>.Diagnostic("DDSL010").WithLocation(0).WithArguments(user));

    [Theory]
    [InlineData("[User(1001, 1001)]")]
    [InlineData("[User(\"1001\", Group = \"app\")]")]
    [InlineData("[NonRootUser(\"app\")]")]
    [InlineData("[User(\"root\")]")]
    [InlineData("")]
    public Task Numeric_root_or_no_user_is_not_this_rule(string attribute) =>
        Verify<UserByNameAnalyzer>.AnalyzeAsync(Stage(attribute));

    [Theory]
    [InlineData("[{|DDSL011:Add(\"app.py\", \"/app/\")|}]")]
    [InlineData("[{|DDSL011:Add(new[] { \"a.txt\", \"b.txt\" }, \"/app/\")|}]")]
    [InlineData("[{|DDSL011:Add(\"vendor.tar.gz\", \"/opt/vendor.tar.gz\", Unpack = false)|}]")]
    public Task Add_of_local_files_is_reported(string attribute) =>
        Verify<AddInsteadOfCopyAnalyzer>.AnalyzeAsync(Stage(attribute));

    [Theory]
    [InlineData("[Add(\"vendor.tar.gz\", \"/opt/\")]")]
    [InlineData("[Add(\"https://example.com/tool.tgz\", \"/opt/\", Checksum = \"sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\")]")]
    [InlineData("[Add(\"https://github.com/moby/buildkit.git#v0.13.0\", \"/src/\")]")]
    [InlineData("[Copy(\"app.py\", \"/app/\")]")]
    [InlineData("[Add(\"rootfs.img\", \"/\", Unpack = true)]")]
    public Task Add_of_archives_and_remote_sources_is_fine(string attribute) =>
        Verify<AddInsteadOfCopyAnalyzer>.AnalyzeAsync(Stage(attribute));

    [Fact]
    public Task Remote_add_without_checksum_is_reported() =>
        Verify<RemoteAddWithoutChecksumAnalyzer>.AnalyzeAsync(
            Stage("[Add({|#0:\"https://example.com/tool.tgz\"|}, \"/opt/\")]"),
            Verify<RemoteAddWithoutChecksumAnalyzer>.Diagnostic("DDSL012").WithLocation(0).WithArguments("https://example.com/tool.tgz"));

    [Theory]
    [InlineData("[Add(\"https://example.com/tool.tgz\", \"/opt/\", Checksum = \"sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\")]")]
    [InlineData("[Add(\"https://github.com/moby/buildkit.git#v0.13.0\", \"/src/\")]")]
    public Task Verified_or_git_sources_are_fine(string attribute) =>
        Verify<RemoteAddWithoutChecksumAnalyzer>.AnalyzeAsync(Stage(attribute));
}

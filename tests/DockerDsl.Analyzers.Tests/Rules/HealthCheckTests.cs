using System.Threading.Tasks;
using DockerDsl.Analyzers.Rules;
using DockerDsl.Analyzers.Tests.Infrastructure;

namespace DockerDsl.Analyzers.Tests.Rules;

public class HealthCheckTests
{
    [Fact]
    public Task A_final_stage_without_health_check_is_reported_on_its_stage_attribute() =>
        Verify<MissingHealthCheckAnalyzer>.AnalyzeAsync("""
            using DockerDsl;

            [Dockerfile("Dockerfile")]
            public partial class App
            {
                [Stage(From = "debian:bookworm-slim")]
                public partial class Build;

                [{|#0:Stage(From = "debian:bookworm-slim")|}]
                [CopyFrom(typeof(Build), "/out", "/app")]
                public partial class Final;
            }
            """,
            Verify<MissingHealthCheckAnalyzer>.Diagnostic("DDSL002").WithLocation(0).WithArguments("final"));

    [Fact]
    public async Task The_message_says_that_oci_builders_drop_health_checks()
    {
        Assert.Contains("OCI-format builders", DiagnosticDescriptors.MissingHealthCheck.MessageFormat.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Task.CompletedTask;
    }

    [Theory]
    [InlineData("HealthCheck(\"curl -fsS http://localhost:8080/health\", StartPeriod = \"30s\")")]
    [InlineData("HealthCheck(new[] { \"/app/healthcheck\" })")]
    [InlineData("NoHealthCheck")]
    [InlineData("Instruction(\"HEALTHCHECK NONE\")")]
    public Task A_health_check_or_none_silences_it(string attribute) =>
        Verify<MissingHealthCheckAnalyzer>.AnalyzeAsync($$"""
            using DockerDsl;

            [Dockerfile("Dockerfile")]
            public partial class App
            {
                [Stage(From = "debian:bookworm-slim")]
                [{{attribute}}]
                public partial class Final;
            }
            """);

    [Fact]
    public Task A_health_check_is_inherited_from_the_stage_built_from() =>
        Verify<MissingHealthCheckAnalyzer>.AnalyzeAsync("""
            using DockerDsl;

            [Dockerfile("Dockerfile")]
            public partial class App
            {
                [Stage(From = "debian:bookworm-slim")]
                [HealthCheck("true")]
                public partial class Runtime;

                [Stage(From = typeof(Runtime))]
                [Cmd("app")]
                public partial class Final;
            }
            """);

    [Fact]
    public Task A_health_check_in_another_stage_does_not_count() =>
        Verify<MissingHealthCheckAnalyzer>.AnalyzeAsync("""
            using DockerDsl;

            [Dockerfile("Dockerfile")]
            public partial class App
            {
                [Stage(From = "debian:bookworm-slim")]
                [HealthCheck("true")]
                public partial class Other;

                [{|#0:Stage(From = "debian:bookworm-slim")|}]
                public partial class Final;
            }
            """,
            Verify<MissingHealthCheckAnalyzer>.Diagnostic("DDSL002").WithLocation(0).WithArguments("final"));

    [Fact]
    public Task Pragma_suppresses_it() =>
        Verify<MissingHealthCheckAnalyzer>.AnalyzeAsync("""
            using DockerDsl;

            [Dockerfile("Dockerfile")]
            public partial class App
            {
            #pragma warning disable DDSL002
                [Stage(From = "debian:bookworm-slim")]
            #pragma warning restore DDSL002
                public partial class Final;
            }
            """);

    [Fact]
    public Task Editorconfig_turns_it_off() =>
        Verify<MissingHealthCheckAnalyzer>.AnalyzeAsync(
            """
            using DockerDsl;

            [Dockerfile("Dockerfile")]
            public partial class App
            {
                [Stage(From = "debian:bookworm-slim")]
                public partial class Final;
            }
            """,
            "root = true\n\n[*.cs]\ndotnet_diagnostic.DDSL002.severity = none\n");
}

using System.Threading.Tasks;
using DockerDsl.Analyzers.Rules;
using DockerDsl.Analyzers.Tests.Infrastructure;

namespace DockerDsl.Analyzers.Tests.Rules;

public class StopSignalTests
{
    private static string Final(string attributes) => $$"""
        using DockerDsl;

        [Dockerfile("Dockerfile")]
        public partial class Api
        {
            [Stage(From = "r-base:4.4")]
            {{attributes}}
            public partial class Final;
        }
        """;

    [Fact]
    public Task The_seed_pattern_an_R_process_as_PID_1_is_reported_at_its_Cmd() =>
        Verify<IgnoresStopSignalAnalyzer>.AnalyzeAsync(
            Final("[{|#0:Cmd(\"R\", \"-e\", \"plumber::pr_run(plumber::pr('api.R'), host = '0.0.0.0')\")|}]"),
            new Microsoft.CodeAnalysis.Testing.DiagnosticResult("DDSL042", Microsoft.CodeAnalysis.DiagnosticSeverity.Info).WithLocation(0).WithArguments("final", "R"));

    [Theory]
    [InlineData("[Entrypoint(\"/usr/bin/tini\", \"--\")] [Cmd(\"R\", \"-f\", \"api.R\")]")]
    [InlineData("[StopSignal(\"SIGINT\")] [Cmd(\"R\", \"-f\", \"api.R\")]")]
    [InlineData("[Cmd(\"dotnet\", \"App.dll\")]")]
    public Task An_init_or_a_stop_signal_is_not_reported(string attributes) =>
        Verify<IgnoresStopSignalAnalyzer>.AnalyzeAsync(Final(attributes));
}

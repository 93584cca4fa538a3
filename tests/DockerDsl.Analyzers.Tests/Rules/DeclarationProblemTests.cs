using System.Threading.Tasks;
using DockerDsl.Analyzers.Rules;
using DockerDsl.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace DockerDsl.Analyzers.Tests.Rules;

public class DeclarationProblemTests
{
    private static DiagnosticResult Error(string id, int location) =>
        new DiagnosticResult(id, DiagnosticSeverity.Error).WithLocation(location);

    [Fact]
    public Task Invalid_port_is_reported_on_the_port_with_the_parser_message() =>
        Verify<DeclarationProblemAnalyzer>.AnalyzeAsync("""
            using DockerDsl;

            [Dockerfile("Dockerfile")]
            public partial class App
            {
                [Stage(From = "debian:bookworm-slim")]
                [Expose({|#0:70000|})]
                public partial class Final;
            }
            """,
            Error("DDSL104", 0).WithArguments("The port 70000 is not a port number from 1 to 65535."));

    [Fact]
    public Task Malformed_duration_and_retries_are_reported() =>
        Verify<DeclarationProblemAnalyzer>.AnalyzeAsync("""
            using DockerDsl;

            [Dockerfile("Dockerfile")]
            public partial class App
            {
                [Stage(From = "debian:bookworm-slim")]
                [HealthCheck("true", {|#0:Interval = "30 seconds"|}, {|#1:Retries = -1|})]
                public partial class Final;
            }
            """,
            Error("DDSL104", 0),
            Error("DDSL104", 1));

    [Theory]
    [InlineData("!", "is '!' with no pattern")]
    [InlineData("[a-", "is not a valid pattern")]
    [InlineData("[]", "is not a valid pattern")]
    [InlineData("[]a]", "is not a valid pattern")]
    [InlineData("logs\\\\", "is not a valid pattern")]
    public async Task An_ignore_pattern_BuildKit_refuses_is_reported(string pattern, string problem)
    {
        var diagnostics = await DeclarationRunner.DiagnosticsAsync($$"""
            using DockerDsl;

            [Dockerfile("Dockerfile", Ignore = new[] { "docs/", "{{pattern}}" })]
            public partial class App
            {
                [Stage(From = "debian:bookworm-slim")]
                public partial class Final;
            }
            """);

        var diagnostic = Assert.Single(diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal("DDSL103", diagnostic.Id);
        Assert.Contains("Ignore pattern 2 " + problem, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public Task Ignore_patterns_BuildKit_accepts_are_not_reported() =>
        Verify<DeclarationProblemAnalyzer>.AnalyzeAsync("""
            using DockerDsl;

            [Dockerfile("Dockerfile", Ignore = new[] { "docs/", "!docs/keep.md", "[!a]*.txt", "\\#notes", "**/*.log" })]
            public partial class App
            {
                [Stage(From = "debian:bookworm-slim")]
                public partial class Final;
            }
            """);

    [Fact]
    public Task Stage_cycle_duplicate_and_reserved_names_are_reported() =>
        Verify<DeclarationProblemAnalyzer>.AnalyzeAsync("""
            using DockerDsl;

            [Dockerfile("Dockerfile")]
            public partial class App
            {
                [Stage(From = typeof(B))]
                public partial class A;

                [Stage({|#0:From = typeof(A)|})]
                public partial class B;

                [{|#1:Stage(From = "debian:12", Name = "scratch")|}]
                public partial class C;

                [{|#2:Stage(From = "debian:12", Name = "a")|}]
                public partial class D;
            }
            """,
            Error("DDSL107", 0),
            Error("DDSL108", 1),
            Error("DDSL108", 2));

    [Fact]
    public Task A_stage_split_over_partial_declarations_is_reported() =>
        Verify<DeclarationProblemAnalyzer>.AnalyzeAsync("""
            using DockerDsl;

            [Dockerfile("Dockerfile")]
            public partial class App
            {
                [{|#0:Stage(From = "debian:12")|}]
                [Run("a")]
                public partial class Final;

                [Run("b")]
                public partial class Final;
            }
            """,
            Error("DDSL109", 0));

    [Fact]
    public Task Not_partial_no_stage_and_unsafe_values_are_reported() =>
        Verify<DeclarationProblemAnalyzer>.AnalyzeAsync("""
            using DockerDsl;

            [{|#0:Dockerfile("Dockerfile")|}]
            public class Empty
            {
            }

            [Dockerfile({|#1:"/abs/Dockerfile"|})]
            public partial class App
            {
                [Stage(From = "debian:12")]
                [Run({|#2:"echo a\nRUN evil"|})]
                [{|#3:Cmd("x")|}]
                public partial class Final;
            }
            """,
            Error("DDSL101", 0),
            Error("DDSL110", 0),
            Error("DDSL102", 1),
            Error("DDSL103", 2));

    [Fact]
    public Task A_reference_to_a_class_that_is_not_a_mount_is_reported() =>
        Verify<DeclarationProblemAnalyzer>.AnalyzeAsync("""
            using DockerDsl;

            [Dockerfile("Dockerfile")]
            public partial class App
            {
                [Stage(From = "debian:12")]
                [Run("make", {|#0:Mounts = new[] { typeof(App) }|})]
                public partial class Final;
            }
            """,
            Error("DDSL106", 0));

    [Fact]
    public Task An_attribute_the_compiler_rejects_is_left_to_the_compiler() =>
        Verify<DeclarationProblemAnalyzer>.AnalyzeAsync("""
            using DockerDsl;

            [Dockerfile("Dockerfile")]
            public partial class App
            {
                [Stage(From = "debian:12")]
                [WorkDir({|CS1503:42|})]
                public partial class Final;
            }
            """);
}

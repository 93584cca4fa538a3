using System.Threading.Tasks;
using DockerDsl.Analyzers.Rules;
using DockerDsl.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace DockerDsl.Analyzers.Tests.Rules;

public class WorkDirOwnerTests
{
    private static string Final(string attributes) => $$"""
        using DockerDsl;

        [Dockerfile("Dockerfile")]
        public partial class Api
        {
            [Stage(From = "debian:bookworm-slim")]
            {{attributes}}
            public partial class Final;
        }
        """;

    [Fact]
    public Task A_WorkDir_after_NonRootUser_is_reported_at_the_WorkDir_whatever_the_attribute_order_would_suggest() =>
        Verify<WorkDirOwnedByUserAnalyzer>.AnalyzeAsync(
            Final("[NonRootUser(\"app\", Uid = 1001)]\n[{|#0:WorkDir(\"/app\")|}]"),
            new DiagnosticResult("DDSL043", DiagnosticSeverity.Info).WithLocation(0).WithArguments("/app", "1001:1001"));

    [Theory]
    [InlineData("[WorkDir(\"/app\")]\n[NonRootUser(\"app\", Uid = 1001)]")]
    [InlineData("[WorkDir(\"/app\")]\n[NonRootUser(\"app\", Uid = 1001)]\n[WorkDir(\"/app\")]")]
    [InlineData("[User(\"0\")]\n[WorkDir(\"/app\")]")]
    public Task A_WorkDir_made_as_root_is_not_reported(string attributes) =>
        Verify<WorkDirOwnedByUserAnalyzer>.AnalyzeAsync(Final(attributes));
}

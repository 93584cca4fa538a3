using System.Threading.Tasks;
using DockerDsl.Analyzers.Rules;
using DockerDsl.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace DockerDsl.Analyzers.Tests.Rules;

/// <summary>A Dockerfile path that leaves the project is reported at the [Dockerfile] attribute while typing, as the build task's DDSLB001 would.</summary>
public class OutputPathTests
{
    private static string Declaration(string path) => $$"""
        using DockerDsl;

        [Dockerfile({|#0:"{{path}}"|})]
        public partial class App
        {
            [Stage(From = "debian:bookworm-slim")]
            public partial class Final;
        }
        """;

    private static DiagnosticResult Outside(string message) =>
        new DiagnosticResult("DDSL102", DiagnosticSeverity.Error).WithLocation(0).WithArguments(message);

    [Theory]
    [InlineData("../Dockerfile")]
    [InlineData("a/../../Dockerfile")]
    [InlineData("./../x/Dockerfile")]
    [InlineData("a/b/../../../c/Dockerfile")]
    [InlineData("..\\\\Dockerfile")]
    public Task A_path_that_leaves_the_project_folder_is_an_error_at_the_path(string path) =>
        Verify<DeclarationProblemAnalyzer>.AnalyzeAsync(
            Declaration(path),
            "is_global = true\nbuild_property.ProjectDir = /src/app/\n",
            Outside($"The Dockerfile path '{path.Replace("\\\\", "/")}' leaves the project folder (it resolves to '/src/{(path.EndsWith("c/Dockerfile") ? "c/" : path.StartsWith("./") ? "x/" : string.Empty)}Dockerfile'); use a path inside it, or set <DockerDslAllowOutsideProject>true</DockerDslAllowOutsideProject> in the project if writing there is intended."));

    [Theory]
    [InlineData("Dockerfile")]
    [InlineData("a/../Dockerfile")]
    [InlineData("./docker/./api/../Dockerfile")]
    [InlineData("a/b/../../c/Dockerfile")]
    public Task A_path_inside_the_project_folder_is_fine(string path) =>
        Verify<DeclarationProblemAnalyzer>.AnalyzeAsync(Declaration(path), "is_global = true\nbuild_property.ProjectDir = /src/app/\n");

    [Fact]
    public Task The_output_directory_is_the_folder_the_path_must_stay_in() =>
        Verify<DeclarationProblemAnalyzer>.AnalyzeAsync(
            Declaration("../Dockerfile"),
            "is_global = true\nbuild_property.ProjectDir = /src/app/\nbuild_property.DockerDslOutputDirectory = docker\n",
            Outside("The Dockerfile path '../Dockerfile' leaves DockerDslOutputDirectory 'docker' (it resolves to '/src/app/Dockerfile'); use a path inside it, or set <DockerDslAllowOutsideProject>true</DockerDslAllowOutsideProject> in the project if writing there is intended."));

    [Fact]
    public Task Without_the_project_folder_the_message_still_names_the_path() =>
        Verify<DeclarationProblemAnalyzer>.AnalyzeAsync(
            Declaration("../Dockerfile"),
            Outside("The Dockerfile path '../Dockerfile' leaves the project folder; use a path inside it, or set <DockerDslAllowOutsideProject>true</DockerDslAllowOutsideProject> in the project if writing there is intended."));

    [Theory]
    [InlineData("true")]
    [InlineData("True")]
    public Task Allowing_paths_outside_the_project_allows_them(string allow) =>
        Verify<DeclarationProblemAnalyzer>.AnalyzeAsync(Declaration("../Dockerfile"), $"is_global = true\nbuild_property.DockerDslAllowOutsideProject = {allow}\n");
}

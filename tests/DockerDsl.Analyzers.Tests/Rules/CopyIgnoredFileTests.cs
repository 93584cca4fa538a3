using System.Threading.Tasks;
using DockerDsl.Analyzers.Rules;
using DockerDsl.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;

namespace DockerDsl.Analyzers.Tests.Rules;

public class CopyIgnoredFileTests
{
    /// <summary>A Dockerfile with <paramref name="settings"/> on its attribute and <paramref name="attributes"/> on its final stage.</summary>
    private static string Image(string settings, string attributes, string extraMembers = "") => $$"""
        using DockerDsl;

        [Dockerfile("Dockerfile"{{settings}})]
        public partial class App
        {
            [Stage(From = "debian:bookworm-slim")]
            [WorkDir("/app")]
            {{attributes}}
            public partial class Final;
            {{extraMembers}}
        }
        """;

    private static DiagnosticResult Excluded(int location, string keyword, string source, string pattern) =>
        Verify<CopyIgnoredFileAnalyzer>.Diagnostic("DDSL029").WithLocation(location).WithArguments(keyword, source, pattern, Advice(source, pattern));

    // A built-in pattern cannot be removed: the advice is an exception, and for the .NET patterns DotNetIgnore.
    private static string Advice(string source, string pattern) => pattern switch
    {
        "**/bin/" or "**/obj/" or "**/*.user" or "**/TestResults/" => $"'{pattern}' is one of DockerDsl's built-in patterns, so add the exception '!{source}' to Ignore, or set DotNetIgnore = DotNetIgnorePatterns.Never on [Dockerfile] when the context's .NET build output belongs in the image, or copy it from another stage",
        "**/node_modules/" or "**/.git/" or "**/.vs/" or "**/.vscode/" or "**/.idea/" => $"'{pattern}' is one of DockerDsl's built-in patterns, so add the exception '!{source}' to Ignore, or copy it from another stage",
        _ => $"remove or narrow that Ignore pattern, add an exception such as '!{source}' to Ignore, or copy it from another stage",
    };

    [Theory]
    [InlineData(", DotNetIgnore = DotNetIgnorePatterns.Never")]
    [InlineData(", Context = \"web\"")]
    public Task Without_the_dotnet_patterns_their_folders_are_in_the_context(string settings) =>
        Verify<CopyIgnoredFileAnalyzer>.AnalyzeAsync(Image(settings, "[Copy(\"bin/rails\", \"./bin/\")]"));

    [Theory]
    [InlineData("bin/Release/net8.0/publish/", "**/bin/")]
    [InlineData("src/Api/obj/project.assets.json", "**/obj/")]
    [InlineData("web/node_modules/", "**/node_modules/")]
    [InlineData("./.git/HEAD", "**/.git/")]
    [InlineData("/Api.csproj.user", "**/*.user")]
    public Task A_source_the_default_patterns_leave_out_is_reported(string source, string pattern) =>
        Verify<CopyIgnoredFileAnalyzer>.AnalyzeAsync(Image("", $"[Copy({{|#0:\"{source}\"|}}, \"./\")]"), Excluded(0, "COPY", source, pattern));

    [Fact]
    public Task A_source_a_declared_pattern_leaves_out_is_reported_on_that_source() =>
        Verify<CopyIgnoredFileAnalyzer>.AnalyzeAsync(
            Image(
                ", Ignore = new[] { \"*.md\", \"docs/\" }",
                """
                [Copy(new[] { "src/", {|#0:"docs/guide.md"|}, "README.txt", {|#1:"CHANGELOG.md"|} }, "./")]
                [Add({|#2:"docs"|}, "/usr/share/doc/app/")]
                [Copy("src/README.md", "./")]
                """),
            Excluded(0, "COPY", "docs/guide.md", "docs/"),
            Excluded(1, "COPY", "CHANGELOG.md", "*.md"),
            Excluded(2, "ADD", "docs", "docs/"));

    [Fact]
    public Task An_exception_brings_a_source_back() =>
        Verify<CopyIgnoredFileAnalyzer>.AnalyzeAsync(Image(
            ", Ignore = new[] { \"docs/\", \"!docs/README.md\", \"!src/bin/tools/\" }",
            """
            [Copy("docs/README.md", "./")]
            [Copy("docs", "./docs/")]
            [Copy("src/bin/tools/run.sh", "./")]
            [Copy({|DDSL029:"docs/guide.md"|}, "./")]
            """));

    [Fact]
    public Task An_exception_that_could_match_in_any_folder_keeps_every_folder_source() =>
        Verify<CopyIgnoredFileAnalyzer>.AnalyzeAsync(Image(", Ignore = new[] { \"docs/\", \"!**/keep\" }", "[Copy(\"docs/guide\", \"./\")]"));

    [Fact]
    public Task An_exception_before_the_pattern_that_excludes_is_overruled() =>
        Verify<CopyIgnoredFileAnalyzer>.AnalyzeAsync(
            Image(", Ignore = new[] { \"!docs/README.md\", \"docs/\" }", "[Copy({|#0:\"docs/README.md\"|}, \"./\")]"),
            Excluded(0, "COPY", "docs/README.md", "docs/"));

    [Fact]
    public Task Sources_and_patterns_are_relative_to_the_declared_context() =>
        Verify<CopyIgnoredFileAnalyzer>.AnalyzeAsync(
            Image(
                ", Context = \"..\", Ignore = new[] { \"legacy\" }",
                """
                [Copy({|#0:"legacy/app.py"|}, "./")]
                [Copy({|#1:"Api/obj/Release/"|}, "./")]
                [Copy("src/legacy/app.py", "./")]
                """),
            Excluded(0, "COPY", "legacy/app.py", "legacy"),
            Excluded(1, "COPY", "Api/obj/Release/", "**/obj/"));

    [Fact]
    public Task Sources_from_a_stage_an_image_or_inline_content_are_not_in_the_context() =>
        Verify<CopyIgnoredFileAnalyzer>.AnalyzeAsync(Image(
            ", Ignore = new[] { \"out/\" }",
            """
            [Copy("bin/Release/app.dll", "./", From = typeof(Build))]
            [Copy("/usr/local/bin/tool", "/usr/local/bin/", From = "alpine:3.20")]
            [CopyFrom(typeof(Build), "out/app", "./")]
            [CopyHeredoc("/app/bin/run.sh", "echo hi")]
            [Add("https://example.com/bin/tool.tgz", "/opt/", Checksum = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
            [Add("https://github.com/acme/out.git#v1", "/src/")]
            """,
            """
            [Stage(From = "mcr.microsoft.com/dotnet/sdk:8.0")]
            [WorkDir("/src")]
            [Run("dotnet publish -o out")]
            public partial class Build;
            """));

    [Fact]
    public Task A_wildcard_is_reported_only_when_the_folder_before_it_is_left_out() =>
        Verify<CopyIgnoredFileAnalyzer>.AnalyzeAsync(Image(
            ", Ignore = new[] { \"*.dll\" }",
            """
            [Copy({|#0:"bin/*.dll"|}, "./")]
            [Copy({|#1:"src/obj/*/generated/*.cs"|}, "./")]
            [Copy("*.dll", "./")]
            [Copy("src/*/bin/app.dll", "./")]
            [Copy("lib/*.dll", "./")]
            """),
            Excluded(0, "COPY", "bin/*.dll", "**/bin/"),
            Excluded(1, "COPY", "src/obj/*/generated/*.cs", "**/obj/"));

    [Theory]
    [InlineData(".")]
    [InlineData("./")]
    [InlineData("/")]
    [InlineData("../bin/app.dll")]
    [InlineData("$BUILD_DIR/bin/app.dll")]
    [InlineData("binaries/app.dll")]
    public Task The_context_root_paths_outside_it_and_variables_are_not_reported(string source) =>
        Verify<CopyIgnoredFileAnalyzer>.AnalyzeAsync(Image(", Ignore = new[] { \"**\", \"!binaries\" }", $"[Copy(\"{source}\", \"./\")]"));

    // A malformed pattern is a declaration error (DDSL103), and best-practice rules wait for a clean declaration.
    [Fact]
    public Task A_declaration_with_a_malformed_pattern_is_refused_not_checked() =>
        Verify<CopyIgnoredFileAnalyzer>.AnalyzeAsync(Image(
            ", Ignore = new[] { \"[\", \"secrets\" }",
            """
            [Copy("secrets/key", "./")]
            """));

    [Fact]
    public Task Pragma_suppresses_it() =>
        Verify<CopyIgnoredFileAnalyzer>.AnalyzeAsync(Image(
            "",
            """
            #pragma warning disable DDSL029 // the build script publishes into bin/ after deleting the default ignore file
                [Copy("bin/publish/", "./")]
            #pragma warning restore DDSL029
            """));
}

using System.Collections.Generic;
using System.IO;
using System.Linq;
using DockerDsl.Import.Tests.Infrastructure;
using DockerDsl.Tests.Shared;

namespace DockerDsl.Import.Tests;

/// <summary><c>dockerdsl import</c>: where it writes, what it prints and what it exits with.</summary>
public sealed class ImportCommandTests
{
    [Fact]
    public void Without_output_the_declaration_goes_to_standard_output_and_the_counts_to_standard_error()
    {
        using var folder = new TempDirectory();
        File.WriteAllText(Path.Combine(folder.Path, "Dockerfile"), "FROM debian:bookworm-slim AS base\nRUN apt-get update\nMAINTAINER someone@example.com\n");

        var (code, stdout, stderr) = Run(folder.Path, "import", "Dockerfile", "--class", "Api", "--namespace", "Acme.Images");

        Assert.Equal(0, code);
        Assert.Contains("namespace Acme.Images;", stdout);
        Assert.Contains("public partial class Api", stdout);
        Assert.Contains("[Run(\"apt-get update\")]", stdout);
        Assert.Contains("Dockerfile: 3 instructions: 2 typed, 1 [Instruction], 0 not expressible yet", stderr);
        Assert.Contains("Dockerfile:3: MAINTAINER [Instruction]: MAINTAINER has no typed attribute", stderr);
        Assert.Null(ImportedCompilation.Compile(stdout).Diagnostics.FirstOrDefault(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
    }

    [Fact]
    public void With_output_the_file_is_written_whole_and_names_the_Dockerfile_relative_to_its_folder()
    {
        using var folder = new TempDirectory();
        Directory.CreateDirectory(Path.Combine(folder.Path, "api"));
        File.WriteAllText(Path.Combine(folder.Path, "api", "Dockerfile"), "FROM alpine:3.20\nCMD [\"sh\"]\n");

        var (code, stdout, _) = Run(folder.Path, "import", "api/Dockerfile", "-o", "src/Images/Api.cs");

        Assert.Equal(0, code);
        Assert.Equal(string.Empty, stdout);
        var source = File.ReadAllText(Path.Combine(folder.Path, "src", "Images", "Api.cs"));
        Assert.Contains("[Dockerfile(\"../../api/Dockerfile\"", source);
        Assert.Contains("public partial class ApiDockerfile", source);
        Assert.Empty(Directory.GetFiles(Path.Combine(folder.Path, "src", "Images"), "*.tmp"));
    }

    [Fact]
    public void The_Dockerfile_path_is_relative_to_the_project_folder_that_holds_the_output_file()
    {
        using var folder = new TempDirectory();
        Directory.CreateDirectory(Path.Combine(folder.Path, "api"));
        File.WriteAllText(Path.Combine(folder.Path, "api", "Dockerfile"), "FROM alpine:3.20\n");
        File.WriteAllText(Path.Combine(folder.Path, "Images.csproj"), "<Project Sdk=\"Microsoft.NET.Sdk\" />\n");

        var (code, _, _) = Run(folder.Path, "import", "api/Dockerfile", "-o", "src/Images/Api.cs");

        Assert.Equal(0, code);
        Assert.Contains("[Dockerfile(\"api/Dockerfile\"", File.ReadAllText(Path.Combine(folder.Path, "src", "Images", "Api.cs")));
    }

    [Fact]
    public void The_dockerignore_beside_the_Dockerfile_becomes_the_Ignore_patterns()
    {
        using var folder = new TempDirectory();
        File.WriteAllText(Path.Combine(folder.Path, "web.Dockerfile"), "FROM alpine:3.20\nCOPY . /app/\n");
        File.WriteAllText(Path.Combine(folder.Path, "web.Dockerfile.dockerignore"), "# build output\nbin/\n**/*.log\n!keep.log\n");

        var (code, stdout, _) = Run(folder.Path, "import", "web.Dockerfile");

        Assert.Equal(0, code);
        Assert.Contains("\"bin/\"", stdout);
        Assert.Contains("\"**/*.log\"", stdout);
        Assert.Contains("\"!keep.log\"", stdout);
        Assert.Contains("Ignore", stdout);
    }

    [Fact]
    public void An_instruction_BuildKit_refuses_is_reported_at_its_line_and_kept_as_written()
    {
        using var folder = new TempDirectory();
        File.WriteAllText(Path.Combine(folder.Path, "Dockerfile"), "FROM alpine:3.20\nRUN --bogus=1 echo hi\nCOPY a /b\n");

        var (code, stdout, stderr) = Run(folder.Path, "import", "Dockerfile");

        Assert.Equal(2, code);
        Assert.StartsWith("Dockerfile:2: error: unknown flag: bogus", stderr);
        Assert.Contains("[Instruction(\"RUN --bogus=1 echo hi\")]", stdout);
        Assert.Contains("[Copy(\"a\", \"/b\")]", stdout);
        var regenerated = ImportedCompilation.Compile(stdout).Dockerfile;
        Assert.NotNull(regenerated);
        Assert.Contains("RUN --bogus=1 echo hi\nCOPY a /b\n", regenerated);
    }

    [Fact]
    public void Text_the_parser_refuses_gives_an_error_line_and_no_declaration()
    {
        using var folder = new TempDirectory();
        File.WriteAllText(Path.Combine(folder.Path, "Dockerfile"), "FROM alpine:3.20\nCOPY <<EOF /a\nno terminator\n");
        File.WriteAllText(Path.Combine(folder.Path, "Out.cs"), "old");

        var (code, stdout, stderr) = Run(folder.Path, "import", "Dockerfile", "-o", "Out.cs");

        Assert.Equal(2, code);
        Assert.Equal(string.Empty, stdout);
        Assert.Matches(@"^Dockerfile(:\d+)?: error: ", stderr);
        Assert.Equal("old", File.ReadAllText(Path.Combine(folder.Path, "Out.cs")));
    }

    [Theory]
    [InlineData("--class", "2fast")]
    [InlineData("--namespace", "Acme..Images")]
    public void A_name_that_is_not_CSharp_is_a_usage_error(string option, string value)
    {
        using var folder = new TempDirectory();
        File.WriteAllText(Path.Combine(folder.Path, "Dockerfile"), "FROM alpine:3.20\n");

        var (code, stdout, stderr) = Run(folder.Path, "import", "Dockerfile", option, value);

        Assert.Equal(2, code);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains("dockerdsl import: error:", stderr);
    }

    [Fact]
    public void A_missing_file_is_an_error()
    {
        using var folder = new TempDirectory();

        var (code, _, stderr) = Run(folder.Path, "import", "Dockerfile");

        Assert.Equal(2, code);
        Assert.Equal("Dockerfile: error: no such file", stderr.Trim());
    }

    [Fact]
    public void A_Windows_Dockerfile_with_the_backtick_escape_and_PowerShell_imports()
    {
        var path = Corpus.Path("real", "moby__moby__Dockerfile.windows.Dockerfile");

        var (code, stdout, _) = Run(Path.GetDirectoryName(path)!, "import", Path.GetFileName(path));

        Assert.Equal(0, code);
        Assert.Contains("Escape = '`'", stdout);
        Assert.Contains("[Shell(\"powershell\"", stdout);
        var regenerated = ImportedCompilation.Compile(stdout).Dockerfile;
        Assert.NotNull(regenerated);
        Assert.Null(DockerfileComparison.Difference(File.ReadAllText(path), regenerated!));
    }

    private static (int Code, string Stdout, string Stderr) Run(string directory, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = Cli.Cli.RunAsync(args, stdout, stderr, directory, new Dictionary<string, string>()).GetAwaiter().GetResult();
        return (code, stdout.ToString().Replace("\r\n", "\n"), stderr.ToString().Replace("\r\n", "\n"));
    }
}

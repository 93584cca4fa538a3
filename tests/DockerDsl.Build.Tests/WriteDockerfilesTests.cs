using System;
using System.IO;
using System.Linq;
using System.Text;
using DockerDsl.Build.Tests.Infrastructure;
using Microsoft.Build.Framework;
using Xunit;

namespace DockerDsl.Build.Tests;

/// <summary>The task on its own: assemblies compiled in-test, a fake build engine, a temp project folder.</summary>
public sealed class WriteDockerfilesTests : IDisposable
{
    private const string Text = "# syntax=docker/dockerfile:1.7\nFROM debian:bookworm-slim AS base\nRUN echo \"héllo $HOME\" \\\n  && true\n";
    private static readonly DateTime LongAgo = new(2001, 2, 3, 4, 5, 6, DateTimeKind.Utc);

    private readonly TempDirectory _temp = new();
    private readonly FakeBuildEngine _engine = new();

    private string ProjectDirectory => _temp.Combine("project");

    private string AssemblyDirectory => _temp.Combine("obj");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Writes_the_declared_file_with_exact_bytes_and_creates_its_folder()
    {
        var assembly = TestAssembly.WithLocalAttribute(AssemblyDirectory, ("api/Dockerfile", Text));

        var task = Run(assembly);

        var path = Path.Combine(ProjectDirectory, "api", "Dockerfile");
        Assert.Equal(new UTF8Encoding(false).GetBytes(Text), File.ReadAllBytes(path));
        Assert.NotEqual(0xEF, File.ReadAllBytes(path)[0]);
        Assert.Contains(_engine.Messages, m => m.Importance == MessageImportance.High && m.Message == $"DockerDsl: wrote api/Dockerfile ({path})");
        var item = Assert.Single(task.Dockerfiles);
        Assert.Equal(path, item.ItemSpec);
        Assert.Equal("true", item.GetMetadata("Written"));
        Assert.Equal("api/Dockerfile", item.GetMetadata("DeclaredPath"));
    }

    [Fact]
    public void Reads_the_real_attribute_from_a_referenced_DockerDsl_assembly()
    {
        var assembly = TestAssembly.WithDockerDslReference(AssemblyDirectory, ("Dockerfile", Text), ("worker/Dockerfile", "FROM scratch\n"));

        Run(assembly);

        Assert.Equal(Text, File.ReadAllText(Path.Combine(ProjectDirectory, "Dockerfile")));
        Assert.Equal("FROM scratch\n", File.ReadAllText(Path.Combine(ProjectDirectory, "worker", "Dockerfile")));
    }

    [Fact]
    public void A_second_run_with_the_same_text_leaves_the_file_untouched()
    {
        var assembly = TestAssembly.WithLocalAttribute(AssemblyDirectory, ("Dockerfile", Text));
        Run(assembly);
        var path = Path.Combine(ProjectDirectory, "Dockerfile");
        File.SetLastWriteTimeUtc(path, LongAgo);
        var engine = new FakeBuildEngine();

        var task = Run(assembly, engine: engine);

        Assert.Equal(LongAgo, File.GetLastWriteTimeUtc(path));
        Assert.DoesNotContain(engine.Messages, m => m.Message!.StartsWith("DockerDsl: wrote", StringComparison.Ordinal));
        Assert.Contains(engine.Messages, m => m.Importance == MessageImportance.Normal && m.Message?.StartsWith("DockerDsl: Dockerfile is up to date (", System.StringComparison.Ordinal) == true);
        Assert.Equal("false", Assert.Single(task.Dockerfiles).GetMetadata("Written"));
    }

    [Fact]
    public void Changed_text_replaces_the_file()
    {
        Run(TestAssembly.WithLocalAttribute(AssemblyDirectory, ("Dockerfile", Text)));
        var path = Path.Combine(ProjectDirectory, "Dockerfile");
        File.SetLastWriteTimeUtc(path, LongAgo);

        Run(TestAssembly.WithLocalAttribute(AssemblyDirectory, ("Dockerfile", "FROM scratch\n")));

        Assert.Equal("FROM scratch\n", File.ReadAllText(path));
        Assert.NotEqual(LongAgo, File.GetLastWriteTimeUtc(path));
        Assert.Equal(["Dockerfile"], Directory.GetFiles(ProjectDirectory).Select(Path.GetFileName));
    }

    [Theory]
    [InlineData("../Dockerfile")]
    [InlineData("api/../../elsewhere/Dockerfile")]
    public void A_path_outside_the_project_is_refused(string declaredPath)
    {
        var assembly = TestAssembly.WithLocalAttribute(AssemblyDirectory, (declaredPath, Text));

        Run(assembly, expectSuccess: false);

        var error = Assert.Single(_engine.Errors);
        Assert.Equal("DDSLB001", error.Code);
        Assert.Contains("<DockerDslAllowOutsideProject>true</DockerDslAllowOutsideProject>", error.Message);
        Assert.False(File.Exists(Path.GetFullPath(Path.Combine(ProjectDirectory, declaredPath))));
    }

    [Fact]
    public void A_path_outside_the_project_is_written_when_allowed()
    {
        var assembly = TestAssembly.WithLocalAttribute(AssemblyDirectory, ("../shared/Dockerfile", Text));

        Run(assembly, configure: task => task.AllowOutsideProject = true);

        Assert.Equal(Text, File.ReadAllText(_temp.Combine("shared", "Dockerfile")));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("/etc/Dockerfile")]
    [InlineData("\\\\server\\share\\Dockerfile")]
    [InlineData("C:/Dockerfile")]
    [InlineData("api/")]
    [InlineData("api/..")]
    public void Empty_absolute_and_folder_paths_are_refused(string declaredPath)
    {
        var assembly = TestAssembly.WithLocalAttribute(AssemblyDirectory, (declaredPath, Text), ("good/Dockerfile", Text));

        Run(assembly, expectSuccess: false);

        var error = Assert.Single(_engine.Errors);
        Assert.Equal("DDSLB002", error.Code);
        Assert.Contains("relative to the project folder", error.Message);
        // Paths are all checked before anything is written: the valid one is not written either.
        Assert.False(Directory.Exists(ProjectDirectory) && Directory.EnumerateFileSystemEntries(ProjectDirectory).Any(), _engine.Log);
        Assert.False(File.Exists("/etc/Dockerfile"));
    }

    [Fact]
    public void Two_declarations_of_one_path_with_different_text_are_refused()
    {
        var assembly = TestAssembly.WithLocalAttribute(AssemblyDirectory, ("Dockerfile", Text), ("./Dockerfile", "FROM scratch\n"));

        Run(assembly, expectSuccess: false);

        Assert.Equal("DDSLB006", Assert.Single(_engine.Errors).Code);
        Assert.False(File.Exists(Path.Combine(ProjectDirectory, "Dockerfile")));
    }

    [Fact]
    public void A_missing_assembly_is_a_clear_error()
    {
        Run(Path.Combine(AssemblyDirectory, "Missing.dll"), expectSuccess: false);

        var error = Assert.Single(_engine.Errors);
        Assert.Equal("DDSLB003", error.Code);
        Assert.Contains("Missing.dll", error.Message);
        Assert.False(Directory.Exists(ProjectDirectory));
    }

    [Theory]
    [InlineData("text")]
    [InlineData("random")]
    [InlineData("truncated")]
    [InlineData("native")]
    [InlineData("empty")]
    public void A_corrupt_or_non_dotnet_assembly_is_a_clear_error(string kind)
    {
        var path = Path.Combine(AssemblyDirectory, "Broken.dll");
        Directory.CreateDirectory(AssemblyDirectory);
        File.WriteAllBytes(path, kind switch
        {
            "text" => Encoding.UTF8.GetBytes("this is not an assembly"),
            "random" => RandomBytes(4096),
            "truncated" => File.ReadAllBytes(TestAssembly.WithLocalAttribute(AssemblyDirectory, ("Dockerfile", Text)))[..1024],
            "native" => File.ReadAllBytes(Environment.ProcessPath!),
            "empty" => [],
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        });

        Run(path, expectSuccess: false);

        var error = Assert.Single(_engine.Errors);
        Assert.Equal("DDSLB004", error.Code);
        Assert.Contains("Broken.dll", error.Message);
        Assert.False(Directory.Exists(ProjectDirectory), _engine.Log);
    }

    [Fact]
    public void A_read_only_target_is_a_clear_error_and_keeps_its_content()
    {
        Directory.CreateDirectory(ProjectDirectory);
        var path = Path.Combine(ProjectDirectory, "Dockerfile");
        File.WriteAllText(path, "FROM old\n");
        File.SetAttributes(path, FileAttributes.ReadOnly);
        var assembly = TestAssembly.WithLocalAttribute(AssemblyDirectory, ("Dockerfile", Text));

        Run(assembly, expectSuccess: false);

        var error = Assert.Single(_engine.Errors);
        Assert.Equal("DDSLB005", error.Code);
        Assert.Contains("read-only", error.Message);
        Assert.Equal("FROM old\n", File.ReadAllText(path));
        Assert.Equal(["Dockerfile"], Directory.GetFiles(ProjectDirectory).Select(Path.GetFileName));
    }

    [Fact]
    public void A_read_only_target_that_is_up_to_date_is_fine()
    {
        Directory.CreateDirectory(ProjectDirectory);
        var path = Path.Combine(ProjectDirectory, "Dockerfile");
        File.WriteAllText(path, Text);
        File.SetAttributes(path, FileAttributes.ReadOnly);

        Run(TestAssembly.WithLocalAttribute(AssemblyDirectory, ("Dockerfile", Text)));

        Assert.Empty(_engine.Errors);
    }

    [Fact]
    public void A_failed_write_leaves_no_temporary_file()
    {
        // A folder where the file should go makes the final rename fail after the temp file exists.
        Directory.CreateDirectory(Path.Combine(ProjectDirectory, "api", "Dockerfile"));
        var assembly = TestAssembly.WithLocalAttribute(AssemblyDirectory, ("api/Dockerfile", Text), ("other/Dockerfile", Text));

        Run(assembly, expectSuccess: false);

        var error = Assert.Single(_engine.Errors);
        Assert.Equal("DDSLB005", error.Code);
        Assert.Contains("a folder already has that name", error.Message);
        Assert.Empty(Directory.GetFiles(Path.Combine(ProjectDirectory, "api")));
        // Each file stands alone once paths are valid: the other one is still written.
        Assert.True(File.Exists(Path.Combine(ProjectDirectory, "other", "Dockerfile")));
        Assert.Equal(["Dockerfile"], Directory.GetFiles(Path.Combine(ProjectDirectory, "other")).Select(Path.GetFileName));
    }

    [Fact]
    public void A_file_name_near_the_length_limit_is_written()
    {
        var name = new string('d', 250);
        var assembly = TestAssembly.WithLocalAttribute(AssemblyDirectory, (name, Text));

        Run(assembly);

        Assert.Equal(Text, File.ReadAllText(Path.Combine(ProjectDirectory, name)));
    }

    [Fact]
    public void An_output_directory_redirects_the_paths()
    {
        var assembly = TestAssembly.WithLocalAttribute(AssemblyDirectory, ("api/Dockerfile", Text));

        var task = Run(assembly, configure: task => task.OutputDirectory = "docker");

        var path = Path.Combine(ProjectDirectory, "docker", "api", "Dockerfile");
        Assert.Equal(Text, File.ReadAllText(path));
        Assert.False(File.Exists(Path.Combine(ProjectDirectory, "api", "Dockerfile")));
        Assert.Equal(path, Assert.Single(task.Dockerfiles).ItemSpec);
        Assert.Contains(_engine.Messages, m => m.Message == $"DockerDsl: wrote docker/api/Dockerfile ({path})");
    }

    [Fact]
    public void A_file_written_outside_the_project_folder_is_named_once_by_its_full_path()
    {
        var outputDirectory = Path.Combine(Path.GetDirectoryName(ProjectDirectory)!, "elsewhere-" + Path.GetFileName(ProjectDirectory));
        var assembly = TestAssembly.WithLocalAttribute(AssemblyDirectory, ("api/Dockerfile", Text));

        Run(assembly, configure: task => task.OutputDirectory = outputDirectory);

        var path = Path.Combine(outputDirectory, "api", "Dockerfile");
        Assert.Equal(Text, File.ReadAllText(path));
        Assert.Contains(_engine.Messages, m => m.Importance == MessageImportance.High && m.Message == $"DockerDsl: wrote {path}");
        Directory.Delete(outputDirectory, recursive: true);
    }

    [Fact]
    public void An_absolute_output_directory_is_used_as_given_and_still_confines_the_paths()
    {
        var outputDirectory = _temp.Combine("elsewhere");
        var assembly = TestAssembly.WithLocalAttribute(AssemblyDirectory, ("Dockerfile", Text), ("../escape/Dockerfile", Text));

        Run(assembly, expectSuccess: false, configure: task => task.OutputDirectory = outputDirectory);

        var error = Assert.Single(_engine.Errors);
        Assert.Equal("DDSLB001", error.Code);
        Assert.Contains("DockerDslOutputDirectory", error.Message);
        Assert.False(Directory.Exists(outputDirectory));
    }

    [Fact]
    public void An_attribute_of_the_same_name_in_another_namespace_is_ignored()
    {
        var assembly = TestAssembly.Compile(
            AssemblyDirectory,
            "[assembly: Other.GeneratedFileAttribute(\"Dockerfile\", \"FROM scratch\")]\n"
                + TestAssembly.LocalAttribute.Replace("namespace DockerDsl", "namespace Other", StringComparison.Ordinal));

        var task = Run(assembly);

        Assert.Empty(task.Dockerfiles);
        Assert.False(Directory.Exists(ProjectDirectory));
    }

    private WriteDockerfiles Run(string assemblyPath, bool expectSuccess = true, FakeBuildEngine? engine = null, Action<WriteDockerfiles>? configure = null)
    {
        engine ??= _engine;
        var task = new WriteDockerfiles
        {
            BuildEngine = engine,
            AssemblyPath = assemblyPath,
            ProjectDirectory = ProjectDirectory,
        };
        configure?.Invoke(task);

        var succeeded = task.Execute();

        Assert.True(succeeded == expectSuccess, $"Execute returned {succeeded}, expected {expectSuccess}.{Environment.NewLine}{engine.Log}");
        Assert.Equal(expectSuccess, engine.Errors.Count == 0);
        return task;
    }

    private static byte[] RandomBytes(int count)
    {
        var bytes = new byte[count];
        new Random(42).NextBytes(bytes);
        bytes[0] = (byte)'M';
        bytes[1] = (byte)'Z';
        return bytes;
    }
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace DockerDsl.Package.Tests.Infrastructure;

/// <summary>
/// A fresh class library made by <c>dotnet new classlib</c> under the system temp folder, isolated from the
/// repository (empty Directory.Build.props/.targets/Directory.Packages.props, a NuGet.Config whose only source is
/// the package feed) and with a private NuGet packages folder, so no DockerDsl of the same version cached by an
/// earlier run can stand in for the one just packed. It references DockerDsl through <c>dotnet add package</c>.
/// </summary>
internal sealed class ConsumerProject : IDisposable
{
    public const string Name = "Consumer";

    private readonly TempDirectory _temp = new();
    private readonly Dictionary<string, string> _environment;

    /// <param name="targetFrameworks">Several (<c>a;b</c>) make a multi-targeted project.</param>
    public ConsumerProject(PackedPackage package, string declarations, string targetFrameworks = "net10.0")
    {
        try
        {
            Directory = _temp.Combine(Name);
            if (Directory.StartsWith(SourceTree.Root + System.IO.Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"The consumer must live outside the repository, not in {Directory}.");
            }

            _environment = new Dictionary<string, string> { ["NUGET_PACKAGES"] = _temp.Combine("packages") };

            DotnetCli.RunSuccessfully(
                _temp.Path, _environment,
                "new", "classlib", "--name", Name, "--output", Directory, "--framework", "net10.0", "--no-restore", "--no-update-check");

            var projectFile = PathOf(Name + ".csproj");
            if (targetFrameworks.Contains(';', StringComparison.Ordinal))
            {
                // netstandard2.0 defaults to C# 7.3; the declarations (and the template's Nullable) need a newer language.
                var project = File.ReadAllText(projectFile);
                var edited = Regex.Replace(
                    project,
                    "<TargetFramework>[^<]*</TargetFramework>",
                    $"<TargetFrameworks>{targetFrameworks}</TargetFrameworks>{Environment.NewLine}    <LangVersion>latest</LangVersion>");
                if (edited == project)
                {
                    throw new InvalidOperationException($"The template's project has no <TargetFramework>:{Environment.NewLine}{project}");
                }

                File.WriteAllText(projectFile, edited);
            }

            File.Delete(PathOf("Class1.cs"));
            Write("Image.cs", declarations);
            Write("Directory.Build.props", "<Project />\n");
            Write("Directory.Build.targets", "<Project />\n");
            Write("Directory.Packages.props", "<Project />\n");
            Write("NuGet.Config", $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <packageSources>
                    <clear />
                    <add key="DockerDsl test feed" value="{package.Feed}" />
                  </packageSources>
                </configuration>
                """);

            AddPackageOutput = DotnetCli.RunSuccessfully(
                Directory, _environment,
                "add", Name + ".csproj", "package", "DockerDsl", "--version", package.Version, "--source", package.Feed).Output;
        }
        catch
        {
            _temp.Dispose();
            throw;
        }
    }

    public string Directory { get; }

    public string AddPackageOutput { get; }

    /// <summary><c>dotnet add package</c> of another package of the feed, at the packed version.</summary>
    public ProcessResult AddPackage(PackedPackage package, string id) =>
        DotnetCli.RunSuccessfully(Directory, _environment, "add", Name + ".csproj", "package", id, "--version", package.Version, "--source", package.Feed);

    /// <summary>Writes a source file of the project.</summary>
    public void WriteSource(string relativePath, string text) => Write(relativePath, text);

    public string PathOf(string relativePath) => Path.Combine(Directory, relativePath);

    /// <summary><c>dotnet build</c> with minimal verbosity, which still shows warnings and the task's "wrote" lines.</summary>
    public ProcessResult Build(params string[] extraArguments) =>
        DotnetCli.Run(Directory, _environment, ["build", Name + ".csproj", "--disable-build-servers", "-nologo", "-tl:off", "-v:minimal", .. extraArguments]);

    /// <summary>The files a build wrote, as declared, in order, one per write (the task logs "DockerDsl: wrote path (full path)").</summary>
    public static string[] WrittenFiles(ProcessResult result) =>
        Regex.Matches(result.Output, "DockerDsl: wrote (.+) \\(").Select(match => match.Groups[1].Value).ToArray();

    public void Dispose() => _temp.Dispose();

    private void Write(string relativePath, string text) => File.WriteAllText(PathOf(relativePath), text);
}

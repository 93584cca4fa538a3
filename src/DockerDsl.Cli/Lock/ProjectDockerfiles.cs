using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml;
using DockerDsl.Build;

namespace DockerDsl.Cli.Lock;

/// <summary>One Dockerfile the project's build generated, with the platforms its bake targets build.</summary>
/// <param name="Path">The path as declared, relative to the output folder.</param>
/// <param name="Platforms">The bake file's platforms for it; empty when it declares none.</param>
internal sealed record ProjectDockerfile(string Path, string Text, IReadOnlyList<string> Platforms);

/// <summary>
/// The project <c>dockerdsl lock</c> works on: its project file, and the Dockerfiles its last <c>dotnet build</c>
/// compiled into the assembly, read from the assembly's metadata as the MSBuild task reads them (nothing is
/// loaded or run), so what is locked is exactly what the build writes, whatever the output folder.
/// </summary>
internal sealed class ProjectDockerfiles
{
    private ProjectDockerfiles(string projectFile, string assembly, IReadOnlyList<ProjectDockerfile> dockerfiles)
    {
        ProjectFile = projectFile;
        Assembly = assembly;
        Dockerfiles = dockerfiles;
    }

    public string ProjectFile { get; }

    public string ProjectDirectory => Path.GetDirectoryName(ProjectFile)!;

    /// <summary>The compiled assembly the Dockerfiles were read from.</summary>
    public string Assembly { get; }

    /// <summary>In declared-path order.</summary>
    public IReadOnlyList<ProjectDockerfile> Dockerfiles { get; }

    /// <param name="project">A project file or a folder holding one; null for the current folder.</param>
    /// <param name="assembly">The compiled assembly; null to find it under the project's obj folder.</param>
    /// <exception cref="LockError">No project, no assembly, or an assembly that cannot be read.</exception>
    public static ProjectDockerfiles Load(string currentDirectory, string? project, string? assembly)
    {
        var projectFile = FindProjectFile(currentDirectory, project);
        var assemblyPath = assembly is null ? FindAssembly(projectFile) : Path.GetFullPath(assembly, currentDirectory);
        if (!File.Exists(assemblyPath))
        {
            throw new LockError($"--assembly '{assembly}' does not exist.");
        }

        List<GeneratedDockerfile> files;
        try
        {
            files = GeneratedDockerfileReader.Read(assemblyPath);
        }
        catch (Exception exception) when (exception is BadImageFormatException or InvalidOperationException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            throw new LockError($"{assemblyPath} cannot be read as a .NET assembly: {exception.Message}");
        }

        var byPath = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            if (file.Path is { } path && file.Text is { } text)
            {
                byPath[path] = text;
            }
        }

        // The generator writes each Dockerfile with "<path>.dockerignore" beside it; the one file left is the bake file.
        var dockerfilePaths = byPath.Keys.Where(path => byPath.ContainsKey(path + ".dockerignore")).ToList();
        var bakeTexts = byPath.Keys
            .Where(path => !dockerfilePaths.Contains(path) && !dockerfilePaths.Any(d => path == d + ".dockerignore"))
            .Select(path => byPath[path])
            .ToList();
        if (dockerfilePaths.Count == 0)
        {
            throw new LockError($"{assemblyPath} holds no generated Dockerfile: the project declares no [Dockerfile] class, or every declaration has errors (see the build's DDSL diagnostics).");
        }

        var targets = bakeTexts.SelectMany(BakePlatforms.Read).ToList();
        var dockerfiles = dockerfilePaths
            .OrderBy(path => path, StringComparer.Ordinal)
            .Select(path => new ProjectDockerfile(path, byPath[path], BakePlatforms.For(path, dockerfilePaths, targets)))
            .ToList();
        return new ProjectDockerfiles(projectFile, assemblyPath, dockerfiles);
    }

    private static string FindProjectFile(string currentDirectory, string? project)
    {
        var path = Path.GetFullPath(project ?? ".", currentDirectory);
        if (File.Exists(path))
        {
            return path;
        }

        if (!Directory.Exists(path))
        {
            throw new LockError($"--project '{project}' is neither a project file nor a folder.");
        }

        var projects = Directory.GetFiles(path, "*.csproj").OrderBy(p => p, StringComparer.Ordinal).ToList();
        return projects.Count switch
        {
            1 => projects[0],
            0 => throw new LockError($"{path} holds no .csproj file; run dockerdsl lock in the project folder, or name the project with --project."),
            _ => throw new LockError($"{path} holds several projects ({string.Join(", ", projects.Select(Path.GetFileName))}); name one with --project."),
        };
    }

    /// <summary>The newest <c>obj/&lt;configuration&gt;/&lt;framework&gt;[/&lt;runtime&gt;]/&lt;AssemblyName&gt;.dll</c>: the one the last build's MSBuild task read.</summary>
    private static string FindAssembly(string projectFile)
    {
        var name = AssemblyName(projectFile) + ".dll";
        var obj = Path.Combine(Path.GetDirectoryName(projectFile)!, "obj");
        var candidates = new List<FileInfo>();
        if (Directory.Exists(obj))
        {
            foreach (var configuration in Directory.EnumerateDirectories(obj))
            {
                foreach (var framework in Directory.EnumerateDirectories(configuration))
                {
                    Add(Path.Combine(framework, name));
                    foreach (var runtime in Directory.EnumerateDirectories(framework))
                    {
                        var folder = Path.GetFileName(runtime);
                        if (folder is not ("ref" or "refint"))
                        {
                            Add(Path.Combine(runtime, name));
                        }
                    }
                }
            }
        }

        if (candidates.Count == 0)
        {
            throw new LockError($"{Path.GetFileName(projectFile)} has not been built: no obj/<configuration>/<framework>/{name}. Run dotnet build first, or name the assembly with --assembly.");
        }

        return candidates.OrderByDescending(file => file.LastWriteTimeUtc).ThenBy(file => file.FullName, StringComparer.Ordinal).First().FullName;

        void Add(string path)
        {
            if (File.Exists(path))
            {
                candidates.Add(new FileInfo(path));
            }
        }
    }

    /// <summary>The project's literal AssemblyName, else its file name, as MSBuild defaults it.</summary>
    private static string AssemblyName(string projectFile)
    {
        try
        {
            var document = new XmlDocument { XmlResolver = null };
            using (var reader = XmlReader.Create(projectFile, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit }))
            {
                document.Load(reader);
            }

            foreach (XmlNode node in document.GetElementsByTagName("AssemblyName"))
            {
                var value = node.InnerText.Trim();
                if (value.Length > 0 && value.IndexOf("$(", StringComparison.Ordinal) < 0)
                {
                    return value;
                }
            }
        }
        catch (Exception exception) when (exception is XmlException or IOException or UnauthorizedAccessException)
        {
            throw new LockError($"{projectFile} cannot be read as a project file: {exception.Message}");
        }

        return Path.GetFileNameWithoutExtension(projectFile);
    }
}

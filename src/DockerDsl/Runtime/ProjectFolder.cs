using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;

namespace DockerDsl;

/// <summary>
/// Finds, at run time, the folder of the project that declares an image: build contexts are relative to it, and
/// the compiled assembly names no absolute path (it stays the same wherever it is built, and under CI path maps).
/// In order:
/// <list type="number">
/// <item>the folder a tool is given (DockerDsl.Testcontainers: <c>WithProjectDirectory</c>);</item>
/// <item>the file <c>&lt;AssemblyName&gt;.dockerdsl-project</c> that DockerDsl's build writes into the project's
/// output, and that a project referencing it gets copied into its own output: its one line is the folder;</item>
/// <item>the nearest folder above the assembly that holds <c>&lt;AssemblyName&gt;.csproj</c>.</item>
/// </list>
/// </summary>
public static class ProjectFolder
{
    /// <summary>The marker file's extension, after the assembly name.</summary>
    public const string MarkerExtension = ".dockerdsl-project";

    /// <summary>The project folder of <paramref name="assembly"/>; throws, saying where it looked, when there is none.</summary>
    public static string Of(Assembly assembly)
    {
        var name = assembly.GetName().Name!;
        var tried = new List<string>();
        var assemblyFolder = string.IsNullOrEmpty(assembly.Location) ? null : Path.GetDirectoryName(assembly.Location);
        foreach (var folder in new[] { AppContext.BaseDirectory, assemblyFolder })
        {
            if (folder is null)
            {
                continue;
            }

            var marker = Path.Combine(folder, name + MarkerExtension);
            tried.Add(marker);
            if (File.Exists(marker))
            {
                var recorded = File.ReadAllText(marker).Trim();
                if (Directory.Exists(recorded))
                {
                    return recorded;
                }

                tried.Add($"{recorded} (named by {marker}, but missing)");
            }
        }

        for (var folder = assemblyFolder; folder is not null; folder = Path.GetDirectoryName(folder))
        {
            if (File.Exists(Path.Combine(folder, name + ".csproj")))
            {
                return folder;
            }
        }

        tried.Add($"a folder holding {name}.csproj above {assemblyFolder}");
        throw new DirectoryNotFoundException(
            $"Cannot find the project folder of {name}, which holds the build context. Looked for: {string.Join("; ", tried)}. " +
            "Reference the project (a ProjectReference copies the marker file), or pass its folder to WithProjectDirectory.");
    }
}

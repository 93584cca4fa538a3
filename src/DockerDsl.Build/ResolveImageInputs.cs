using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using DockerDsl.Build.Images;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace DockerDsl.Build;

/// <summary>
/// Lists what the images of the generated bake file are built from, for the Inputs of the target
/// <c>DockerDslBuildImages</c>: every file of each target's build context (less build output and version
/// control, see <see cref="ContextFiles"/>) and each Dockerfile with its <c>.dockerignore</c>. Runs no docker.
/// </summary>
public sealed class ResolveImageInputs : Task
{
    /// <summary>The generated bake file.</summary>
    [Required]
    public string BakeFile { get; set; } = string.Empty;

    /// <summary>The project folder: bake runs there, and contexts are relative to it.</summary>
    [Required]
    public string ProjectDirectory { get; set; } = string.Empty;

    /// <summary>The files, full paths, each once.</summary>
    [Output]
    public ITaskItem[] Inputs { get; private set; } = Array.Empty<ITaskItem>();

    /// <inheritdoc />
    public override bool Execute()
    {
        if (!ImageBuild.TryRead(Log, BakeFile, out var bake))
        {
            return false;
        }

        var projectDirectory = Path.GetFullPath(ProjectDirectory);
        var files = new SortedSet<string>(StringComparer.Ordinal) { Path.GetFullPath(BakeFile) };
        foreach (var context in bake.Targets.Select(t => t.Context).Distinct(StringComparer.Ordinal))
        {
            var folder = Path.GetFullPath(Path.Combine(projectDirectory, context));
            files.UnionWith(ContextFiles.Under(folder));
        }

        foreach (var target in bake.Targets)
        {
            var dockerfile = ImageBuild.DockerfilePath(projectDirectory, target);
            files.Add(dockerfile);
            if (File.Exists(dockerfile + ".dockerignore"))
            {
                files.Add(dockerfile + ".dockerignore");
            }
        }

        Inputs = files.Select(f => (ITaskItem)new TaskItem(f)).ToArray();
        Log.LogMessage(MessageImportance.Low, "DockerDsl: {0} files are the images' inputs.", Inputs.Length);
        return true;
    }
}

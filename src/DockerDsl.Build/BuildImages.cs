using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.IO;
using System.Linq;
using System.Threading;
using DockerDsl.Build.Images;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace DockerDsl.Build;

/// <summary>
/// Builds the project's images: <c>docker buildx bake</c> on the generated bake file, run in the project
/// folder. BuildKit's progress goes to the build log (step lines at high importance, so the terminal logger
/// shows them); a failed step becomes an error at the Dockerfile line BuildKit names, with its stage.
/// </summary>
public sealed class BuildImages : Task, ICancelableTask
{
    private readonly CancellationTokenSource cancellation = new();

    /// <summary>The generated bake file.</summary>
    [Required]
    public string BakeFile { get; set; } = string.Empty;

    /// <summary>The project folder, where bake runs.</summary>
    [Required]
    public string ProjectDirectory { get; set; } = string.Empty;

    /// <summary>The docker CLI: a name looked up on PATH, or a path.</summary>
    public string DockerCommand { get; set; } = "docker";

    /// <summary>Bake targets to build; none: the bake file's <c>default</c> group.</summary>
    public string[] Targets { get; set; } = Array.Empty<string>();

    /// <summary>Tags given to every image, on its repository (see <see cref="BakeArguments.TagsOf"/>).</summary>
    public string[] ImageTags { get; set; } = Array.Empty<string>();

    /// <summary>Platforms, for example <c>linux/amd64</c>.</summary>
    public string[] Platforms { get; set; } = Array.Empty<string>();

    /// <summary>The buildx builder (<c>--builder</c>); empty: the current one.</summary>
    public string? Builder { get; set; }

    /// <summary><c>--load</c>: put the images into the engine's image store.</summary>
    public bool Load { get; set; } = true;

    /// <summary><c>--push</c>: push the images to their registries.</summary>
    public bool Push { get; set; }

    /// <summary>Extra <c>--set</c> values, for example <c>*.args.VERSION=1.2</c>.</summary>
    public string[] Set { get; set; } = Array.Empty<string>();

    /// <summary>Where bake writes its <c>--metadata-file</c> (image digests), or empty for none.</summary>
    public string? MetadataFile { get; set; }

    /// <summary>The images built: one item per bake target, with metadata <c>Dockerfile</c>, <c>Tags</c>.</summary>
    [Output]
    public ITaskItem[] Images { get; private set; } = Array.Empty<ITaskItem>();

    /// <inheritdoc />
    public void Cancel() => cancellation.Cancel();

    /// <inheritdoc />
    public override bool Execute()
    {
        if (!ImageBuild.TryRead(Log, BakeFile, out var bake))
        {
            return false;
        }

        var projectDirectory = Path.GetFullPath(ProjectDirectory);
        var options = new BakeOptions
        {
            BakeFile = Path.GetFullPath(BakeFile),
            Targets = Clean(Targets),
            ImageTags = Clean(ImageTags),
            Platforms = Clean(Platforms),
            Builder = Builder,
            Load = Load,
            Push = Push,
            Set = Clean(Set),
            MetadataFile = string.IsNullOrWhiteSpace(MetadataFile) ? null : Path.GetFullPath(MetadataFile),
        };

        IReadOnlyList<string> arguments;
        IReadOnlyList<BakeTarget> selected;
        try
        {
            selected = BakeArguments.Selected(bake, options);
            arguments = BakeArguments.For(bake, options);
        }
        catch (ArgumentException exception)
        {
            ImageBuild.Error(Log, BuildDiagnostics.UnknownBakeTarget, BuildDiagnostics.UnknownBakeTargetMessage, exception.Message);
            return false;
        }

        var docker = DockerCli.Resolve(DockerCommand, Environment.GetEnvironmentVariable("PATH"));
        if (docker is null)
        {
            ImageBuild.Error(Log, BuildDiagnostics.DockerMissing, BuildDiagnostics.DockerMissingMessage, DockerCommand);
            return false;
        }

        if (!BuildxAnswers(docker, projectDirectory))
        {
            return false;
        }

        var transcript = new BuildKitTranscript();
        var tail = new Queue<string>();
        Log.LogMessage(MessageImportance.High, "DockerDsl: building {0} with docker buildx bake", string.Join(", ", selected.Select(t => t.Name)));
        Log.LogMessage(MessageImportance.Normal, "DockerDsl: {0} {1}", docker, string.Join(" ", arguments));
        int exitCode;
        try
        {
            exitCode = DockerCli.Run(docker, arguments, projectDirectory, line =>
            {
                transcript.Add(line);
                Remember(tail, line);
                Log.LogMessage(BuildKitTranscript.IsStepHeader(line) ? MessageImportance.High : MessageImportance.Normal, "{0}", line);
            }, cancellation.Token);
        }
        catch (Win32Exception exception)
        {
            ImageBuild.Error(Log, BuildDiagnostics.DockerMissing, BuildDiagnostics.DockerNotStartedMessage, docker, exception.Message);
            return false;
        }

        if (cancellation.IsCancellationRequested)
        {
            Log.LogWarning("DockerDsl: the image build was cancelled.");
            return false;
        }

        if (exitCode != 0)
        {
            ReportFailure(bake, selected, projectDirectory, transcript, tail, exitCode);
            return false;
        }

        Images = selected.Select(target =>
        {
            var item = new TaskItem(target.Name);
            item.SetMetadata("Dockerfile", ImageBuild.DockerfilePath(projectDirectory, target));
            var tags = BakeArguments.TagsOf(target, options.ImageTags);
            item.SetMetadata("Tags", string.Join(";", tags.Count > 0 ? tags : target.Tags));
            return (ITaskItem)item;
        }).ToArray();
        foreach (var image in Images)
        {
            Log.LogMessage(MessageImportance.High, "DockerDsl: built image {0} ({1})", image.ItemSpec, image.GetMetadata("Tags"));
        }

        return true;
    }

    /// <summary><c>docker buildx version</c> answers: the CLI runs and has the buildx plugin.</summary>
    private bool BuildxAnswers(string docker, string workingDirectory)
    {
        var output = new List<string>();
        int exitCode;
        try
        {
            exitCode = DockerCli.Run(docker, new[] { "buildx", "version" }, workingDirectory, output.Add, cancellation.Token);
        }
        catch (Win32Exception exception)
        {
            ImageBuild.Error(Log, BuildDiagnostics.DockerMissing, BuildDiagnostics.DockerNotStartedMessage, docker, exception.Message);
            return false;
        }

        if (exitCode == 0)
        {
            Log.LogMessage(MessageImportance.Normal, "DockerDsl: {0}", string.Join(" ", output));
            return true;
        }

        ImageBuild.Error(Log, BuildDiagnostics.BuildxMissing, BuildDiagnostics.BuildxMissingMessage, docker, string.Join(" ", output).Trim());
        return false;
    }

    private void ReportFailure(BakeFile.Contents bake, IReadOnlyList<BakeTarget> selected, string projectDirectory, BuildKitTranscript transcript, Queue<string> tail, int exitCode)
    {
        var reported = false;
        foreach (var failure in transcript.Failures)
        {
            // "[api] exporting to image": one word that is a target's name is the target, not a stage.
            var targetName = failure.Target ?? (failure.Stage is { } word && bake.Targets.Any(t => t.Name == word) ? word : null);
            var stage = failure.Target is null && targetName is not null ? null : failure.Stage;
            var target = selected.FirstOrDefault(t => t.Name == targetName) ?? (selected.Count == 1 ? selected[0] : null);
            var dockerfile = target is null ? null : ImageBuild.DockerfilePath(projectDirectory, target);
            var shown = dockerfile is null ? "its Dockerfile" : Shown(projectDirectory, dockerfile);
            var where = stage is null ? "in " + shown : $"at stage '{stage}' of {shown}";
            Log.LogError(
                null, BuildDiagnostics.StepFailed, null, dockerfile, failure.Line, 0, 0, 0,
                BuildDiagnostics.StepFailedMessage,
                target?.Name ?? "?", where, failure.Step, failure.Error);
            reported = true;
        }

        if (!reported)
        {
            var reason = transcript.Errors.Count > 0 ? transcript.Errors[transcript.Errors.Count - 1] : string.Join(Environment.NewLine, tail);
            ImageBuild.Error(Log, BuildDiagnostics.BakeFailed, BuildDiagnostics.BakeFailedMessage, exitCode, Shown(projectDirectory, Path.GetFullPath(BakeFile)), reason);
        }
    }

    private static string Shown(string projectDirectory, string path)
    {
        var prefix = projectDirectory.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        return path.StartsWith(prefix, StringComparison.Ordinal) ? path.Substring(prefix.Length).Replace(Path.DirectorySeparatorChar, '/') : path;
    }

    private static void Remember(Queue<string> tail, string line)
    {
        tail.Enqueue(line);
        if (tail.Count > 20)
        {
            tail.Dequeue();
        }
    }

    private static string[] Clean(string[]? values) =>
        (values ?? Array.Empty<string>()).Select(v => v.Trim()).Where(v => v.Length > 0).ToArray();
}

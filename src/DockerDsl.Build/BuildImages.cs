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

    /// <summary>
    /// <c>DockerDslSourceDateEpoch</c>: the images' <c>SOURCE_DATE_EPOCH</c>, or <c>none</c>. Empty: the commit time of
    /// HEAD. The <c>SOURCE_DATE_EPOCH</c> environment variable wins over both (see <see cref="global::DockerDsl.Build.Images.SourceDateEpoch"/>).
    /// </summary>
    public string? SourceDateEpoch { get; set; }

    /// <summary>
    /// The commit the images come from, <c>&lt;commit time&gt;:&lt;hash&gt;</c> as <c>git log -1 --format=%ct:%H</c> prints
    /// it (the targets run it in the project folder); empty outside a git repository.
    /// </summary>
    public string? SourceCommit { get; set; }

    /// <summary><c>DockerDslRewriteTimestamp</c>: the exporter's <c>rewrite-timestamp=true</c> when there is an epoch.</summary>
    public bool RewriteTimestamp { get; set; } = true;

    /// <summary><c>DockerDslGenerateLabels</c>: write the OCI labels (see <see cref="ImageLabels"/>).</summary>
    public bool GenerateLabels { get; set; } = true;

    /// <summary>The project's <c>RepositoryUrl</c>, for <c>org.opencontainers.image.source</c>.</summary>
    public string? RepositoryUrl { get; set; }

    /// <summary>The project's <c>SourceRevisionId</c>; empty: the commit of HEAD, when the project is in a git repository.</summary>
    public string? SourceRevisionId { get; set; }

    /// <summary>The project's <c>Version</c>, for <c>org.opencontainers.image.version</c>.</summary>
    public string? Version { get; set; }

    /// <summary><c>DockerDslSbom</c>: an SBOM attestation (<c>attest type=sbom</c>).</summary>
    public bool Sbom { get; set; }

    /// <summary><c>DockerDslProvenance</c>: a provenance attestation, <c>min</c> or <c>max</c>; empty: none asked for.</summary>
    public string? Provenance { get; set; }

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
        }
        catch (ArgumentException exception)
        {
            ImageBuild.Error(Log, BuildDiagnostics.UnknownBakeTarget, BuildDiagnostics.UnknownBakeTargetMessage, exception.Message);
            return false;
        }

        if (!Reproducibility(projectDirectory, selected, options))
        {
            return false;
        }

        arguments = BakeArguments.For(bake, options);

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

    /// <summary>The epoch, the labels and the attestations: what makes the images reproducible and says where they came from.</summary>
    private bool Reproducibility(string projectDirectory, IReadOnlyList<BakeTarget> selected, BakeOptions options)
    {
        var epoch = global::DockerDsl.Build.Images.SourceDateEpoch.Resolve(
            Environment.GetEnvironmentVariable(global::DockerDsl.Build.Images.SourceDateEpoch.Variable),
            SourceDateEpoch,
            () => CommitTime() is { } time
                ? (time, string.Empty)
                : (null, "the project folder is not in a git repository with a commit, or git is not on PATH, so the commit time of the source is unknown; set DockerDslSourceDateEpoch or SOURCE_DATE_EPOCH"));
        if (epoch.Error is not null)
        {
            ImageBuild.Error(Log, BuildDiagnostics.InvalidSourceDateEpoch, BuildDiagnostics.InvalidSourceDateEpochMessage, epoch.Error);
            return false;
        }

        Log.LogMessage(
            MessageImportance.Normal,
            epoch.Value is null
                ? "DockerDsl: no SOURCE_DATE_EPOCH ({0}): the images are stamped with the time of the build."
                : "DockerDsl: SOURCE_DATE_EPOCH={1}, from {0}.",
            epoch.Origin,
            epoch.Value ?? string.Empty);
        options.SourceDateEpoch = epoch.Value;
        options.RewriteTimestamp = RewriteTimestamp;

        var attest = new List<string>();
        if (Sbom)
        {
            attest.Add("type=sbom");
        }

        var provenance = (Provenance ?? string.Empty).Trim();
        if (provenance.Length > 0 && !string.Equals(provenance, "false", StringComparison.OrdinalIgnoreCase))
        {
            if (provenance is not ("min" or "max"))
            {
                ImageBuild.Error(Log, BuildDiagnostics.InvalidProvenance, BuildDiagnostics.InvalidProvenanceMessage, provenance);
                return false;
            }

            attest.Add("type=provenance,mode=" + provenance);
        }

        options.Attest = attest;

        if (GenerateLabels)
        {
            var revision = string.IsNullOrWhiteSpace(SourceRevisionId) ? CommitHash() : SourceRevisionId;
            var source = new ImageLabelSource { RepositoryUrl = RepositoryUrl, Revision = revision, Version = Version, SourceDateEpoch = epoch.Value };
            var labels = new Dictionary<string, IReadOnlyList<KeyValuePair<string, string>>>();
            foreach (var target in selected)
            {
                string? dockerfile = null;
                try
                {
                    dockerfile = File.ReadAllText(ImageBuild.DockerfilePath(projectDirectory, target));
                }
                catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
                {
                    // Bake reports the missing Dockerfile; the labels leave out the base.
                }

                labels[target.Name] = ImageLabels.For(source, dockerfile, target.Stage);
            }

            options.Labels = labels;
        }

        return true;
    }

    private string? CommitTime() => CommitPart(0);

    private string? CommitHash() => CommitPart(1);

    private string? CommitPart(int index)
    {
        var parts = (SourceCommit ?? string.Empty).Trim().Split(':');
        return parts.Length == 2 && parts[index].Trim().Length > 0 ? parts[index].Trim() : null;
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

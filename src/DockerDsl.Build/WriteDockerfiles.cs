using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace DockerDsl.Build;

/// <summary>
/// Writes the Dockerfiles that the DockerDsl generator compiled into an assembly as
/// <c>[assembly: GeneratedFile(path, text)]</c>. Reads metadata only (the assembly is never
/// loaded), writes a file only when its bytes change, and writes each one atomically.
/// </summary>
public sealed class WriteDockerfiles : Task
{
    private static readonly UTF8Encoding Utf8WithoutBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>The compiled assembly to read, normally <c>@(IntermediateAssembly)</c>.</summary>
    [Required]
    public string AssemblyPath { get; set; } = string.Empty;

    /// <summary>The project folder; declared paths are relative to it.</summary>
    [Required]
    public string ProjectDirectory { get; set; } = string.Empty;

    /// <summary>
    /// Optional folder to write into instead of the project folder (relative to the project folder
    /// or absolute); declared paths are then relative to it.
    /// </summary>
    public string? OutputDirectory { get; set; }

    /// <summary>Allow declared paths that resolve outside the folder they are relative to.</summary>
    public bool AllowOutsideProject { get; set; }

    /// <summary>Warn when a build context or a COPY/ADD source from it is missing on disk (DDSLB020-022). Default: true.</summary>
    public bool CheckContext { get; set; } = true;

    /// <summary>
    /// Every Dockerfile the assembly declares, written or already up to date (for <c>FileWrites</c>).
    /// Metadata: <c>DeclaredPath</c>, <c>Written</c> (<c>true</c> when this run wrote the file), and <c>ShownPath</c>
    /// (relative to the project folder with '/' when inside it, else full).
    /// </summary>
    [Output]
    public ITaskItem[] Dockerfiles { get; private set; } = Array.Empty<ITaskItem>();

    /// <inheritdoc />
    public override bool Execute()
    {
        if (!TryReadDeclarations(out var generated))
        {
            return false;
        }

        if (!TryResolve(generated.Files, out var targets))
        {
            return false;
        }

        var dockerfiles = new List<ITaskItem>();
        foreach (var target in targets)
        {
            if (TryWrite(target, out var outcome))
            {
                var item = new TaskItem(target.FullPath);
                item.SetMetadata("DeclaredPath", target.DeclaredPath);
                item.SetMetadata("Written", outcome == WriteOutcome.Written ? "true" : "false");
                item.SetMetadata("ShownPath", ShownPath(target.FullPath));
                dockerfiles.Add(item);
            }
        }

        Dockerfiles = dockerfiles.ToArray();
        if (CheckContext)
        {
            CheckContexts(generated, dockerfiles);
        }

        return !Log.HasLoggedErrors;
    }

    /// <summary>Warns, at the declaring attribute, where docker build would fail for want of a context folder or a source in it.</summary>
    private void CheckContexts(GeneratedAssembly generated, List<ITaskItem> written)
    {
        var projectDirectory = Path.GetFullPath(ProjectDirectory);
        foreach (var context in generated.Contexts)
        {
            var dockerfile = written.Find(item => item.GetMetadata("DeclaredPath") == context.DockerfilePath);
            if (dockerfile is null)
            {
                continue;
            }

            var sources = generated.Sources.FindAll(s => s.DockerfilePath == context.DockerfilePath);
            List<BuildWarning> warnings;
            try
            {
                warnings = ContextChecker.Check(projectDirectory, context, sources, dockerfile.ItemSpec);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException or System.Security.SecurityException)
            {
                // A check that cannot read the disk decides nothing: docker build reports what it finds.
                Log.LogMessage(MessageImportance.Normal, "DockerDsl: the build context of {0} was not checked: {1}", context.DockerfilePath, exception.Message);
                continue;
            }

            foreach (var warning in warnings)
            {
                Log.LogWarning(
                    subcategory: null,
                    warningCode: warning.Code,
                    helpKeyword: null,
                    file: warning.File,
                    lineNumber: warning.Line,
                    columnNumber: 0,
                    endLineNumber: 0,
                    endColumnNumber: 0,
                    message: "{0}",
                    messageArgs: warning.Message);
            }
        }
    }

    private bool TryReadDeclarations(out GeneratedAssembly declarations)
    {
        declarations = new GeneratedAssembly();
        if (!File.Exists(AssemblyPath))
        {
            LogError(BuildDiagnostics.AssemblyMissing, BuildDiagnostics.AssemblyMissingMessage, AssemblyPath);
            return false;
        }

        try
        {
            declarations = GeneratedDockerfileReader.ReadAll(AssemblyPath);
            return true;
        }
        catch (Exception exception) when (exception is BadImageFormatException or InvalidOperationException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            LogError(BuildDiagnostics.AssemblyUnreadable, BuildDiagnostics.AssemblyUnreadableMessage, AssemblyPath, exception.Message);
            return false;
        }
    }

    /// <summary>Checks every declared path before anything is written, so a bad declaration writes nothing.</summary>
    private bool TryResolve(List<GeneratedDockerfile> declarations, out List<ResolvedDockerfile> targets)
    {
        targets = new List<ResolvedDockerfile>();
        var projectDirectory = Path.GetFullPath(ProjectDirectory);
        var redirected = !string.IsNullOrEmpty(OutputDirectory);
        var resolver = new DockerfilePathResolver(
            redirected ? Path.Combine(projectDirectory, OutputDirectory) : projectDirectory,
            redirected ? "DockerDslOutputDirectory" : "the project folder",
            AllowOutsideProject);

        var byPath = new Dictionary<string, ResolvedDockerfile>(DockerfilePathResolver.PathComparer);
        var valid = true;
        foreach (var declaration in declarations)
        {
            if (!resolver.TryResolve(declaration.Path, out var fullPath, out var error))
            {
                LogError(error!.Code, "{0}", error.Message);
                valid = false;
                continue;
            }

            var target = new ResolvedDockerfile(declaration.Path!, fullPath, declaration.Text ?? string.Empty);
            if (byPath.TryGetValue(fullPath, out var earlier))
            {
                if (!string.Equals(earlier.Text, target.Text, StringComparison.Ordinal))
                {
                    LogError(BuildDiagnostics.ConflictingPaths, BuildDiagnostics.ConflictingPathsMessage, target.DeclaredPath);
                    valid = false;
                }

                continue;
            }

            byPath.Add(fullPath, target);
            targets.Add(target);
        }

        return valid;
    }

    private bool TryWrite(ResolvedDockerfile target, out WriteOutcome outcome)
    {
        outcome = WriteOutcome.Unchanged;
        var shownPath = ShownPath(target.FullPath);
        try
        {
            outcome = AtomicFileWriter.WriteIfChanged(target.FullPath, Utf8WithoutBom.GetBytes(target.Text));
        }
        catch (TargetNotWritableException exception)
        {
            LogError(BuildDiagnostics.WriteFailed, BuildDiagnostics.WriteFailedMessage, shownPath, exception.Message);
            return false;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            var reason = string.Format(CultureInfo.InvariantCulture, BuildDiagnostics.IoFailureReason, exception.Message);
            LogError(BuildDiagnostics.WriteFailed, BuildDiagnostics.WriteFailedMessage, shownPath, reason);
            return false;
        }

        // A path outside the project folder is already shown in full: name it once.
        var fullPath = shownPath == target.FullPath ? string.Empty : " (" + target.FullPath + ")";
        if (outcome == WriteOutcome.Written)
        {
            Log.LogMessage(MessageImportance.High, "DockerDsl: wrote {0}{1}", shownPath, fullPath);
        }
        else
        {
            Log.LogMessage(MessageImportance.Normal, "DockerDsl: {0} is up to date{1}", shownPath, fullPath);
        }

        return true;
    }

    /// <summary>A path as a user reads it: relative to the project folder with '/' when inside it, else full.</summary>
    private string ShownPath(string fullPath)
    {
        var projectDirectory = Path.GetFullPath(ProjectDirectory).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        return fullPath.StartsWith(projectDirectory, DockerfilePathResolver.PathComparison)
            ? fullPath.Substring(projectDirectory.Length).Replace(Path.DirectorySeparatorChar, '/')
            : fullPath;
    }

    private void LogError(string code, string format, params object[] arguments) =>
        Log.LogError(
            subcategory: null,
            errorCode: code,
            helpKeyword: null,
            file: null,
            lineNumber: 0,
            columnNumber: 0,
            endLineNumber: 0,
            endColumnNumber: 0,
            message: format,
            messageArgs: arguments);

    private sealed class ResolvedDockerfile
    {
        public ResolvedDockerfile(string declaredPath, string fullPath, string text)
        {
            DeclaredPath = declaredPath;
            FullPath = fullPath;
            Text = text;
        }

        public string DeclaredPath { get; }

        public string FullPath { get; }

        public string Text { get; }
    }
}

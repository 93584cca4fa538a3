using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using DockerDsl.Core.Rules;

namespace DockerDsl.Build;

/// <summary>
/// Checks a Dockerfile's build context on disk before <c>docker build</c> runs: the folder exists, and each COPY or
/// ADD source matches something BuildKit sends once the <c>.dockerignore</c> is applied. What cannot be told without
/// guessing (a source with a build variable, one that climbs out of the context, a pattern the matcher does not
/// model, a context too large to walk) is not reported.
/// </summary>
internal static class ContextChecker
{
    // More entries than this and the walk is not worth its time in every build: the sources are then not checked.
    internal const int MaxEntries = 200_000;

    /// <summary>The warnings for one Dockerfile: its context declaration, its sources, and where the Dockerfile was written.</summary>
    public static List<BuildWarning> Check(string projectDirectory, GeneratedBuildContext context, IEnumerable<GeneratedContextSource> sources, string dockerfileFullPath)
    {
        var warnings = new List<BuildWarning>();
        var contextFolder = Path.GetFullPath(Path.Combine(projectDirectory, context.Context.Replace('/', Path.DirectorySeparatorChar)));
        if (!Directory.Exists(contextFolder))
        {
            warnings.Add(new BuildWarning(
                BuildDiagnostics.ContextMissing,
                FullFile(projectDirectory, context.File),
                context.Line,
                Format(BuildDiagnostics.ContextMissingMessage, context.Context, context.DockerfilePath, contextFolder)));
            return warnings;
        }

        var (ignoreFile, patterns) = Dockerignore(dockerfileFullPath, contextFolder);
        ContextSnapshot? snapshot = null;
        foreach (var source in sources)
        {
            if (Checkable(source.Source) is not { } path)
            {
                continue;
            }

            snapshot ??= ContextSnapshot.Read(contextFolder, patterns, ignoreOnDisk: false);
            if (snapshot is null)
            {
                break;
            }

            var (directory, pattern) = ContextSources.SplitWildcards(path);
            if (snapshot.Finds(directory, pattern) is not false)
            {
                continue;
            }

            // Not sent: on disk but left out, or not there at all.
            var excludedBy = ContextSnapshot.Read(contextFolder, patterns, ignoreOnDisk: true) is { } disk && disk.FirstMatch(directory, pattern) is { } onDisk
                ? patterns.ExcludedBy(onDisk)
                : null;
            var file = FullFile(projectDirectory, source.File);
            warnings.Add(excludedBy is not null
                ? new BuildWarning(
                    BuildDiagnostics.SourceIgnored,
                    file,
                    source.Line,
                    Format(BuildDiagnostics.SourceIgnoredMessage, source.Keyword, source.Source, source.DockerfilePath, context.Context, ignoreFile!, excludedBy))
                : new BuildWarning(
                    BuildDiagnostics.SourceMissing,
                    file,
                    source.Line,
                    Format(BuildDiagnostics.SourceMissingMessage, source.Keyword, source.Source, source.DockerfilePath, context.Context, contextFolder)));
        }

        return warnings;
    }

    /// <summary>
    /// The source cleaned relative to the context root, or null when it is not checked: a build variable decides it
    /// (its value may come from a bake override), it holds a '\' (an escape on Linux, a separator on Windows), it names
    /// the root, or it climbs out of the context.
    /// </summary>
    internal static string? Checkable(string source) =>
        source.IndexOf('$') >= 0 || source.IndexOf('\\') >= 0 || source.Split('/').Contains("..") ? null : DockerignorePatterns.ContextPath(source);

    /// <summary>
    /// The .dockerignore BuildKit applies, as the CLI's lint finds it: <c>&lt;Dockerfile&gt;.dockerignore</c> beside the
    /// Dockerfile (DockerDsl writes one), else <c>.dockerignore</c> at the context root, else none.
    /// </summary>
    private static (string? File, DockerignorePatterns Patterns) Dockerignore(string dockerfileFullPath, string contextFolder)
    {
        foreach (var candidate in new[] { dockerfileFullPath + ".dockerignore", Path.Combine(contextFolder, ".dockerignore") })
        {
            try
            {
                if (File.Exists(candidate))
                {
                    return (candidate, DockerignorePatterns.Parse(File.ReadAllText(candidate)));
                }
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // Unreadable for us is unreadable for BuildKit too: it reports it.
                break;
            }
        }

        return (null, DockerignorePatterns.Parse(string.Empty));
    }

    private static string FullFile(string projectDirectory, string file) =>
        Path.IsPathRooted(file) ? file : Path.GetFullPath(Path.Combine(projectDirectory, file.Replace('/', Path.DirectorySeparatorChar)));

    private static string Format(string format, params object[] arguments) =>
        string.Format(CultureInfo.InvariantCulture, format, arguments);
}

/// <summary>A warning of the task, at a place in the project's C# source.</summary>
internal sealed class BuildWarning
{
    public BuildWarning(string code, string file, int line, string message)
    {
        Code = code;
        File = file;
        Line = line;
        Message = message;
    }

    public string Code { get; }

    public string File { get; }

    public int Line { get; }

    public string Message { get; }
}

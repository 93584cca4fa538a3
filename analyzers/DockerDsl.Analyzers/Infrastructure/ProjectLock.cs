using System.Threading;
using DockerDsl.Core.Lock;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DockerDsl.Analyzers.Infrastructure;

/// <summary>
/// The project's <c>dockerdsl.lock.json</c> (an AdditionalFile the package's targets add) as the analyzers see it,
/// and its <c>DockerDslLocked</c> MSBuild property.
/// </summary>
/// <param name="File">The lock file; null when there is none or it cannot be read.</param>
/// <param name="Error">Why the lock file cannot be read, with its line; null when it can (or there is none).</param>
/// <param name="Required"><c>DockerDslLocked=true</c>: an external image the lock does not hold is an error.</param>
public sealed record ProjectLock(LockFile? File, string? Error, bool Required)
{
    public static ProjectLock From(AnalyzerOptions options, CancellationToken cancellationToken)
    {
        var required = options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue("build_property.DockerDslLocked", out var locked)
            && string.Equals(locked?.Trim(), "true", System.StringComparison.OrdinalIgnoreCase);
        foreach (var file in options.AdditionalFiles)
        {
            if (!LockFiles.IsLockFile(file.Path))
            {
                continue;
            }

            var text = file.GetText(cancellationToken)?.ToString();
            if (text is null)
            {
                return new ProjectLock(null, "cannot be read", required);
            }

            try
            {
                return new ProjectLock(LockFileReader.Read(text), null, required);
            }
            catch (LockFileException exception)
            {
                return new ProjectLock(null, exception.Message, required);
            }
        }

        return new ProjectLock(null, null, required);
    }
}

using System;
using System.IO;
using System.Runtime.CompilerServices;
using System.Text;

namespace DockerDsl.Tests.Infrastructure;

/// <summary>
/// Compares output with a reviewed file <c>tests/DockerDsl.Tests/Snapshots/&lt;Test&gt;#&lt;hint&gt;.verified.&lt;ext&gt;</c>.
/// On a difference it writes <c>.received.</c> beside it and fails with a line diff. To accept new
/// output, run the tests with <c>DOCKERDSL_ACCEPT_SNAPSHOTS=1</c> and review the changed files in git.
/// </summary>
public static class Snapshot
{
    public static void Verify(string actual, string hint, string extension, [CallerMemberName] string test = "")
    {
        var folder = SourceTree.File("tests", "DockerDsl.Tests", "Snapshots");
        var stem = Path.Combine(folder, $"{test}#{hint}");
        var verifiedPath = $"{stem}.verified.{extension}";
        var receivedPath = $"{stem}.received.{extension}";
        var accept = Environment.GetEnvironmentVariable("DOCKERDSL_ACCEPT_SNAPSHOTS") == "1";

        if (File.Exists(verifiedPath) && File.ReadAllText(verifiedPath) == actual)
        {
            File.Delete(receivedPath);
            return;
        }

        Directory.CreateDirectory(folder);
        if (accept)
        {
            File.WriteAllText(verifiedPath, actual, new UTF8Encoding(false));
            File.Delete(receivedPath);
            return;
        }

        File.WriteAllText(receivedPath, actual, new UTF8Encoding(false));
        var expected = File.Exists(verifiedPath) ? File.ReadAllText(verifiedPath) : null;
        var message = expected is null
            ? $"No verified snapshot {Path.GetFileName(verifiedPath)} yet. Review {receivedPath}; accept with DOCKERDSL_ACCEPT_SNAPSHOTS=1.\n{actual}"
            : $"Snapshot {Path.GetFileName(verifiedPath)} differs (- verified, + received); accept with DOCKERDSL_ACCEPT_SNAPSHOTS=1.\n{LineDiff.Format(expected, actual)}";
        Assert.Fail(message);
    }
}

using System.IO;
using System.Runtime.CompilerServices;

namespace DockerDsl.Tests.Infrastructure;

/// <summary>Paths in this repository, found from the test sources' location.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string File(params string[] parts) => Path.Combine(Root, Path.Combine(parts));

    private static string FindRoot([CallerFilePath] string here = "")
    {
        var directory = new DirectoryInfo(Path.GetDirectoryName(here)!);
        while (directory is not null && !System.IO.File.Exists(Path.Combine(directory.FullName, "DockerDsl.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new DirectoryNotFoundException("DockerDsl.sln not found above " + here);
    }
}

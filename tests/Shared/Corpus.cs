using System.IO;

namespace DockerDsl.Tests.Shared;

/// <summary>
/// The third-party test data in <c>../shared/corpus</c> beside the repository (BuildKit's parser and
/// check cases, real Dockerfiles), read in place; its README and MANIFEST.tsv say where each file is from.
/// </summary>
internal static class Corpus
{
    /// <summary>The corpus folder; a missing corpus fails the test instead of skipping it.</summary>
    public static string Root { get; } = FindRoot();

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    /// <summary>The case folders directly under <paramref name="folder"/>, by name.</summary>
    public static string[] Cases(string folder)
    {
        var cases = Directory.GetDirectories(Path(folder));
        System.Array.Sort(cases, System.StringComparer.Ordinal);
        return cases;
    }

    private static string FindRoot()
    {
        var root = System.IO.Path.GetFullPath(System.IO.Path.Combine(SourceTree.Root, "..", "shared", "corpus"));
        if (!File.Exists(System.IO.Path.Combine(root, "MANIFEST.tsv")))
        {
            throw new DirectoryNotFoundException($"The corpus is not at '{root}' (a folder 'shared/corpus' beside the repository, with MANIFEST.tsv).");
        }

        return root;
    }
}

using System.IO;
using DockerDsl.Import.Tests.Infrastructure;
using DockerDsl.Tests.Shared;

namespace DockerDsl.Import.Tests;

/// <summary>The imported C# of every corpus file is as <c>dotnet format</c> leaves it: nothing for a user to reformat.</summary>
public class FormattingTests
{
    [Fact]
    public void Dotnet_format_changes_nothing_in_the_imported_files()
    {
        using var folder = new TempDirectory();
        var written = 0;
        foreach (var file in CorpusFiles.All())
        {
            if (ImportedCompilation.Of(Corpus.Path(file)).Import is { } import)
            {
                File.WriteAllText(folder.Combine($"Imported{written++}.cs"), import.Source);
            }
        }

        // Without a project: the default conventions, as a fresh project without an .editorconfig has them.
        var result = DotnetCli.Run(folder.Path, null, "format", "whitespace", folder.Path, "--folder", "--verify-no-changes");

        Assert.True(written >= 113, $"Only {written} files imported.");
        Assert.True(result.ExitCode == 0, result.ToString());
    }
}

using System.IO;
using DockerDsl.Tests.Infrastructure;

namespace DockerDsl.Tests;

/// <summary>The samples' real declarations, so their Dockerfiles are reviewed here like code.</summary>
public class SampleSnapshotTests
{
    [Fact]
    public void RPlumberApi() => GeneratedOutput.Verify(File.ReadAllText(SourceTree.File("samples", "RPlumberApi", "PlumberApi.cs")));

    [Fact]
    public void BusyboxSite() => GeneratedOutput.Verify(File.ReadAllText(SourceTree.File("samples", "BusyboxSite", "SiteImage.cs")));
}

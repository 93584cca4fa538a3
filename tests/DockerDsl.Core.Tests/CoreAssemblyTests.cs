using System.Linq;
using System.Reflection;

namespace DockerDsl.Core.Tests;

public class CoreAssemblyTests
{
    [Fact]
    public void Core_does_not_reference_Roslyn()
    {
        var references = typeof(DockerDsl.Core.Model.DockerfileModel).Assembly.GetReferencedAssemblies().Select(a => a.Name).ToArray();

        Assert.DoesNotContain(references, name => name!.StartsWith("Microsoft.CodeAnalysis", System.StringComparison.Ordinal));
        Assert.Contains("netstandard", references);
    }
}

using DockerDsl.Core.Model;

namespace DockerDsl.Core.Helpers;

/// <summary>[StripDebugSymbols]: <c>strip --strip-debug</c> on every shared object under a path, in place.</summary>
public static class StripDebugSymbols
{
    public static RunInstruction Expand(string path, SourceRef source) =>
        new(
            RunForm.Shell,
            new[] { $"find '{path}' -type f \\( -name '*.so' -o -name '*.so.*' \\) -exec strip --strip-debug {{}} +" }.ToEquatableArray(),
            EquatableArray<Mount>.Empty,
            null,
            null,
            source);
}

using System;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace DockerDsl.Build.Tests.Infrastructure;

/// <summary>Compiles small assemblies carrying <c>[assembly: GeneratedFile(...)]</c> for the task to read.</summary>
internal static class TestAssembly
{
    /// <summary>Declares the attribute in the assembly itself, as the task must accept a local definition too.</summary>
    public const string LocalAttribute = """
        namespace DockerDsl
        {
            [System.AttributeUsage(System.AttributeTargets.Assembly, AllowMultiple = true)]
            public sealed class GeneratedFileAttribute : System.Attribute
            {
                public GeneratedFileAttribute(string p, string t) { }
            }
        }
        """;

    private static readonly Lazy<MetadataReference[]> PlatformReferences = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(System.IO.Path.PathSeparator)
            .Where(path => path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToArray());

    /// <summary>An assembly with a local attribute definition and one use per (path, text) pair.</summary>
    public static string WithLocalAttribute(string directory, params (string Path, string Text)[] dockerfiles) =>
        Compile(directory, Uses(dockerfiles) + LocalAttribute);

    /// <summary>An assembly that uses the real attribute from the referenced DockerDsl.dll.</summary>
    public static string WithDockerDslReference(string directory, params (string Path, string Text)[] dockerfiles) =>
        Compile(
            directory,
            Uses(dockerfiles),
            MetadataReference.CreateFromFile(typeof(DockerDsl.GeneratedFileAttribute).Assembly.Location));

    /// <summary>Compiles <paramref name="source"/> to a uniquely named dll in <paramref name="directory"/> and returns its path.</summary>
    public static string Compile(string directory, string source, params MetadataReference[] references)
    {
        var name = "Declarations" + Guid.NewGuid().ToString("N");
        var compilation = CSharpCompilation.Create(
            name,
            [CSharpSyntaxTree.ParseText(source)],
            PlatformReferences.Value.Concat(references),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

        Directory.CreateDirectory(directory);
        var path = System.IO.Path.Combine(directory, name + ".dll");
        using var stream = File.Create(path);
        var result = compilation.Emit(stream);
        if (!result.Success)
        {
            throw new InvalidOperationException("Test assembly did not compile:" + Environment.NewLine + string.Join(Environment.NewLine, result.Diagnostics));
        }

        return path;
    }

    /// <summary>The <c>[assembly: ...]</c> lines for the given declarations.</summary>
    public static string Uses(params (string Path, string Text)[] dockerfiles)
    {
        var source = new StringBuilder();
        foreach (var (path, text) in dockerfiles)
        {
            source.Append("[assembly: global::DockerDsl.GeneratedFileAttribute(")
                .Append(SymbolDisplay.FormatLiteral(path, quote: true))
                .Append(", ")
                .Append(SymbolDisplay.FormatLiteral(text, quote: true))
                .AppendLine(")]");
        }

        return source.ToString();
    }
}

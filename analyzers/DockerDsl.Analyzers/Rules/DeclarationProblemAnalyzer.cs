using System.Collections.Immutable;
using System.Linq;
using DockerDsl.Analyzers.Infrastructure;
using DockerDsl.Core.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DockerDsl.Analyzers.Rules;

/// <summary>DDSL100-DDSL111, DDSL113 and DDSL114: the declaration problems that make DockerDsl withhold a Dockerfile, one ID per <see cref="ProblemKind"/>.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DeclarationProblemAnalyzer : DockerfileAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        DiagnosticDescriptors.ForProblem.OrderBy(p => p.Value.Id).Select(p => p.Value).ToImmutableArray();

    protected override bool RunsWithProblems => true;

    protected override void Analyze(DockerfileAnalysis analysis)
    {
        foreach (var problem in analysis.Model.Problems)
        {
            // The compiler already reports an attribute that does not bind; a second error says nothing new.
            if (problem.Kind == ProblemKind.AttributeHasErrors && HasCompilerErrors(SourceLocator.Attribute(analysis.Compilation, problem.Source)))
            {
                continue;
            }

            analysis.Report(DiagnosticDescriptors.ForProblem[problem.Kind], problem.Source, ImmutableDictionary<string, string?>.Empty, problem.Message);
        }

        if (!analysis.Model.Problems.Any(p => p.Kind == ProblemKind.InvalidOutputPath) && OutsideBaseFolder(analysis) is { } message)
        {
            analysis.Report(DiagnosticDescriptors.ForProblem[ProblemKind.InvalidOutputPath], analysis.Model.Source.WithArgument(0), ImmutableDictionary<string, string?>.Empty, message);
        }
    }

    /// <summary>
    /// The build task's DDSLB001 while typing: the declared path leaves the folder it is relative to (the project
    /// folder, or DockerDslOutputDirectory) and DockerDslAllowOutsideProject is not true. The task resolves the path
    /// with Path.GetFullPath, which folds '..' without touching the disk, so counting segments decides the same.
    /// </summary>
    private static string? OutsideBaseFolder(DockerfileAnalysis analysis)
    {
        if (string.Equals(analysis.BuildProperty("DockerDslAllowOutsideProject"), "true", System.StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var path = analysis.Model.Path;
        var depth = 0;
        foreach (var segment in path.Split('/'))
        {
            if (segment == "..")
            {
                if (--depth < 0)
                {
                    break;
                }
            }
            else if (segment.Length > 0 && segment != ".")
            {
                depth++;
            }
        }

        if (depth >= 0)
        {
            return null;
        }

        var outputDirectory = analysis.BuildProperty("DockerDslOutputDirectory");
        var folder = outputDirectory is null ? "the project folder" : $"DockerDslOutputDirectory '{outputDirectory}'";
        var where = analysis.BuildProperty("ProjectDir") is { } projectDir
            ? $" (it resolves to '{ResolvedPath(projectDir, outputDirectory, path)}')"
            : string.Empty;
        return $"The Dockerfile path '{path}' leaves {folder}{where}; use a path inside it, or set <DockerDslAllowOutsideProject>true</DockerDslAllowOutsideProject> in the project if writing there is intended.";
    }

    private static string ResolvedPath(string projectDir, string? outputDirectory, string path)
    {
        try
        {
            var baseFolder = outputDirectory is null ? projectDir : System.IO.Path.Combine(projectDir, outputDirectory);
            return System.IO.Path.GetFullPath(System.IO.Path.Combine(baseFolder, path.Replace('/', System.IO.Path.DirectorySeparatorChar)));
        }
        catch (System.Exception exception) when (exception is System.ArgumentException or System.NotSupportedException or System.IO.PathTooLongException)
        {
            return path;
        }
    }

    private static bool HasCompilerErrors(AttributeData? attribute) =>
        attribute is null
        || attribute.AttributeConstructor is null
        || attribute.ConstructorArguments.Any(a => a.Kind == TypedConstantKind.Error)
        || attribute.NamedArguments.Any(a => a.Value.Kind == TypedConstantKind.Error);
}

using System;
using System.Linq;
using System.Threading;
using DockerDsl.Core.Model;
using DockerDsl.Core.Rules;
using Microsoft.CodeAnalysis;

namespace DockerDsl.Generators;

/// <summary>A place in the project's C# source: a file (as the compiler names it) and a 1-based line.</summary>
public readonly record struct DeclaredAt(string File, int Line);

/// <summary>A COPY or ADD source read from the build context, and the attribute that declared its instruction.</summary>
public sealed record CheckedSource(string Keyword, string Path, DeclaredAt Declared);

/// <summary>
/// What the build task checks against the disk before <c>docker build</c> runs: the Dockerfile's build context and
/// the sources it reads from it, each with the attribute that declared it. Locations come from the compilation,
/// never from the model, which holds none.
/// </summary>
public sealed record ContextChecks(string Origin, string DockerfilePath, string Context, DeclaredAt Declared, EquatableArray<CheckedSource> Sources)
{
    /// <summary>The checks for <paramref name="model"/>, or null when it has problems (no Dockerfile is written) or its attribute is not in source.</summary>
    public static ContextChecks? Of(DockerfileModel model, Compilation compilation, CancellationToken cancellationToken)
    {
        if (model.HasProblems || Locate(compilation, model.Source, cancellationToken) is not { } declared)
        {
            return null;
        }

        var sources = ContextSources.Of(model)
            .Select(s => new CheckedSource(Keywords.Of(s.Instruction), s.Path, Locate(compilation, s.Instruction.Source, cancellationToken) ?? declared))
            .ToEquatableArray();
        return new ContextChecks(model.Source.Origin, model.Path, model.Image.Context, declared, sources);
    }

    // The attribute a SourceRef names, as the analyzers' SourceLocator finds it; a stage from a referenced assembly has no line.
    private static DeclaredAt? Locate(Compilation compilation, SourceRef source, CancellationToken cancellationToken)
    {
        var attributes = compilation.GetTypeByMetadataName(source.Origin)?.GetAttributes();
        if (attributes is not { } list || source.AttributeIndex < 0 || source.AttributeIndex >= list.Length
            || list[source.AttributeIndex].ApplicationSyntaxReference is not { } reference
            || !compilation.ContainsSyntaxTree(reference.SyntaxTree))
        {
            return null;
        }

        var span = reference.SyntaxTree.GetMappedLineSpan(reference.Span, cancellationToken);
        return span.Path.Length == 0 ? null : new DeclaredAt(span.Path, span.StartLinePosition.Line + 1);
    }
}

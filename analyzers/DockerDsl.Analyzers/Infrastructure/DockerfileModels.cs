using System;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using DockerDsl.Core.Model;
using DockerDsl.Declarations.Parsing;
using Microsoft.CodeAnalysis;

namespace DockerDsl.Analyzers.Infrastructure;

/// <summary>
/// Parses each Dockerfile class once per compilation, however many analyzers read it. Keyed weakly
/// on the compilation, so nothing outlives it.
/// </summary>
internal static class DockerfileModels
{
    private static readonly ConditionalWeakTable<Compilation, ConcurrentDictionary<INamedTypeSymbol, Lazy<DockerfileModel>>> Cache = new();

    /// <param name="lockFile">The project's lock file (one per compilation), whose layer facts tell locked bases' families.</param>
    public static DockerfileModel Get(Compilation compilation, INamedTypeSymbol dockerfileClass, DockerDsl.Core.Lock.LockFile? lockFile = null)
    {
        var models = Cache.GetValue(compilation, static _ => new ConcurrentDictionary<INamedTypeSymbol, Lazy<DockerfileModel>>(SymbolEqualityComparer.Default));

        // Not cancellable: a cancelled parse would be cached for every analyzer that shares it.
        return models.GetOrAdd(dockerfileClass, type => new Lazy<DockerfileModel>(() => DockerfileParser.Parse(type, default, lockFile))).Value;
    }
}

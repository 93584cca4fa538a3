using System;
using System.Collections.Generic;
using System.Threading;
using DockerDsl.Core.Lock;
using DockerDsl.Core.Model;
using DockerDsl.Declarations.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DockerDsl.Generators;

/// <summary>
/// A <c>[BuildArg]</c> class a Dockerfile declares: its fully qualified name, simple name, ARG name, and whether a
/// build may leave it out (it has a default, or BuildKit sets or predefines it).
/// </summary>
public readonly record struct BuildArgumentName(string Type, string Name, string ClassName = "", bool HasDefault = false);

/// <summary>
/// What <see cref="ImageInfoEmitter"/> needs of one declaration: its model, its fully qualified type, its
/// build-argument classes and the names of its members (a generated nested type must not clash with one).
/// </summary>
public sealed record ImageInfo(DockerfileModel Model, EquatableArray<BuildArgumentName> BuildArguments, string TypeName = "", EquatableArray<string> MemberNames = default);

/// <summary>
/// For each <c>[Dockerfile]</c> class, puts attributes on it that tools read at run time to build and run the image
/// (DockerDsl.Testcontainers): the Dockerfile and context paths relative to the project folder, each stage's
/// exposed ports and health check, and the ARG name of each <c>[BuildArg]</c> class. A generator of its own so
/// the Dockerfile generator's outputs (and their snapshots) stay as they are.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class ImageInfoGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var infos = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                AttributeNames.Dockerfile,
                static (node, _) => node is TypeDeclarationSyntax,
                static (context, cancellationToken) => Candidate(context.TargetSymbol, cancellationToken))
            .Where(static candidate => candidate is not null)
            .WithTrackingName("ImageInfos");

        // A class whose parse has problems may have none once its locked base's family (read from its layers) is known.
        var lockFile = context.AdditionalTextsProvider
            .Where(static text => LockFiles.IsLockFile(text.Path))
            .Select(static (text, cancellationToken) => LockFiles.Read(text.GetText(cancellationToken)?.ToString()))
            .Collect()
            .Select(static (locks, _) => locks.Length == 1 ? locks[0] : null);
        var lockedInfos = infos
            .Combine(lockFile)
            .Combine(context.CompilationProvider)
            .Select(static (pair, cancellationToken) => pair.Left.Left!.Info
                ?? (pair.Left.Right is { } locked && locked.ImageFamilies().Count > 0 && pair.Right.GetTypeByMetadataName(pair.Left.Left.Origin) is { } type
                    ? Read(type, cancellationToken, locked)
                    : null))
            .Where(static info => info is not null)
            .WithTrackingName("LockedImageInfos");

        var options = context.AnalyzerConfigOptionsProvider
            .Select(static (provider, _) => ProjectOptions.From(provider.GlobalOptions));

        // The typed build arguments use C# 11's required members: the language version and the attribute types the
        // compiler needs for them (RequiredMemberAttribute and CompilerFeatureRequiredAttribute, in .NET 7 and later,
        // or polyfilled) and IsExternalInit for init accessors. A bool, so an edit leaves the step cached.
        var requiredMembers = context.CompilationProvider
            .Select(static (compilation, _) => SupportsRequiredMembers(compilation));

        var files = lockedInfos
            .Combine(options)
            .Combine(requiredMembers)
            .Select(static (pair, _) => ImageInfoEmitter.Emit(pair.Left.Left!, pair.Left.Right, pair.Right))
            .WithTrackingName("ImageInfoFiles")
            .Where(static file => file is not null);

        context.RegisterSourceOutput(files, static (context, file) => context.AddSource(file!.HintName, file.Source));
    }

    /// <summary>The class's image info parsed without the lock; null in it when the parse has problems, which the lock may settle.</summary>
    private static ImageInfoCandidate? Candidate(ISymbol symbol, CancellationToken cancellationToken) =>
        symbol is INamedTypeSymbol type ? new ImageInfoCandidate(Read(type, cancellationToken, null), DockerfileParser.MetadataName(type)) : null;

    private sealed record ImageInfoCandidate(ImageInfo? Info, string Origin);

    private static ImageInfo? Read(INamedTypeSymbol type, CancellationToken cancellationToken, LockFile? lockFile)
    {
        try
        {
            var model = DockerfileParser.Parse(type, cancellationToken, lockFile);
            if (model is null || model.HasProblems)
            {
                return null;
            }

            var arguments = new List<BuildArgumentName>();
            Collect(type, arguments);
            foreach (var member in type.GetTypeMembers())
            {
                Collect(member, arguments);
            }

            var members = new SortedSet<string>(System.StringComparer.Ordinal);
            foreach (var member in type.GetMembers())
            {
                members.Add(member.Name);
            }

            return new ImageInfo(model, arguments.ToEquatableArray(), type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat), members.ToEquatableArray());
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // A generator that throws breaks the user's build (CS8785); the analyzers report what is wrong.
            return null;
        }
    }

    /// <summary>
    /// ARGs a build need not pass: BuildKit sets the platform arguments and TARGETSTAGE itself; the proxy arguments are
    /// predefined (an unset one means no proxy); BUILDKIT_* and SOURCE_DATE_EPOCH configure BuildKit
    /// (docs.docker.com/reference/dockerfile/#predefined-args, #automatic-platform-args-in-the-global-scope;
    /// docs.docker.com/build/building/variables/#pre-defined-build-arguments).
    /// </summary>
    private static bool Predefined(string name) =>
        PredefinedNames.Contains(name)
        || PredefinedNames.Contains(name.ToUpperInvariant()) && name == name.ToLowerInvariant() && name.EndsWith("_proxy", System.StringComparison.Ordinal)
        || name.StartsWith("BUILDKIT_", System.StringComparison.Ordinal);

    private static readonly HashSet<string> PredefinedNames = new(System.StringComparer.Ordinal)
    {
        "BUILDPLATFORM", "BUILDOS", "BUILDOSVERSION", "BUILDARCH", "BUILDVARIANT",
        "TARGETPLATFORM", "TARGETOS", "TARGETOSVERSION", "TARGETARCH", "TARGETVARIANT", "TARGETSTAGE",
        "HTTP_PROXY", "HTTPS_PROXY", "FTP_PROXY", "NO_PROXY", "ALL_PROXY", "SOURCE_DATE_EPOCH",
    };

    private static bool SupportsRequiredMembers(Compilation compilation) =>
        compilation is Microsoft.CodeAnalysis.CSharp.CSharpCompilation { LanguageVersion: >= Microsoft.CodeAnalysis.CSharp.LanguageVersion.CSharp11 }
        && compilation.GetTypeByMetadataName("System.Runtime.CompilerServices.RequiredMemberAttribute") is not null
        && compilation.GetTypeByMetadataName("System.Runtime.CompilerServices.CompilerFeatureRequiredAttribute") is not null
        && compilation.GetTypeByMetadataName("System.Runtime.CompilerServices.IsExternalInit") is not null;

    /// <summary>The <c>[Arg(typeof(X))]</c> of one class whose X is a <c>[BuildArg]</c>: named as the parser names it.</summary>
    private static void Collect(INamedTypeSymbol type, List<BuildArgumentName> arguments)
    {
        foreach (var attribute in type.GetAttributes())
        {
            if (attribute.AttributeClass?.ToDisplayString() != "DockerDsl.ArgAttribute"
                || attribute.ConstructorArguments.Length != 1
                || attribute.ConstructorArguments[0].Value is not INamedTypeSymbol argument)
            {
                continue;
            }

            foreach (var declaration in argument.GetAttributes())
            {
                if (declaration.AttributeClass?.ToDisplayString() != AttributeNames.BuildArg)
                {
                    continue;
                }

                string? name = null;
                var hasDefault = false;
                foreach (var named in declaration.NamedArguments)
                {
                    if (named.Key == "Name" && named.Value.Value is string value)
                    {
                        name = value;
                    }
                    else if (named.Key == "Default" && named.Value.Value is string)
                    {
                        hasDefault = true;
                    }
                }

                var argName = name ?? Naming.ToUpperSnakeCase(argument.Name);
                var entry = new BuildArgumentName(argument.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat), argName, argument.Name, hasDefault || Predefined(argName));
                if (!arguments.Contains(entry))
                {
                    arguments.Add(entry);
                }
            }
        }
    }
}

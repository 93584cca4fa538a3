using System;
using System.Collections.Generic;
using System.Threading;
using DockerDsl.Core.Model;
using DockerDsl.Declarations.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DockerDsl.Generators;

/// <summary>A <c>[BuildArg]</c> class a Dockerfile declares, and its ARG name.</summary>
public readonly record struct BuildArgumentName(string Type, string Name);

/// <summary>What <see cref="ImageInfoEmitter"/> needs of one declaration: its model and its build-argument classes.</summary>
public sealed record ImageInfo(DockerfileModel Model, EquatableArray<BuildArgumentName> BuildArguments);

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
                static (context, cancellationToken) => Read(context.TargetSymbol, cancellationToken))
            .Where(static info => info is not null)
            .WithTrackingName("ImageInfos");

        var options = context.AnalyzerConfigOptionsProvider
            .Select(static (provider, _) => ProjectOptions.From(provider.GlobalOptions));

        var files = infos
            .Combine(options)
            .Select(static (pair, _) => ImageInfoEmitter.Emit(pair.Left!, pair.Right))
            .Where(static file => file is not null);

        context.RegisterSourceOutput(files, static (context, file) => context.AddSource(file!.HintName, file.Source));
    }

    private static ImageInfo? Read(ISymbol symbol, CancellationToken cancellationToken)
    {
        if (symbol is not INamedTypeSymbol type)
        {
            return null;
        }

        try
        {
            var model = DockerfileParser.Parse(type, cancellationToken);
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

            return new ImageInfo(model, arguments.ToEquatableArray());
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // A generator that throws breaks the user's build (CS8785); the analyzers report what is wrong.
            return null;
        }
    }

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
                foreach (var named in declaration.NamedArguments)
                {
                    if (named.Key == "Name" && named.Value.Value is string value)
                    {
                        name = value;
                    }
                }

                var entry = new BuildArgumentName(argument.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat), name ?? Naming.ToUpperSnakeCase(argument.Name));
                if (!arguments.Contains(entry))
                {
                    arguments.Add(entry);
                }
            }
        }
    }
}

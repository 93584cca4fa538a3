using System;
using System.Threading;
using DockerDsl.Core.Emit;
using DockerDsl.Core.Lock;
using DockerDsl.Core.Model;
using DockerDsl.Declarations.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DockerDsl.Generators;

/// <summary>
/// For each class marked <c>[Dockerfile]</c>, generates its Dockerfile text as a constant, its stage
/// names as constants, and an assembly attribute the MSBuild task reads to write the file.
/// It reports no diagnostics: the analyzers read the same model and report its problems.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class DockerfileGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var models = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                AttributeNames.Dockerfile,
                static (node, _) => node is TypeDeclarationSyntax,
                static (context, cancellationToken) => Parse(context.TargetSymbol, cancellationToken))
            .Where(static model => model is not null)
            .WithTrackingName(TrackingNames.Models);

        var options = context.AnalyzerConfigOptionsProvider
            .Select(static (provider, _) => ProjectOptions.From(provider.GlobalOptions))
            .WithTrackingName(TrackingNames.ProjectOptions);

        // dockerdsl.lock.json, which the package's targets add as an AdditionalFile: its images are pinned to their digests.
        var lockFile = context.AdditionalTextsProvider
            .Where(static text => LockFiles.IsLockFile(text.Path))
            .Select(static (text, cancellationToken) => LockFiles.Read(text.GetText(cancellationToken)?.ToString()))
            .Collect()
            .Select(static (locks, _) => locks.Length == 1 ? locks[0] : null)
            .WithTrackingName(TrackingNames.LockFile);

        // A rule the project turns off is skipped by docker build --check too. The compilation holds the severities
        // (.editorconfig, global configs, NoWarn); this step only reads them, so its equal output keeps what follows cached.
        // A locked base image's helpers write for the family its layers tell (the lock reads them); parsing is
        // repeated with the lock only for a model that has such a base, so an edit of the lock re-runs no other parse.
        var lockedModels = models
            .Combine(lockFile)
            .Combine(context.CompilationProvider)
            .Select(static (pair, cancellationToken) => WithLockedFamilies(pair.Left.Left!, pair.Left.Right, pair.Right, cancellationToken))
            .WithTrackingName(TrackingNames.LockedFamilies);

        var checkedModels = lockedModels
            .Combine(context.CompilationProvider)
            .Select(static (pair, cancellationToken) => CheckSuppressions.Apply(pair.Left, CheckSuppressions.Of(pair.Right, pair.Left, cancellationToken)))
            .WithTrackingName(TrackingNames.CheckSuppressions);

        var files = checkedModels
            .Combine(options)
            .Combine(lockFile)
            .Select(static (pair, _) => CSharpEmitter.Emit(Pin(pair.Left.Left, pair.Right), pair.Left.Right.Syntax))
            .Where(static file => file is not null)
            .WithTrackingName(TrackingNames.Outputs);

        // One bake file gathers every Dockerfile of the project, so it depends on all models at once.
        var bake = models
            .Collect()
            .Combine(options)
            .Select(static (pair, _) => CSharpEmitter.EmitBake(pair.Left!, pair.Right))
            .WithTrackingName(TrackingNames.Bake);

        // Where the build context and its sources were declared, for the build task's checks: this step follows the
        // compilation, so lines stay right; its equal output keeps the file cached when nothing moved.
        var contextChecks = models
            .Combine(context.CompilationProvider)
            .Select(static (pair, cancellationToken) => CheckedContext(pair.Left!, pair.Right, cancellationToken))
            .WithTrackingName(TrackingNames.ContextChecks)
            .Combine(options)
            .Select(static (pair, _) => CSharpEmitter.EmitContextChecks(pair.Left, pair.Right))
            .Where(static file => file is not null);

        context.RegisterSourceOutput(contextChecks, static (context, file) => context.AddSource(file!.HintName, file.Source));
        context.RegisterSourceOutput(files, static (context, file) => context.AddSource(file!.HintName, file.Source));
        context.RegisterSourceOutput(bake, static (context, file) =>
        {
            if (file is not null)
            {
                context.AddSource(file.HintName, file.Source);
            }
        });
    }

    private static DockerfileModel Pin(DockerfileModel model, LockFile? lockFile)
    {
        if (lockFile is null)
        {
            return model;
        }

        try
        {
            return LockPinning.Pin(model, lockFile);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // As in Parse: a bug must not break the user's build; the Dockerfile is then written unpinned.
            return model;
        }
    }

    private static DockerfileModel WithLockedFamilies(DockerfileModel model, LockFile? lockFile, Compilation compilation, CancellationToken cancellationToken)
    {
        if (lockFile is null)
        {
            return model;
        }

        var families = lockFile.ImageFamilies();
        var locked = false;
        foreach (var stage in model.Stages)
        {
            locked |= stage.Base.Image is { } image && families.ContainsKey(image);
        }

        if (!locked || compilation.GetTypeByMetadataName(model.Source.Origin) is not { } type)
        {
            return model;
        }

        try
        {
            return DockerfileParser.Parse(type, cancellationToken, lockFile);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // As in Parse: a bug must not break the user's build; the model parsed without the lock stands.
            return model;
        }
    }

    private static ContextChecks? CheckedContext(DockerfileModel model, Compilation compilation, CancellationToken cancellationToken)
    {
        try
        {
            return ContextChecks.Of(model, compilation, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // As in Parse: a bug must not break the user's build; the context is then not checked.
            return null;
        }
    }

    private static DockerfileModel? Parse(ISymbol symbol, CancellationToken cancellationToken)
    {
        if (symbol is not INamedTypeSymbol type)
        {
            return null;
        }

        try
        {
            return DockerfileParser.Parse(type, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // A generator that throws breaks the user's build (CS8785); the analyzer reports what is wrong.
            return null;
        }
    }
}

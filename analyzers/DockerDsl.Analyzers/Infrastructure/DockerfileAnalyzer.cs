using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using DockerDsl.Core.Diagnostics;
using DockerDsl.Core.Model;
using DockerDsl.Core.Rules;
using DockerDsl.Declarations.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DockerDsl.Analyzers.Infrastructure;

/// <summary>
/// Base of every DockerDsl analyzer: finds classes marked [Dockerfile], hands their (shared, parsed
/// once) model to <see cref="Analyze"/>, and reports each diagnostic once per location, since a stage
/// can belong to several Dockerfiles.
/// </summary>
public abstract class DockerfileAnalyzer : DiagnosticAnalyzer
{
    /// <summary>
    /// False for rules that would mislead on a model missing the instructions the parser refused
    /// (a dropped HEALTHCHECK is not a missing one); those wait until the declaration errors are fixed.
    /// </summary>
    protected virtual bool RunsWithProblems => false;

    public sealed override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var dockerfileAttribute = start.Compilation.GetTypeByMetadataName(AttributeNames.Dockerfile);
            if (dockerfileAttribute is null)
            {
                return;
            }

            var reported = new ConcurrentDictionary<(string Id, Location Location), bool>();
            var globalOptions = start.Options.AnalyzerConfigOptionsProvider.GlobalOptions;
            globalOptions.TryGetValue("build_property.DockerDslSyntax", out var projectSyntax);
            var lockState = ProjectLock.From(start.Options, start.CancellationToken);
            start.RegisterSymbolAction(
                symbolContext =>
                {
                    var type = (INamedTypeSymbol)symbolContext.Symbol;
                    if (!type.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, dockerfileAttribute)))
                    {
                        return;
                    }

                    var model = DockerfileModels.Get(symbolContext.Compilation, type, lockState.File);
                    if (model.HasProblems && !RunsWithProblems)
                    {
                        return;
                    }

                    Analyze(new DockerfileAnalysis(model, type, projectSyntax, globalOptions, lockState, symbolContext, reported));
                },
                SymbolKind.NamedType);
        });
    }

    protected abstract void Analyze(DockerfileAnalysis analysis);
}

/// <summary>One Dockerfile class under analysis, and how to report on its declarations.</summary>
public sealed class DockerfileAnalysis
{
    /// <summary>Diagnostic property naming the stage class a code fix changes.</summary>
    public const string StageTypeProperty = "StageType";

    private readonly INamedTypeSymbol _dockerfileClass;
    private readonly AnalyzerConfigOptions _globalOptions;
    private readonly SymbolAnalysisContext _context;
    private readonly ConcurrentDictionary<(string Id, Location Location), bool> _reported;

    internal DockerfileAnalysis(DockerfileModel model, INamedTypeSymbol dockerfileClass, string? projectSyntax, AnalyzerConfigOptions globalOptions, ProjectLock lockState, SymbolAnalysisContext context, ConcurrentDictionary<(string Id, Location Location), bool> reported)
    {
        Model = model;
        ProjectSyntax = projectSyntax;
        _globalOptions = globalOptions;
        Lock = lockState;
        _dockerfileClass = dockerfileClass;
        _context = context;
        _reported = reported;
    }

    public DockerfileModel Model { get; }

    /// <summary>The project's DockerDslSyntax MSBuild property, if set.</summary>
    public string? ProjectSyntax { get; }

    /// <summary>The project's dockerdsl.lock.json and DockerDslLocked property.</summary>
    public ProjectLock Lock { get; }

    /// <summary>
    /// The model's words expanded as BuildKit expands them, with each locked base image's environment (so a
    /// <c>USER $APP_UID</c> on a locked .NET image is its <c>APP_UID</c>); null without a lock, where the rules expand
    /// the model's own.
    /// </summary>
    public ExpandedWords? LockedWords => Lock.File is { } lockFile
        ? _lockedWords ??= ExpandedWords.Of(Model, imageEnvironments: lockFile.ImageEnvironments())
        : null;

    private ExpandedWords? _lockedWords;

    public Compilation Compilation => _context.Compilation;

    /// <summary>An MSBuild property the project makes visible to the compiler (<c>build_property.Name</c>); null when unset or empty.</summary>
    public string? BuildProperty(string name) =>
        _globalOptions.TryGetValue("build_property." + name, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;

    public void Report(DiagnosticDescriptor descriptor, Finding finding)
    {
        var properties = finding.StageTypeName is null
            ? ImmutableDictionary<string, string?>.Empty
            : ImmutableDictionary<string, string?>.Empty.Add(StageTypeProperty, finding.StageTypeName);
        Report(descriptor, finding.Source, properties, finding.Arguments.Cast<object>().ToArray());
    }

    public void Report(DiagnosticDescriptor descriptor, SourceRef source, ImmutableDictionary<string, string?> properties, params object[] arguments)
    {
        // A declaration outside this compilation's source (a stage from a referenced library) is reported on the Dockerfile class.
        var location = SourceLocator.Locate(Compilation, source)
            ?? SourceLocator.Locate(Compilation, Model.Source)
            ?? _dockerfileClass.Locations.FirstOrDefault()
            ?? Location.None;
        if (_reported.TryAdd((descriptor.Id, location), true))
        {
            // One diagnostic stays one line: a value's control characters are shown escaped.
            _context.ReportDiagnostic(Diagnostic.Create(descriptor, location, properties, MessageText.OneLine(arguments)));
        }
    }
}

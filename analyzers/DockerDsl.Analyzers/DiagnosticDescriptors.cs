using System.Collections.Immutable;
using System.Linq;
using DockerDsl.Core.Diagnostics;
using DockerDsl.Core.Model;
using Microsoft.CodeAnalysis;

namespace DockerDsl.Analyzers;

/// <summary>
/// The analyzers' descriptors, one for each rule of <see cref="RuleCatalog"/> that applies to C#
/// declarations, with its declaration message. Rules that only Dockerfile text can break have none.
/// </summary>
public static class DiagnosticDescriptors
{
    // The ID, category and severity are written here as constants, as release tracking (RS2000-RS2008) reads them;
    // a test checks that they are the catalogue's.
    private const string Security = "Security";
    private const string Reliability = "Reliability";
    private const string Performance = "Performance";
    private const string Maintainability = "Maintainability";
    private const string Declaration = "Declaration";

    public static readonly DiagnosticDescriptor RootUser = Warning(RuleIdentifiers.RootUser, Security, RuleCatalog.RootUser);
    public static readonly DiagnosticDescriptor MissingHealthCheck = Warning(RuleIdentifiers.MissingHealthCheck, Reliability, RuleCatalog.MissingHealthCheck);
    public static readonly DiagnosticDescriptor CacheMountNotLocked = Warning(RuleIdentifiers.CacheMountNotLocked, Reliability, RuleCatalog.CacheMountNotLocked);
    public static readonly DiagnosticDescriptor UnpinnedBaseImage = Warning(RuleIdentifiers.UnpinnedBaseImage, Reliability, RuleCatalog.UnpinnedBaseImage);
    public static readonly DiagnosticDescriptor ShellFormCommand = Warning(RuleIdentifiers.ShellFormCommand, Reliability, RuleCatalog.ShellFormCommand);
    public static readonly DiagnosticDescriptor SecretLookingName = Warning(RuleIdentifiers.SecretLookingName, Security, RuleCatalog.SecretLookingName);
    public static readonly DiagnosticDescriptor RepeatedInstruction = Warning(RuleIdentifiers.RepeatedInstruction, Maintainability, RuleCatalog.RepeatedInstruction);
    public static readonly DiagnosticDescriptor RelativeWorkDir = Warning(RuleIdentifiers.RelativeWorkDir, Reliability, RuleCatalog.RelativeWorkDir);
    public static readonly DiagnosticDescriptor FeatureNewerThanFrontend = Warning(RuleIdentifiers.FeatureNewerThanFrontend, Reliability, RuleCatalog.FeatureNewerThanFrontend);
    public static readonly DiagnosticDescriptor UserByName = Warning(RuleIdentifiers.UserByName, Security, RuleCatalog.UserByName);
    public static readonly DiagnosticDescriptor AddInsteadOfCopy = Warning(RuleIdentifiers.AddInsteadOfCopy, Maintainability, RuleCatalog.AddInsteadOfCopy);
    public static readonly DiagnosticDescriptor RemoteAddWithoutChecksum = Warning(RuleIdentifiers.RemoteAddWithoutChecksum, Security, RuleCatalog.RemoteAddWithoutChecksum);
    public static readonly DiagnosticDescriptor AptGetInstallWithoutYes = Warning(RuleIdentifiers.AptGetInstallWithoutYes, Reliability, RuleCatalog.AptGetInstallWithoutYes);
    public static readonly DiagnosticDescriptor AptGetInstallWithoutNoInstallRecommends = Warning(RuleIdentifiers.AptGetInstallWithoutNoInstallRecommends, Performance, RuleCatalog.AptGetInstallWithoutNoInstallRecommends);
    public static readonly DiagnosticDescriptor AptInsteadOfAptGet = Warning(RuleIdentifiers.AptInsteadOfAptGet, Reliability, RuleCatalog.AptInsteadOfAptGet);
    public static readonly DiagnosticDescriptor Sudo = Warning(RuleIdentifiers.Sudo, Security, RuleCatalog.Sudo);
    public static readonly DiagnosticDescriptor CdInsteadOfWorkDir = Warning(RuleIdentifiers.CdInsteadOfWorkDir, Maintainability, RuleCatalog.CdInsteadOfWorkDir);
    public static readonly DiagnosticDescriptor PipeWithoutPipefail = Warning(RuleIdentifiers.PipeWithoutPipefail, Reliability, RuleCatalog.PipeWithoutPipefail);
    public static readonly DiagnosticDescriptor StageNameCasing = Warning(RuleIdentifiers.StageNameCasing, Maintainability, RuleCatalog.StageNameCasing);
    public static readonly DiagnosticDescriptor Maintainer = Warning(RuleIdentifiers.Maintainer, Maintainability, RuleCatalog.Maintainer);
    public static readonly DiagnosticDescriptor AptListsLeftInLayer = Info(RuleIdentifiers.AptListsLeftInLayer, Performance, RuleCatalog.AptListsLeftInLayer);
    public static readonly DiagnosticDescriptor ConstantPlatform = Warning(RuleIdentifiers.ConstantPlatform, Reliability, RuleCatalog.ConstantPlatform);
    public static readonly DiagnosticDescriptor RedundantTargetPlatform = Warning(RuleIdentifiers.RedundantTargetPlatform, Maintainability, RuleCatalog.RedundantTargetPlatform);
    public static readonly DiagnosticDescriptor RelativeCopyWithoutWorkDir = Warning(RuleIdentifiers.RelativeCopyWithoutWorkDir, Reliability, RuleCatalog.RelativeCopyWithoutWorkDir);
    public static readonly DiagnosticDescriptor UndefinedArgInFrom = Warning(RuleIdentifiers.UndefinedArgInFrom, Reliability, RuleCatalog.UndefinedArgInFrom);
    public static readonly DiagnosticDescriptor ApkAddWithoutNoCache = Warning(RuleIdentifiers.ApkAddWithoutNoCache, Performance, RuleCatalog.ApkAddWithoutNoCache);
    public static readonly DiagnosticDescriptor PipInstallWithoutNoCacheDir = Warning(RuleIdentifiers.PipInstallWithoutNoCacheDir, Performance, RuleCatalog.PipInstallWithoutNoCacheDir);
    public static readonly DiagnosticDescriptor UnpinnedPackage = Info(RuleIdentifiers.UnpinnedPackage, Reliability, RuleCatalog.UnpinnedPackage);
    public static readonly DiagnosticDescriptor CopyIgnoredFile = Warning(RuleIdentifiers.CopyIgnoredFile, Reliability, RuleCatalog.CopyIgnoredFile);
    public static readonly DiagnosticDescriptor PointlessCommand = Info(RuleIdentifiers.PointlessCommand, Maintainability, RuleCatalog.PointlessCommand);
    public static readonly DiagnosticDescriptor IgnoresStopSignal = Info(RuleIdentifiers.IgnoresStopSignal, Reliability, RuleCatalog.IgnoresStopSignal);
    public static readonly DiagnosticDescriptor WorkDirOwnedByUser = Info(RuleIdentifiers.WorkDirOwnedByUser, Security, RuleCatalog.WorkDirOwnedByUser);
    public static readonly DiagnosticDescriptor CommandNotOnBase = Warning(RuleIdentifiers.CommandNotOnBase, Reliability, RuleCatalog.CommandNotOnBase);
    public static readonly DiagnosticDescriptor InvalidBaseImagePlatform = Warning(RuleIdentifiers.InvalidBaseImagePlatform, Reliability, RuleCatalog.InvalidBaseImagePlatform);
    public static readonly DiagnosticDescriptor InvalidSourceDateEpoch = Warning(RuleIdentifiers.InvalidSourceDateEpoch, Reliability, RuleCatalog.InvalidSourceDateEpoch);
    public static readonly DiagnosticDescriptor SourceDateEpochInStage = Info(RuleIdentifiers.SourceDateEpochInStage, Reliability, RuleCatalog.SourceDateEpochInStage);

    public static readonly DiagnosticDescriptor AttributeHasErrors = Problem(RuleIdentifiers.AttributeHasErrors, RuleCatalog.AttributeHasErrors);
    public static readonly DiagnosticDescriptor TypeCannotBeExtended = Problem(RuleIdentifiers.TypeCannotBeExtended, RuleCatalog.TypeCannotBeExtended);
    public static readonly DiagnosticDescriptor InvalidOutputPath = Problem(RuleIdentifiers.InvalidOutputPath, RuleCatalog.InvalidOutputPath);
    public static readonly DiagnosticDescriptor UnsafeValue = Problem(RuleIdentifiers.UnsafeValue, RuleCatalog.UnsafeValue);
    public static readonly DiagnosticDescriptor InvalidValue = Problem(RuleIdentifiers.InvalidValue, RuleCatalog.InvalidValue);
    public static readonly DiagnosticDescriptor InvalidStageBase = Problem(RuleIdentifiers.InvalidStageBase, RuleCatalog.InvalidStageBase);
    public static readonly DiagnosticDescriptor InvalidReference = Problem(RuleIdentifiers.InvalidReference, RuleCatalog.InvalidReference);
    public static readonly DiagnosticDescriptor StageCycle = Problem(RuleIdentifiers.StageCycle, RuleCatalog.StageCycle);
    public static readonly DiagnosticDescriptor InvalidStageName = Problem(RuleIdentifiers.InvalidStageName, RuleCatalog.InvalidStageName);
    public static readonly DiagnosticDescriptor SplitStage = Problem(RuleIdentifiers.SplitStage, RuleCatalog.SplitStage);
    public static readonly DiagnosticDescriptor NoStages = Problem(RuleIdentifiers.NoStages, RuleCatalog.NoStages);
    public static readonly DiagnosticDescriptor MisplacedAttribute = Problem(RuleIdentifiers.MisplacedAttribute, RuleCatalog.MisplacedAttribute);
    public static readonly DiagnosticDescriptor ImageNotLocked = Problem(RuleIdentifiers.ImageNotLocked, RuleCatalog.ImageNotLocked);
    public static readonly DiagnosticDescriptor UnknownBaseFamily = Problem(RuleIdentifiers.UnknownBaseFamily, RuleCatalog.UnknownBaseFamily);
    public static readonly DiagnosticDescriptor HelperNotForBase = Problem(RuleIdentifiers.HelperNotForBase, RuleCatalog.HelperNotForBase);

    /// <summary>The descriptor that reports each kind of declaration problem: the catalogue's rule for it.</summary>
    public static readonly ImmutableDictionary<ProblemKind, DiagnosticDescriptor> ForProblem =
        RuleCatalog.ForProblem.ToImmutableDictionary(
            problem => problem.Key,
            problem => new[] { AttributeHasErrors, TypeCannotBeExtended, InvalidOutputPath, UnsafeValue, InvalidValue, InvalidStageBase, InvalidReference, StageCycle, InvalidStageName, SplitStage, NoStages, MisplacedAttribute, UnknownBaseFamily, HelperNotForBase }
                .Single(descriptor => descriptor.Id == problem.Value.Id));

    private static DiagnosticDescriptor Warning(string id, string category, RuleDescriptor rule) =>
        new(id, rule.Title, rule.DeclarationMessage!, category, DiagnosticSeverity.Warning, isEnabledByDefault: true, rule.Description, rule.HelpLink);

    private static DiagnosticDescriptor Info(string id, string category, RuleDescriptor rule) =>
        new(id, rule.Title, rule.DeclarationMessage!, category, DiagnosticSeverity.Info, isEnabledByDefault: true, rule.Description, rule.HelpLink);

    private static DiagnosticDescriptor Problem(string id, RuleDescriptor rule) =>
        new(id, rule.Title, rule.DeclarationMessage!, Declaration, DiagnosticSeverity.Error, isEnabledByDefault: true, rule.Description, rule.HelpLink);
}

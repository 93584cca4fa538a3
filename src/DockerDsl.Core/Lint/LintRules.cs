using System.Collections.Generic;
using System.Linq;
using DockerDsl.Core.Diagnostics;
using DockerDsl.Core.Rules;

namespace DockerDsl.Core.Lint;

/// <summary>
/// Every rule that runs on Dockerfile text, and what it reads; the same rule functions the analyzers call.
/// BuildKit's checks run where BuildKit makes them: while reading the instructions (all of them, up to one
/// it refuses), on the whole file once it is read, or while building a stage (only the stages a build
/// reaches).
/// </summary>
public static class LintRules
{
    public static IReadOnlyList<LintRule> All { get; } = new LintRule[]
    {
        new(RuleCatalog.RootUser, c => FinalStageRules.RootUser(c.Model, c.Words, c.Options.Lock), true),
        new(RuleCatalog.MissingHealthCheck, c => FinalStageRules.MissingHealthCheck(c.Model, c.Options.Lock), true),
        new(RuleCatalog.IgnoresStopSignal, c => FinalStageRules.IgnoresStopSignal(c.Model), true),
        new(RuleCatalog.WorkDirOwnedByUser, c => FinalStageRules.WorkDirOwnedByUser(c.Model), true),
        new(RuleCatalog.CommandNotOnBase, c => BaseFamilyRules.CommandNotOnBase(c.Model, c.Options.Lock), true),
        new(RuleCatalog.InvalidBaseImagePlatform, c => BaseImagePlatformRules.InvalidBaseImagePlatform(c.Model, c.Options.Lock, new[] { c.TargetPlatform }, false, c.BuildPlatform), true),
        new(RuleCatalog.CacheMountNotLocked, c => CacheMountRules.NotLocked(c.Model), true),
        new(RuleCatalog.UnpinnedBaseImage, c => BaseImageRules.UnpinnedBaseImage(c.Model), true),
        new(RuleCatalog.ShellFormCommand, c => InstructionRules.ShellFormCommand(c.Model), true),
        new(RuleCatalog.SecretLookingName, c => InstructionRules.SecretLookingName(c.Model), true),
        new(RuleCatalog.RepeatedInstruction, c => InstructionRules.RepeatedInstruction(c.Model), true),
        new(RuleCatalog.RelativeWorkDir, c => InstructionRules.RelativeWorkDir(c.Model, c.Words), true),
        new(RuleCatalog.FeatureNewerThanFrontend, c => FrontendRules.FeatureNewerThanPin(c.Model, null), false),
        new(RuleCatalog.InvalidSourceDateEpoch, c => SourceDateEpochRules.InvalidDefault(c.Model), false),
        new(RuleCatalog.SourceDateEpochInStage, c => SourceDateEpochRules.DefaultInStage(c.Model), false),
        new(RuleCatalog.UserByName, c => FinalStageRules.UserByName(c.Model, c.Words, c.Options.Lock), true),
        new(RuleCatalog.AddInsteadOfCopy, c => CopyRules.AddInsteadOfCopy(c.Model), true),
        new(RuleCatalog.RemoteAddWithoutChecksum, c => CopyRules.RemoteAddWithoutChecksum(c.Model), true),
        Run(RuleCatalog.AptGetInstallWithoutYes, RunCommandIssue.AptGetInstallWithoutYes),
        Run(RuleCatalog.AptGetInstallWithoutNoInstallRecommends, RunCommandIssue.AptGetInstallWithoutNoInstallRecommends),
        Run(RuleCatalog.AptInsteadOfAptGet, RunCommandIssue.AptInsteadOfAptGet),
        Run(RuleCatalog.Sudo, RunCommandIssue.Sudo),
        Run(RuleCatalog.CdInsteadOfWorkDir, RunCommandIssue.CdInsteadOfWorkDir),
        Run(RuleCatalog.PipeWithoutPipefail, RunCommandIssue.PipeWithoutPipefail),
        new(RuleCatalog.StageNameCasing, c => BaseImageRules.StageNameCasing(c.Model), false, WhileReading: true),
        new(RuleCatalog.Maintainer, c => InstructionRules.Maintainer(c.Model), false, WhileReading: true),
        Run(RuleCatalog.AptListsLeftInLayer, RunCommandIssue.AptListsLeftInLayer),
        new(RuleCatalog.ConstantPlatform, c => BaseImageRules.ConstantPlatform(c.Model, c.Arguments), false),
        new(RuleCatalog.RedundantTargetPlatform, c => BaseImageRules.RedundantTargetPlatform(c.Model, c.Arguments), false),
        new(RuleCatalog.RelativeCopyWithoutWorkDir, c => InstructionRules.RelativeCopyWithoutWorkDir(c.Model), true),
        new(RuleCatalog.UndefinedArgInFrom, c => BaseImageRules.UndefinedArgInFrom(c.Model, c.Arguments), false),
        Run(RuleCatalog.ApkAddWithoutNoCache, RunCommandIssue.ApkAddWithoutNoCache),
        Run(RuleCatalog.PipInstallWithoutNoCacheDir, RunCommandIssue.PipInstallWithoutNoCacheDir),
        Run(RuleCatalog.UnpinnedPackage, RunCommandIssue.UnpinnedPackage),
        new(RuleCatalog.CopyIgnoredFile, c => c.Options.Dockerignore is { } ignore ? CopyRules.CopyIgnoredFile(c.Model, ignore, c.Words) : Enumerable.Empty<Finding>(), true),
        Run(RuleCatalog.PointlessCommand, RunCommandIssue.PointlessCommand),
        new(RuleCatalog.ConsistentInstructionCasing, c => KeywordCasingRules.ConsistentInstructionCasing(c.Document), false),
        new(RuleCatalog.FromAsCasing, c => KeywordCasingRules.FromAsCasing(c.Document), false, WhileReading: true),
        new(RuleCatalog.NoEmptyContinuation, c => EmptyContinuationRules.NoEmptyContinuation(c.Document), false, WhileReading: true),
        new(RuleCatalog.DuplicateStageName, c => StageNameRules.DuplicateStageName(c.Document), false),
        new(RuleCatalog.ReservedStageName, c => StageNameRules.ReservedStageName(c.Document), false),
        new(RuleCatalog.UndefinedVar, c => VariableRules.UndefinedVar(c.Document, c.Words), true),
        new(RuleCatalog.LegacyKeyValueFormat, c => KeyValueFormatRules.LegacyKeyValueFormat(c.Document), true),
        new(RuleCatalog.InvalidDefaultArgInFrom, c => VariableRules.InvalidDefaultArgInFrom(c.Document, c.Arguments), false),
        new(RuleCatalog.ExposeProtoCasing, c => ExposeRules.ExposeProtoCasing(c.Document, c.Words), true),
        new(RuleCatalog.ExposeInvalidFormat, c => ExposeRules.ExposeInvalidFormat(c.Document, c.Words), true),
        new(RuleCatalog.InvalidDefinitionDescription, c => DescriptionCommentRules.InvalidDefinitionDescription(c.Document), false, WhileReading: true),
    };

    private static LintRule Run(RuleDescriptor rule, RunCommandIssue issue) => new(rule, c => RunCommandRules.Find(c.Model, issue), true);
}

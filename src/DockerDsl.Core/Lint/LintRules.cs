using System.Collections.Generic;
using DockerDsl.Core.Diagnostics;
using DockerDsl.Core.Rules;

namespace DockerDsl.Core.Lint;

/// <summary>Every rule that runs on Dockerfile text, and what it reads; the same rule functions the analyzers call.</summary>
public static class LintRules
{
    public static IReadOnlyList<LintRule> All { get; } = new LintRule[]
    {
        new(RuleCatalog.RootUser, c => FinalStageRules.RootUser(c.Model), true),
        new(RuleCatalog.MissingHealthCheck, c => FinalStageRules.MissingHealthCheck(c.Model), true),
        new(RuleCatalog.CacheMountNotLocked, c => CacheMountRules.NotLocked(c.Model), true),
        new(RuleCatalog.UnpinnedBaseImage, c => BaseImageRules.UnpinnedBaseImage(c.Model), true),
        new(RuleCatalog.ShellFormCommand, c => InstructionRules.ShellFormCommand(c.Model), true),
        new(RuleCatalog.SecretLookingName, c => InstructionRules.SecretLookingName(c.Model), true),
        new(RuleCatalog.RepeatedInstruction, c => InstructionRules.RepeatedInstruction(c.Model), true),
        new(RuleCatalog.RelativeWorkDir, c => InstructionRules.RelativeWorkDir(c.Model, c.Words), true),
        new(RuleCatalog.FeatureNewerThanFrontend, c => FrontendRules.FeatureNewerThanPin(c.Model, null), false),
        new(RuleCatalog.UserByName, c => FinalStageRules.UserByName(c.Model), true),
        new(RuleCatalog.AddInsteadOfCopy, c => CopyRules.AddInsteadOfCopy(c.Model), true),
        new(RuleCatalog.RemoteAddWithoutChecksum, c => CopyRules.RemoteAddWithoutChecksum(c.Model), true),
        Run(RuleCatalog.AptGetInstallWithoutYes, RunCommandIssue.AptGetInstallWithoutYes),
        Run(RuleCatalog.AptGetInstallWithoutNoInstallRecommends, RunCommandIssue.AptGetInstallWithoutNoInstallRecommends),
        Run(RuleCatalog.AptInsteadOfAptGet, RunCommandIssue.AptInsteadOfAptGet),
        Run(RuleCatalog.Sudo, RunCommandIssue.Sudo),
        Run(RuleCatalog.CdInsteadOfWorkDir, RunCommandIssue.CdInsteadOfWorkDir),
        Run(RuleCatalog.PipeWithoutPipefail, RunCommandIssue.PipeWithoutPipefail),
        new(RuleCatalog.StageNameCasing, c => BaseImageRules.StageNameCasing(c.Model), false),
        new(RuleCatalog.Maintainer, c => InstructionRules.Maintainer(c.Model), false),
        Run(RuleCatalog.AptListsLeftInLayer, RunCommandIssue.AptListsLeftInLayer),
        new(RuleCatalog.ConstantPlatform, c => BaseImageRules.ConstantPlatform(c.Model, c.Arguments), false),
        new(RuleCatalog.RedundantTargetPlatform, c => BaseImageRules.RedundantTargetPlatform(c.Model, c.Arguments), false),
        new(RuleCatalog.RelativeCopyWithoutWorkDir, c => InstructionRules.RelativeCopyWithoutWorkDir(c.Model), true),
        new(RuleCatalog.UndefinedArgInFrom, c => BaseImageRules.UndefinedArgInFrom(c.Model, c.Arguments), false),
        Run(RuleCatalog.ApkAddWithoutNoCache, RunCommandIssue.ApkAddWithoutNoCache),
        Run(RuleCatalog.PipInstallWithoutNoCacheDir, RunCommandIssue.PipInstallWithoutNoCacheDir),
        Run(RuleCatalog.UnpinnedPackage, RunCommandIssue.UnpinnedPackage),
        new(RuleCatalog.CopyIgnoredFile, c => c.Options.Dockerignore is { } ignore ? CopyRules.CopyIgnoredFile(c.Model, ignore, c.Words) : System.Linq.Enumerable.Empty<Finding>(), true),
        Run(RuleCatalog.PointlessCommand, RunCommandIssue.PointlessCommand),
    };

    private static LintRule Run(RuleDescriptor rule, RunCommandIssue issue) => new(rule, c => RunCommandRules.Find(c.Model, issue), true);
}

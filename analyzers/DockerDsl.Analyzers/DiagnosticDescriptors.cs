using System.Collections.Generic;
using System.Collections.Immutable;
using DockerDsl.Core.Model;
using Microsoft.CodeAnalysis;

namespace DockerDsl.Analyzers;

/// <summary>
/// The catalogue of every DockerDsl diagnostic. Severities follow the anchor rules (hadolint, BuildKit
/// checks, Trivy); heuristics on shell text stay warnings even where an anchor says error, since an
/// error fails the build.
/// </summary>
public static class DiagnosticDescriptors
{
    private const string Security = "Security";
    private const string Reliability = "Reliability";
    private const string Performance = "Performance";
    private const string Maintainability = "Maintainability";
    private const string Declaration = "Declaration";

    public static readonly DiagnosticDescriptor RootUser = Warning(
        RuleIdentifiers.RootUser, Security,
        "Image runs as root",
        "The image of stage '{0}' runs as {1}; add [NonRootUser(\"app\", Uid = 1001)] or a USER with a numeric non-root id",
        "The final stage's effective user, following USER through the stages it is built FROM, is root. A process that escapes a root container is root on the host.");

    public static readonly DiagnosticDescriptor MissingHealthCheck = Warning(
        RuleIdentifiers.MissingHealthCheck, Reliability,
        "Image has no HEALTHCHECK",
        "The image of stage '{0}' declares no HEALTHCHECK; add [HealthCheck(...)], or [NoHealthCheck] when there is nothing to check (OCI-format builders such as Buildah drop HEALTHCHECK, so check health in the orchestrator too)",
        "Without a health check Docker reports a hung process as running. Declaring [NoHealthCheck] (HEALTHCHECK NONE) states that no check is wanted. OCI-format images (Buildah/Podman without --format docker) have no HEALTHCHECK field and drop it.");

    public static readonly DiagnosticDescriptor CacheMountNotLocked = Warning(
        RuleIdentifiers.CacheMountNotLocked, Reliability,
        "Cache mount is not locked",
        "The cache mount at '{0}' uses sharing={1}; set Sharing = CacheSharing.Locked so concurrent builds do not write the cache at once",
        "BuildKit's default sharing, shared, lets concurrent builds use one cache at once; apt, ccache and most package managers corrupt or fail on it. private silently starts an empty cache per concurrent build.");

    public static readonly DiagnosticDescriptor UnpinnedBaseImage = Warning(
        RuleIdentifiers.UnpinnedBaseImage, Reliability,
        "Base image is not pinned",
        "The base image '{0}' {1}; pin a version tag, and a digest for reproducible builds",
        "An untagged image means latest, which changes under the build without notice.");

    public static readonly DiagnosticDescriptor ShellFormCommand = Warning(
        RuleIdentifiers.ShellFormCommand, Reliability,
        "CMD or ENTRYPOINT in shell form",
        "{0} in shell form runs under /bin/sh -c, which does not pass signals such as SIGTERM to the process; use the exec form with separate arguments",
        "In shell form the shell is PID 1 and does not forward signals, so docker stop waits for the timeout and kills the process.");

    public static readonly DiagnosticDescriptor SecretLookingName = Warning(
        RuleIdentifiers.SecretLookingName, Security,
        "ARG or ENV name looks like a secret",
        "{0} {1} looks like a secret, and ARG and ENV values stay in the image and its history; pass it with a [SecretMount] on the RUN that needs it",
        "Build arguments and environment variables are recorded in the image config and history; build secrets are mounted only while one RUN executes.");

    public static readonly DiagnosticDescriptor RepeatedInstruction = Warning(
        RuleIdentifiers.RepeatedInstruction, Maintainability,
        "Instruction repeated in a stage",
        "Stage '{1}' has another {0} after this one and only the last takes effect; remove this one",
        "A stage keeps only the last CMD, ENTRYPOINT and HEALTHCHECK.");

    public static readonly DiagnosticDescriptor RelativeWorkDir = Warning(
        RuleIdentifiers.RelativeWorkDir, Reliability,
        "WORKDIR is relative",
        "WORKDIR '{0}' is relative to the previous working directory; use an absolute path",
        "A relative WORKDIR depends on every WORKDIR before it, including the base image's.");

    public static readonly DiagnosticDescriptor FeatureNewerThanFrontend = Warning(
        RuleIdentifiers.FeatureNewerThanFrontend, Reliability,
        "Feature needs a newer Dockerfile frontend",
        "{0} needs docker/dockerfile:{1} or newer, but the Dockerfile pins '{2}'; raise Syntax (or the DockerDslSyntax property) or drop the feature",
        "The # syntax= line chooses the frontend that parses the Dockerfile; an older one fails the build on flags it does not know.");

    public static readonly DiagnosticDescriptor UserByName = Warning(
        RuleIdentifiers.UserByName, Security,
        "USER given by name",
        "USER '{0}' is a name, so Kubernetes runAsNonRoot cannot verify that it is not root; use numeric ids such as [User(1001, 1001)] or [NonRootUser]",
        "Runtimes see a user name only as text; a numeric uid is what runAsNonRoot and similar policies can check.");

    public static readonly DiagnosticDescriptor AddInsteadOfCopy = Warning(
        RuleIdentifiers.AddInsteadOfCopy, Maintainability,
        "ADD used where COPY suffices",
        "ADD of local files that are not archives does what COPY does, with surprises; use [Copy]",
        "ADD also fetches URLs and extracts archives; for plain files COPY says exactly what happens.");

    public static readonly DiagnosticDescriptor RemoteAddWithoutChecksum = Warning(
        RuleIdentifiers.RemoteAddWithoutChecksum, Security,
        "Remote ADD without checksum",
        "ADD of '{0}' has no checksum, so a changed or tampered download goes unnoticed; set Checksum = \"sha256:...\"",
        "ADD --checksum verifies a remote file before it enters the image.");

    public static readonly DiagnosticDescriptor AptGetInstallWithoutYes = Warning(
        RuleIdentifiers.AptGetInstallWithoutYes, Reliability,
        "apt-get install without -y",
        "'{0}' asks for confirmation, which fails a build; add -y or use [AptInstall]",
        "A build has no terminal to answer apt-get's prompt.");

    public static readonly DiagnosticDescriptor AptGetInstallWithoutNoInstallRecommends = Warning(
        RuleIdentifiers.AptGetInstallWithoutNoInstallRecommends, Performance,
        "apt-get install without --no-install-recommends",
        "'{0}' also installs recommended packages; add --no-install-recommends or use [AptInstall]",
        "Recommended packages make the image larger and widen its attack surface.");

    public static readonly DiagnosticDescriptor AptInsteadOfAptGet = Warning(
        RuleIdentifiers.AptInsteadOfAptGet, Reliability,
        "apt instead of apt-get",
        "'{0}' uses apt, whose command line is not stable for scripts; use apt-get or [AptInstall]",
        "apt is meant for people at a terminal and warns that its interface may change.");

    public static readonly DiagnosticDescriptor Sudo = Warning(
        RuleIdentifiers.Sudo, Security,
        "sudo in RUN",
        "'{0}' uses sudo; RUN runs as the stage's current user, so switch with [User] around the commands that need root",
        "sudo in images brings unpredictable TTY and signal behaviour and needs a sudo setup in the image.");

    public static readonly DiagnosticDescriptor CdInsteadOfWorkDir = Warning(
        RuleIdentifiers.CdInsteadOfWorkDir, Maintainability,
        "cd instead of WORKDIR",
        "'{0}' changes directory within one RUN; use [WorkDir] so the directory is explicit for later instructions",
        "WORKDIR documents the directory and applies to every instruction after it.");

    public static readonly DiagnosticDescriptor PipeWithoutPipefail = Warning(
        RuleIdentifiers.PipeWithoutPipefail, Reliability,
        "Pipe without pipefail",
        "A pipe in this RUN hides the failure of every command but the last; start with 'set -o pipefail &&' in bash, or declare [Shell(\"/bin/bash\", \"-o\", \"pipefail\", \"-c\")] first",
        "A pipeline's status is its last command's, so a failed download piped into a shell passes the build.");

    public static readonly DiagnosticDescriptor StageNameCasing = Warning(
        RuleIdentifiers.StageNameCasing, Maintainability,
        "Stage name is not lower case",
        "Stage name '{0}' has upper-case letters; BuildKit expects lower-case names, use '{1}'",
        "BuildKit's StageNameCasing check warns on stage names with upper-case letters.");

    public static readonly DiagnosticDescriptor Maintainer = Warning(
        RuleIdentifiers.Maintainer, Maintainability,
        "MAINTAINER is deprecated",
        "MAINTAINER is deprecated; use [Label(\"org.opencontainers.image.authors\", \"...\")]",
        "MAINTAINER was replaced by labels; the OCI annotation is org.opencontainers.image.authors.");

    public static readonly DiagnosticDescriptor AptListsLeftInLayer = Info(
        RuleIdentifiers.AptListsLeftInLayer, Performance,
        "apt package lists left in the layer",
        "apt-get update leaves its package lists in the layer; use [AptInstall], mount a cache at /var/lib/apt, or end with 'rm -rf /var/lib/apt/lists/*'",
        "The package lists are tens of megabytes the image does not need at run time.");

    public static readonly DiagnosticDescriptor ConstantPlatform = Warning(
        RuleIdentifiers.ConstantPlatform, Reliability,
        "FROM --platform with a constant",
        "Platform '{0}' is a constant, which forces emulation when building for other platforms; use $BUILDPLATFORM for build stages or leave it unset",
        "A constant --platform pins the stage regardless of the build's target platform.");

    public static readonly DiagnosticDescriptor RedundantTargetPlatform = Warning(
        RuleIdentifiers.RedundantTargetPlatform, Maintainability,
        "Redundant --platform=$TARGETPLATFORM",
        "Platform '{0}' is what FROM uses anyway; remove it",
        "A stage is built for the target platform unless --platform says otherwise.");

    public static readonly DiagnosticDescriptor RelativeCopyWithoutWorkDir = Warning(
        RuleIdentifiers.RelativeCopyWithoutWorkDir, Reliability,
        "COPY to a relative path without WORKDIR",
        "{0} to '{1}' depends on the base image's working directory, as no WORKDIR is set in this stage or the stages it is built from; add [WorkDir] first or use an absolute destination",
        "A relative destination is resolved against the working directory, which the base image decides when no WORKDIR is set.");

    public static readonly DiagnosticDescriptor UndefinedArgInFrom = Warning(
        RuleIdentifiers.UndefinedArgInFrom, Reliability,
        "FROM uses an undeclared build argument",
        "'{0}' is not a global build argument, so it expands to an empty string in FROM; add [Arg(typeof(...))] to the Dockerfile class",
        "Only ARGs declared before the first FROM can be used in FROM lines.");

    public static readonly DiagnosticDescriptor ApkAddWithoutNoCache = Warning(
        RuleIdentifiers.ApkAddWithoutNoCache, Performance,
        "apk add without --no-cache",
        "'{0}' leaves apk's package index in the layer; add --no-cache, or put /var/cache/apk on a [CacheMount] with Sharing = CacheSharing.Locked",
        "Without --no-cache, apk keeps the package index it downloads in /var/cache/apk, megabytes the image does not need at run time.");

    public static readonly DiagnosticDescriptor PipInstallWithoutNoCacheDir = Warning(
        RuleIdentifiers.PipInstallWithoutNoCacheDir, Performance,
        "pip install without --no-cache-dir",
        "'{0}' leaves pip's download cache in the layer; add --no-cache-dir, or put pip's cache folder (/root/.cache/pip) on a [CacheMount] with Sharing = CacheSharing.Locked",
        "pip keeps every package it downloads in its cache folder, often as large again as what it installs; the image does not need it at run time.");

    public static readonly DiagnosticDescriptor UnpinnedPackage = Info(
        RuleIdentifiers.UnpinnedPackage, Reliability,
        "Package installed without a version pin",
        "{0} installs {1} without a version; pin versions as in '{2}' so a rebuild installs the same packages",
        "An unpinned package is whatever version the index offers on the day of the build, so two builds of one Dockerfile can differ or break.");

    public static readonly DiagnosticDescriptor CopyIgnoredFile = Warning(
        RuleIdentifiers.CopyIgnoredFile, Reliability,
        "COPY source excluded by .dockerignore",
        "{0} source '{1}' is left out of the build context by the .dockerignore pattern '{2}', so the build will not find it; remove or narrow that Ignore pattern, add an exception such as '!{1}' to Ignore, or copy it from another stage",
        "DockerDsl writes each Dockerfile's .dockerignore, so it knows which context paths BuildKit leaves out; a COPY or ADD of one fails with 'not found', and a wildcard under a left-out directory matches nothing.");

    public static readonly DiagnosticDescriptor PointlessCommand = Info(
        RuleIdentifiers.PointlessCommand, Maintainability,
        "Command that makes no sense in a container",
        "'{0}' makes no sense in a container, which runs one process with no init system, no services and no terminal; remove it, and start a long-running program with [Cmd] instead",
        "Service managers, process and system tools (ps, top, kill, free, mount, ifconfig, shutdown) and interactive programs (ssh, vim) do nothing useful in a RUN: the build has no running services, no init and no terminal.");

    public static readonly DiagnosticDescriptor AttributeHasErrors = Problem(RuleIdentifiers.AttributeHasErrors, "Attribute cannot be used");
    public static readonly DiagnosticDescriptor TypeCannotBeExtended = Problem(RuleIdentifiers.TypeCannotBeExtended, "Dockerfile class cannot be extended");
    public static readonly DiagnosticDescriptor InvalidOutputPath = Problem(RuleIdentifiers.InvalidOutputPath, "Invalid Dockerfile path");
    public static readonly DiagnosticDescriptor UnsafeValue = Problem(RuleIdentifiers.UnsafeValue, "Value would break the Dockerfile");
    public static readonly DiagnosticDescriptor InvalidValue = Problem(RuleIdentifiers.InvalidValue, "Invalid value");
    public static readonly DiagnosticDescriptor InvalidStageBase = Problem(RuleIdentifiers.InvalidStageBase, "Invalid stage base");
    public static readonly DiagnosticDescriptor InvalidReference = Problem(RuleIdentifiers.InvalidReference, "Reference to a class of the wrong kind");
    public static readonly DiagnosticDescriptor StageCycle = Problem(RuleIdentifiers.StageCycle, "Stages reference each other in a cycle");
    public static readonly DiagnosticDescriptor InvalidStageName = Problem(RuleIdentifiers.InvalidStageName, "Invalid, duplicate or reserved stage name");
    public static readonly DiagnosticDescriptor SplitStage = Problem(RuleIdentifiers.SplitStage, "Stage instructions split over partial declarations");
    public static readonly DiagnosticDescriptor NoStages = Problem(RuleIdentifiers.NoStages, "Dockerfile declares no stage");
    public static readonly DiagnosticDescriptor MisplacedAttribute = Problem(RuleIdentifiers.MisplacedAttribute, "Attribute in the wrong place");

    /// <summary>The descriptor that reports each kind of declaration problem.</summary>
    public static readonly ImmutableDictionary<ProblemKind, DiagnosticDescriptor> ForProblem = new Dictionary<ProblemKind, DiagnosticDescriptor>
    {
        [ProblemKind.AttributeHasErrors] = AttributeHasErrors,
        [ProblemKind.TypeCannotBeExtended] = TypeCannotBeExtended,
        [ProblemKind.InvalidOutputPath] = InvalidOutputPath,
        [ProblemKind.UnsafeValue] = UnsafeValue,
        [ProblemKind.InvalidValue] = InvalidValue,
        [ProblemKind.InvalidStageBase] = InvalidStageBase,
        [ProblemKind.InvalidReference] = InvalidReference,
        [ProblemKind.StageCycle] = StageCycle,
        [ProblemKind.InvalidStageName] = InvalidStageName,
        [ProblemKind.SplitStage] = SplitStage,
        [ProblemKind.NoStages] = NoStages,
        [ProblemKind.MisplacedAttribute] = MisplacedAttribute,
    }.ToImmutableDictionary();

    private static DiagnosticDescriptor Warning(string id, string category, string title, string message, string description) =>
        new(id, title, message, category, DiagnosticSeverity.Warning, isEnabledByDefault: true, description, RuleIdentifiers.HelpLink(id));

    private static DiagnosticDescriptor Info(string id, string category, string title, string message, string description) =>
        new(id, title, message, category, DiagnosticSeverity.Info, isEnabledByDefault: true, description, RuleIdentifiers.HelpLink(id));

    // A declaration problem withholds the Dockerfile, so it is an error; the message is the parser's.
    private static DiagnosticDescriptor Problem(string id, string title) =>
        new(id, title, "{0}", Declaration, DiagnosticSeverity.Error, isEnabledByDefault: true, title + ": DockerDsl writes no Dockerfile until it is fixed.", RuleIdentifiers.HelpLink(id));
}

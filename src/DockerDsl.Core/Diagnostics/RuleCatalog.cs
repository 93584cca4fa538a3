using System.Collections.Generic;
using DockerDsl.Core.Model;

namespace DockerDsl.Core.Diagnostics;

/// <summary>
/// The catalogue of every DockerDsl rule. Severities follow the anchor rules (hadolint, BuildKit
/// checks, Trivy); heuristics on shell text stay warnings even where an anchor says error, since an
/// error fails the build.
/// </summary>
public static class RuleCatalog
{
    private const string Security = "Security";
    private const string Reliability = "Reliability";
    private const string Performance = "Performance";
    private const string Maintainability = "Maintainability";
    private const string Syntax = "Syntax";
    private const string Declaration = "Declaration";

    public static readonly RuleDescriptor RootUser = new(
        RuleIdentifiers.RootUser, Security, RuleSeverity.Warning, "Image runs as root",
        "The image of stage '{0}' runs as {1}; add [NonRootUser(\"app\", Uid = 1001)] or a USER with a numeric non-root id",
        "The image of stage '{0}' runs as {1}; add a USER with a numeric non-root id, such as 'USER 1001:1001', after the instructions that need root",
        "The final stage's effective user, following USER through the stages it is built FROM, is root. A process that escapes a root container is root on the host.");

    public static readonly RuleDescriptor MissingHealthCheck = new(
        RuleIdentifiers.MissingHealthCheck, Reliability, RuleSeverity.Warning, "Image has no HEALTHCHECK",
        "The image of stage '{0}' declares no HEALTHCHECK; add [HealthCheck(...)], or [NoHealthCheck] when there is nothing to check (OCI-format builders such as Buildah drop HEALTHCHECK, so check health in the orchestrator too)",
        "The image of stage '{0}' declares no HEALTHCHECK; add HEALTHCHECK CMD <command>, or HEALTHCHECK NONE when there is nothing to check (OCI-format builders such as Buildah drop HEALTHCHECK, so check health in the orchestrator too)",
        "Without a health check Docker reports a hung process as running. Declaring [NoHealthCheck] (HEALTHCHECK NONE) states that no check is wanted. OCI-format images (Buildah/Podman without --format docker) have no HEALTHCHECK field and drop it.");

    public static readonly RuleDescriptor CacheMountNotLocked = new(
        RuleIdentifiers.CacheMountNotLocked, Reliability, RuleSeverity.Warning, "Cache mount is not locked",
        "The cache mount at '{0}' uses sharing={1}; set Sharing = CacheSharing.Locked so concurrent builds do not write the cache at once",
        "The cache mount at '{0}' uses sharing={1}; add sharing=locked so concurrent builds do not write the cache at once",
        "BuildKit's default sharing, shared, lets concurrent builds use one cache at once; apt, ccache and most package managers corrupt or fail on it. private silently starts an empty cache per concurrent build.");

    public static readonly RuleDescriptor UnpinnedBaseImage = new(
        RuleIdentifiers.UnpinnedBaseImage, Reliability, RuleSeverity.Warning, "Base image is not pinned",
        "The base image '{0}' {1}; pin a version tag, and a digest for reproducible builds",
        "The base image '{0}' {1}; pin a version tag, and a digest for reproducible builds",
        "An untagged image means latest, which changes under the build without notice.");

    public static readonly RuleDescriptor ShellFormCommand = new(
        RuleIdentifiers.ShellFormCommand, Reliability, RuleSeverity.Warning, "CMD or ENTRYPOINT in shell form",
        "{0} in shell form runs under /bin/sh -c, which does not pass signals such as SIGTERM to the process; use the exec form with separate arguments",
        "{0} in shell form runs under /bin/sh -c, which does not pass signals such as SIGTERM to the process; use the JSON form, {0} [\"executable\", \"argument\"]",
        "In shell form the shell is PID 1 and does not forward signals, so docker stop waits for the timeout and kills the process.", BuildKitRule: "JSONArgsRecommended");

    public static readonly RuleDescriptor SecretLookingName = new(
        RuleIdentifiers.SecretLookingName, Security, RuleSeverity.Warning, "ARG or ENV name looks like a secret",
        "{0} {1} looks like a secret, and ARG and ENV values stay in the image and its history; pass it with a [SecretMount] on the RUN that needs it",
        "{0} {1} looks like a secret, and ARG and ENV values stay in the image and its history; pass it with RUN --mount=type=secret on the RUN that needs it",
        "Build arguments and environment variables are recorded in the image config and history; build secrets are mounted only while one RUN executes.", BuildKitRule: "SecretsUsedInArgOrEnv");

    public static readonly RuleDescriptor RepeatedInstruction = new(
        RuleIdentifiers.RepeatedInstruction, Maintainability, RuleSeverity.Warning, "Instruction repeated in a stage",
        "Stage '{1}' has another {0} after this one and only the last takes effect; remove this one",
        "Stage '{1}' has another {0} after this one and only the last takes effect; remove this one",
        "A stage keeps only the last CMD, ENTRYPOINT and HEALTHCHECK.", BuildKitRule: "MultipleInstructionsDisallowed");

    public static readonly RuleDescriptor RelativeWorkDir = new(
        RuleIdentifiers.RelativeWorkDir, Reliability, RuleSeverity.Warning, "WORKDIR is relative",
        "WORKDIR '{0}' is relative to the previous working directory; use an absolute path",
        "WORKDIR '{0}' is relative to the previous working directory; use an absolute path",
        "A relative WORKDIR depends on every WORKDIR before it, including the base image's.", BuildKitRule: "WorkdirRelativePath");

    public static readonly RuleDescriptor FeatureNewerThanFrontend = new(
        RuleIdentifiers.FeatureNewerThanFrontend, Reliability, RuleSeverity.Warning, "Feature needs a newer Dockerfile frontend",
        "{0} needs docker/dockerfile:{1} or newer, but the Dockerfile pins '{2}'; raise Syntax (or the DockerDslSyntax property) or drop the feature",
        "{0} needs docker/dockerfile:{1} or newer, but the Dockerfile pins '{2}'; raise the # syntax= line or drop the feature",
        "The # syntax= line chooses the frontend that parses the Dockerfile; an older one fails the build on flags it does not know.");

    public static readonly RuleDescriptor UserByName = new(
        RuleIdentifiers.UserByName, Security, RuleSeverity.Warning, "USER given by name",
        "USER {0}, so Kubernetes runAsNonRoot cannot verify that it is not root; use numeric ids such as [User(1001, 1001)] or [NonRootUser]",
        "USER {0}, so Kubernetes runAsNonRoot cannot verify that it is not root; use numeric ids such as 'USER 1001:1001'",
        "Runtimes see a user name only as text; a numeric uid is what runAsNonRoot and similar policies can check.");

    public static readonly RuleDescriptor AddInsteadOfCopy = new(
        RuleIdentifiers.AddInsteadOfCopy, Maintainability, RuleSeverity.Warning, "ADD used where COPY suffices",
        "ADD of local files that are not archives does what COPY does, with surprises; use [Copy]",
        "ADD of local files that are not archives does what COPY does, with surprises; use COPY",
        "ADD also fetches URLs and extracts archives; for plain files COPY says exactly what happens.");

    public static readonly RuleDescriptor RemoteAddWithoutChecksum = new(
        RuleIdentifiers.RemoteAddWithoutChecksum, Security, RuleSeverity.Warning, "Remote ADD without checksum",
        "ADD of '{0}' has no checksum, so a changed or tampered download goes unnoticed; set Checksum = \"sha256:...\"",
        "ADD of '{0}' has no checksum, so a changed or tampered download goes unnoticed; add --checksum=sha256:<digest>",
        "ADD --checksum verifies a remote file before it enters the image.");

    public static readonly RuleDescriptor AptGetInstallWithoutYes = new(
        RuleIdentifiers.AptGetInstallWithoutYes, Reliability, RuleSeverity.Warning, "apt-get install without -y",
        "'{0}' asks for confirmation, which fails a build; add -y or use [AptInstall]",
        "'{0}' asks for confirmation, which fails a build; add -y",
        "A build has no terminal to answer apt-get's prompt.");

    public static readonly RuleDescriptor AptGetInstallWithoutNoInstallRecommends = new(
        RuleIdentifiers.AptGetInstallWithoutNoInstallRecommends, Performance, RuleSeverity.Warning, "apt-get install without --no-install-recommends",
        "'{0}' also installs recommended packages; add --no-install-recommends or use [AptInstall]",
        "'{0}' also installs recommended packages; add --no-install-recommends",
        "Recommended packages make the image larger and widen its attack surface.");

    public static readonly RuleDescriptor AptInsteadOfAptGet = new(
        RuleIdentifiers.AptInsteadOfAptGet, Reliability, RuleSeverity.Warning, "apt instead of apt-get",
        "'{0}' uses apt, whose command line is not stable for scripts; use apt-get or [AptInstall]",
        "'{0}' uses apt, whose command line is not stable for scripts; use apt-get",
        "apt is meant for people at a terminal and warns that its interface may change.");

    public static readonly RuleDescriptor Sudo = new(
        RuleIdentifiers.Sudo, Security, RuleSeverity.Warning, "sudo in RUN",
        "'{0}' uses sudo; RUN runs as the stage's current user, so switch with [User] around the commands that need root",
        "'{0}' uses sudo; RUN runs as the stage's current user, so switch with USER around the commands that need root",
        "sudo in images brings unpredictable TTY and signal behaviour and needs a sudo setup in the image.");

    public static readonly RuleDescriptor CdInsteadOfWorkDir = new(
        RuleIdentifiers.CdInsteadOfWorkDir, Maintainability, RuleSeverity.Warning, "cd instead of WORKDIR",
        "'{0}' changes directory within one RUN; use [WorkDir] so the directory is explicit for later instructions",
        "'{0}' changes directory within one RUN; use WORKDIR so the directory is explicit for later instructions",
        "WORKDIR documents the directory and applies to every instruction after it.");

    public static readonly RuleDescriptor PipeWithoutPipefail = new(
        RuleIdentifiers.PipeWithoutPipefail, Reliability, RuleSeverity.Warning, "Pipe without pipefail",
        "A pipe in this RUN hides the failure of every command but the last; start with 'set -o pipefail &&' in bash, or declare [Shell(\"/bin/bash\", \"-o\", \"pipefail\", \"-c\")] first",
        "A pipe in this RUN hides the failure of every command but the last; start with 'set -o pipefail &&' in bash, or put SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"] before it",
        "A pipeline's status is its last command's, so a failed download piped into a shell passes the build.");

    public static readonly RuleDescriptor StageNameCasing = new(
        RuleIdentifiers.StageNameCasing, Maintainability, RuleSeverity.Warning, "Stage name is not lower case",
        "Stage name '{0}' has upper-case letters; BuildKit expects lower-case names, use '{1}'",
        "Stage name '{0}' has upper-case letters; BuildKit expects lower-case names, use '{1}'",
        "BuildKit's StageNameCasing check warns on stage names with upper-case letters.", BuildKitRule: "StageNameCasing");

    public static readonly RuleDescriptor Maintainer = new(
        RuleIdentifiers.Maintainer, Maintainability, RuleSeverity.Warning, "MAINTAINER is deprecated",
        "MAINTAINER is deprecated; use [Label(\"org.opencontainers.image.authors\", \"...\")]",
        "MAINTAINER is deprecated; use LABEL org.opencontainers.image.authors=\"...\"",
        "MAINTAINER was replaced by labels; the OCI annotation is org.opencontainers.image.authors.", BuildKitRule: "MaintainerDeprecated");

    public static readonly RuleDescriptor AptListsLeftInLayer = new(
        RuleIdentifiers.AptListsLeftInLayer, Performance, RuleSeverity.Info, "apt package lists left in the layer",
        "apt-get update leaves its package lists in the layer; use [AptInstall], mount a cache at /var/lib/apt, or end with 'rm -rf /var/lib/apt/lists/*'",
        "apt-get update leaves its package lists in the layer; mount a cache at /var/lib/apt with sharing=locked, or end with 'rm -rf /var/lib/apt/lists/*'",
        "The package lists are tens of megabytes the image does not need at run time.");

    public static readonly RuleDescriptor ConstantPlatform = new(
        RuleIdentifiers.ConstantPlatform, Reliability, RuleSeverity.Warning, "FROM --platform with a constant",
        "Platform '{0}' is a constant, which forces emulation when building for other platforms; use $BUILDPLATFORM for build stages or leave it unset",
        "Platform '{0}' is a constant, which forces emulation when building for other platforms; use $BUILDPLATFORM for build stages or leave it unset",
        "A constant --platform pins the stage regardless of the build's target platform.", BuildKitRule: "FromPlatformFlagConstDisallowed");

    public static readonly RuleDescriptor RedundantTargetPlatform = new(
        RuleIdentifiers.RedundantTargetPlatform, Maintainability, RuleSeverity.Warning, "Redundant --platform=$TARGETPLATFORM",
        "Platform '{0}' is what FROM uses anyway; remove it",
        "Platform '{0}' is what FROM uses anyway; remove it",
        "A stage is built for the target platform unless --platform says otherwise.", BuildKitRule: "RedundantTargetPlatform");

    public static readonly RuleDescriptor RelativeCopyWithoutWorkDir = new(
        RuleIdentifiers.RelativeCopyWithoutWorkDir, Reliability, RuleSeverity.Warning, "COPY to a relative path without WORKDIR",
        "{0} to '{1}' depends on the base image's working directory, as no WORKDIR is set in this stage or the stages it is built from; add [WorkDir] first or use an absolute destination",
        "{0} to '{1}' depends on the base image's working directory, as no WORKDIR is set in this stage or the stages it is built from; add WORKDIR first or use an absolute destination",
        "A relative destination is resolved against the working directory, which the base image decides when no WORKDIR is set.");

    public static readonly RuleDescriptor UndefinedArgInFrom = new(
        RuleIdentifiers.UndefinedArgInFrom, Reliability, RuleSeverity.Warning, "FROM uses an undeclared build argument",
        "'{0}' is not a global build argument, so it expands to an empty string in FROM; add [Arg(typeof(...))] to the Dockerfile class",
        "'{0}' is not a global build argument, so it expands to an empty string in FROM; declare ARG {0} before the first FROM",
        "Only ARGs declared before the first FROM can be used in FROM lines.", BuildKitRule: "UndefinedArgInFrom");

    public static readonly RuleDescriptor ApkAddWithoutNoCache = new(
        RuleIdentifiers.ApkAddWithoutNoCache, Performance, RuleSeverity.Warning, "apk add without --no-cache",
        "'{0}' leaves apk's package index in the layer; add --no-cache, or put /var/cache/apk on a [CacheMount] with Sharing = CacheSharing.Locked",
        "'{0}' leaves apk's package index in the layer; add --no-cache, or mount a cache with sharing=locked at /var/cache/apk",
        "Without --no-cache, apk keeps the package index it downloads in /var/cache/apk, megabytes the image does not need at run time.");

    public static readonly RuleDescriptor PipInstallWithoutNoCacheDir = new(
        RuleIdentifiers.PipInstallWithoutNoCacheDir, Performance, RuleSeverity.Warning, "pip install without --no-cache-dir",
        "'{0}' leaves pip's download cache in the layer; add --no-cache-dir, or put pip's cache folder (/root/.cache/pip) on a [CacheMount] with Sharing = CacheSharing.Locked",
        "'{0}' leaves pip's download cache in the layer; add --no-cache-dir, or mount a cache with sharing=locked at pip's cache folder (/root/.cache/pip)",
        "pip keeps every package it downloads in its cache folder, often as large again as what it installs; the image does not need it at run time.");

    public static readonly RuleDescriptor UnpinnedPackage = new(
        RuleIdentifiers.UnpinnedPackage, Reliability, RuleSeverity.Info, "Package installed without a version pin",
        "{0} installs {1} without a version; pin versions as in '{2}' so a rebuild installs the same packages",
        "{0} installs {1} without a version; pin versions as in '{2}' so a rebuild installs the same packages",
        "An unpinned package is whatever version the index offers on the day of the build, so two builds of one Dockerfile can differ or break.");

    public static readonly RuleDescriptor CopyIgnoredFile = new(
        RuleIdentifiers.CopyIgnoredFile, Reliability, RuleSeverity.Warning, "COPY source excluded by .dockerignore",
        "{0} source '{1}' is left out of the build context by the .dockerignore pattern '{2}', so the build will not find it; {3}",
        "{0} source '{1}' is left out of the build context by the .dockerignore pattern '{2}', so the build will not find it; remove or narrow that pattern, add an exception such as '!{1}', or copy it from another stage",
        "DockerDsl writes each Dockerfile's .dockerignore, so it knows which context paths BuildKit leaves out; a COPY or ADD of one fails with 'not found', and a wildcard under a left-out directory matches nothing.", BuildKitRule: "CopyIgnoredFile");

    public static readonly RuleDescriptor PointlessCommand = new(
        RuleIdentifiers.PointlessCommand, Maintainability, RuleSeverity.Info, "Command that makes no sense in a container",
        "'{0}' makes no sense in a container, which runs one process with no init system, no services and no terminal; remove it, and start a long-running program with [Cmd] instead",
        "'{0}' makes no sense in a container, which runs one process with no init system, no services and no terminal; remove it, and start a long-running program with CMD instead",
        "Service managers, process and system tools (ps, top, kill, free, mount, ifconfig, shutdown) and interactive programs (ssh, vim) do nothing useful in a RUN: the build has no running services, no init and no terminal.");

    public static readonly RuleDescriptor IgnoresStopSignal = new(
        RuleIdentifiers.IgnoresStopSignal, Reliability, RuleSeverity.Info, "PID 1 ignores the stop signal",
        "The image of stage '{0}' runs '{1}' as PID 1, where it ignores SIGTERM, so docker stop waits out its grace period (10 s) and kills it; start it under an init ([Entrypoint(\"tini\", \"--\")] with tini installed, or dumb-init), or set [StopSignal] to a signal it handles ('docker run --init' also works, but DockerDsl cannot see how the container is run)",
        "The image of stage '{0}' runs '{1}' as PID 1, where it ignores SIGTERM, so docker stop waits out its grace period (10 s) and kills it; start it under an init (ENTRYPOINT [\"tini\", \"--\"] with tini installed, or dumb-init), or set STOPSIGNAL to a signal it handles ('docker run --init' also works, but a Dockerfile cannot show how the container is run)",
        "Linux delivers a signal to a PID namespace's init only if it has installed a handler for it (pid_namespaces(7)). R, Python, Node.js, sleep, tail and the shells install none for SIGTERM, so as PID 1 they do not stop on docker stop and are killed after the grace period, losing in-flight work.");

    public static readonly RuleDescriptor WorkDirOwnedByUser = new(
        RuleIdentifiers.WorkDirOwnedByUser, Security, RuleSeverity.Info, "WORKDIR made by a non-root user",
        "[WorkDir(\"{0}\")] comes after the stage switches to user '{1}', so BuildKit creates '{0}' owned by '{1}' and the app can change the code kept there; move [WorkDir] before [NonRootUser] (or the USER), or keep it here if the app must write to that folder",
        "WORKDIR {0} comes after USER {1}, so BuildKit creates '{0}' owned by '{1}' and the app can change the code kept there; move WORKDIR before USER, or keep it here if the app must write to that folder",
        "BuildKit creates a WORKDIR that does not exist yet as the image's current USER (dockerfile2llb dispatchWorkdir: Mkdir with WithUser), so after a switch to the app's user the folder is the app's. Code the app can overwrite is what a compromised process needs to persist.");

    public static readonly RuleDescriptor CommandNotOnBase = new(
        RuleIdentifiers.CommandNotOnBase, Reliability, RuleSeverity.Warning, "Command not on the base image",
        "'{0}' is not on the base image '{1}' ({2}), so this RUN fails with exit code 127; {3} ([NonRootUser], [AptInstall], [ApkInstall] and [DnfInstall] write the base's own commands)",
        "'{0}' is not on the base image '{1}' ({2}), so this RUN fails with exit code 127; {3}",
        "Each family of base images has its own tools: apk only on Alpine, apt-get only on Debian and Ubuntu, useradd only where the shadow package is installed (not on Alpine, busybox, ubi-minimal, Amazon Linux or Azure Linux), and no shell at all on distroless, chiseled and scratch images. The family is inferred from the image at the root of the stage's FROM chain; a stage on an image whose family is not inferred is not checked.");

    public static readonly RuleDescriptor InvalidBaseImagePlatform = new(
        RuleIdentifiers.InvalidBaseImagePlatform, Reliability, RuleSeverity.Warning, "Base image not published for the platform",
        "The base image '{0}' {1}, but it is built for {2}: BuildKit pulls another platform's image and warns InvalidBaseImagePlatform, or finds none and fails; use an image published for {2}, or take {2} out of [Dockerfile(Platforms = ...)] or the stage's Platform (run dockerdsl lock --update if the image has gained it)",
        "The base image '{0}' {1}, but it is built for {2}: BuildKit pulls another platform's image and warns InvalidBaseImagePlatform, or finds none and fails; use an image published for {2}, or build for another platform (run dockerdsl lock --update if the image has gained it)",
        "BuildKit resolves each base image for the platform a stage is built for and warns when the image it gets is for another OS or architecture: the image then holds binaries the platform cannot run without emulation. The lock file records each locked platform's image config and an index's platforms, so this is known at compile time.",
        BuildKitRule: "InvalidBaseImagePlatform");

    public static readonly RuleDescriptor InvalidSourceDateEpoch = new(
        RuleIdentifiers.InvalidSourceDateEpoch, Reliability, RuleSeverity.Warning, "SOURCE_DATE_EPOCH default is not an epoch",
        "The SOURCE_DATE_EPOCH default '{0}' is not a number of seconds since 1970, so BuildKit either ignores it and stamps the image with the time of the build, or fails the build; give the [BuildArg] a Default of decimal digits such as the output of 'git log -1 --format=%ct'",
        "ARG SOURCE_DATE_EPOCH={0} is not a number of seconds since 1970, so BuildKit either ignores it and stamps the image with the time of the build, or fails the build; give decimal digits such as the output of 'git log -1 --format=%ct'",
        "BuildKit reads SOURCE_DATE_EPOCH with Go's strconv.ParseInt: BuildKit 0.13 fails the build on a build argument it refuses ('invalid SOURCE_DATE_EPOCH'), and since moby/buildkit#6602 a value it refuses is skipped, which makes no error, only an image that is not reproducible.");

    public static readonly RuleDescriptor SourceDateEpochInStage = new(
        RuleIdentifiers.SourceDateEpochInStage, Reliability, RuleSeverity.Info, "SOURCE_DATE_EPOCH default in a stage",
        "The default '{1}' of SOURCE_DATE_EPOCH in stage '{0}' only sets the variable for that stage's steps; BuildKit takes the image's epoch from the build or from a global default: put the [Arg] with the Default on the [Dockerfile] class, and bring a [BuildArg] without Default into the stage",
        "ARG SOURCE_DATE_EPOCH={1} in stage '{0}' only sets the variable for that stage's steps; BuildKit takes the image's epoch from the build or from a global default: declare ARG SOURCE_DATE_EPOCH={1} before the first FROM and keep 'ARG SOURCE_DATE_EPOCH' without a default in the stage",
        "The Dockerfile frontend uses a global ARG SOURCE_DATE_EPOCH default as the build's epoch (dockerfile 1.23, moby/buildkit#6601); a stage's ARG default is only a variable, so the image keeps the time of the build.");

    public static readonly RuleDescriptor ConsistentInstructionCasing = TextOnly(
        RuleIdentifiers.ConsistentInstructionCasing, Syntax, "Instruction casing is inconsistent",
        "'{0}' is not in the casing of the other instructions; write it as '{1}'",
        "Instruction keywords are case-insensitive, but mixing cases makes a Dockerfile harder to read; BuildKit takes the casing most instructions use as the file's.",
        "ConsistentInstructionCasing");

    public static readonly RuleDescriptor FromAsCasing = TextOnly(
        RuleIdentifiers.FromAsCasing, Syntax, "FROM and AS in different cases",
        "'{0}' and '{1}' are in different cases; write AS in the case of FROM",
        "The AS of FROM ... AS is expected in the same case as FROM.",
        "FromAsCasing");

    public static readonly RuleDescriptor NoEmptyContinuation = TextOnly(
        RuleIdentifiers.NoEmptyContinuation, Syntax, "Empty continuation line",
        "An empty line continues the instruction; remove it, or end the instruction before it",
        "An empty line inside a continued instruction is ignored today, and a future Dockerfile syntax will end the instruction there.",
        "NoEmptyContinuation");

    public static readonly RuleDescriptor DuplicateStageName = TextOnly(
        RuleIdentifiers.DuplicateStageName, Reliability, "Duplicate stage name",
        "Stage name '{0}' is used by an earlier stage too; give each stage its own name",
        "A stage name must be unique (case-insensitively): --target and --from would otherwise be ambiguous.",
        "DuplicateStageName");

    public static readonly RuleDescriptor ReservedStageName = TextOnly(
        RuleIdentifiers.ReservedStageName, Reliability, "Reserved stage name",
        "Stage name '{0}' is reserved; choose another name",
        "The names 'scratch' and 'context' mean something else in FROM and --from, so a stage cannot use them.",
        "ReservedStageName");

    public static readonly RuleDescriptor UndefinedVar = TextOnly(
        RuleIdentifiers.UndefinedVar, Reliability, "Undefined variable",
        "Usage of undefined variable '${0}'{1}; declare it with ARG or ENV before this instruction",
        "A variable that no ARG or ENV before the instruction defines expands to an empty string, which is rarely what was meant.",
        "UndefinedVar");

    public static readonly RuleDescriptor LegacyKeyValueFormat = TextOnly(
        RuleIdentifiers.LegacyKeyValueFormat, Syntax, "Legacy key value format",
        "'{0} key value' is the legacy format; write '{0} {1}=<value>'",
        "The form without '=' cannot set several values in one instruction and reads ambiguously when the value has spaces.",
        "LegacyKeyValueFormat");

    public static readonly RuleDescriptor InvalidDefaultArgInFrom = TextOnly(
        RuleIdentifiers.InvalidDefaultArgInFrom, Reliability, "FROM is invalid with the default build arguments",
        "FROM '{0}' is not a valid image reference with the default values of its build arguments; give the ARGs it uses defaults that make it one",
        "A FROM that only works when --build-arg is passed fails for everyone who builds without it.",
        "InvalidDefaultArgInFrom");

    public static readonly RuleDescriptor ExposeProtoCasing = TextOnly(
        RuleIdentifiers.ExposeProtoCasing, Syntax, "EXPOSE protocol is not lower case",
        "EXPOSE '{0}' has a protocol that is not lower case; write '{1}'",
        "Protocols in EXPOSE are tcp, udp and sctp, in lower case.",
        "ExposeProtoCasing");

    public static readonly RuleDescriptor ExposeInvalidFormat = TextOnly(
        RuleIdentifiers.ExposeInvalidFormat, Reliability, "EXPOSE with an IP address or host port",
        "EXPOSE '{0}' gives an IP address or host port, which EXPOSE does not use; write only the container port, as in '{1}', and publish with docker run -p",
        "EXPOSE only documents the ports the container listens on; addresses and host ports belong to docker run -p.",
        "ExposeInvalidFormat");

    public static readonly RuleDescriptor InvalidDefinitionDescription = TextOnly(
        RuleIdentifiers.InvalidDefinitionDescription, Syntax, "Comment before ARG or FROM is not a description",
        "The comment before {0} {1} does not start with '{1}', so it is not read as its description; start it with '# {1} ...', or end the comment with a line holding only '#'",
        "A comment right before a stage or a build argument is its description for docker buildx build --call=outline when it starts with the name. Experimental in BuildKit: off until enabled with # check=experimental=InvalidDefinitionDescription or .editorconfig.",
        "InvalidDefinitionDescription",
        enabledByDefault: false);

    public static readonly RuleDescriptor AttributeHasErrors = Problem(RuleIdentifiers.AttributeHasErrors, "Attribute cannot be used");
    public static readonly RuleDescriptor TypeCannotBeExtended = Problem(RuleIdentifiers.TypeCannotBeExtended, "Dockerfile class cannot be extended");
    public static readonly RuleDescriptor InvalidOutputPath = Problem(RuleIdentifiers.InvalidOutputPath, "Invalid Dockerfile path");
    public static readonly RuleDescriptor UnsafeValue = Problem(RuleIdentifiers.UnsafeValue, "Value would break the Dockerfile");
    public static readonly RuleDescriptor InvalidValue = Problem(RuleIdentifiers.InvalidValue, "Invalid value");
    public static readonly RuleDescriptor InvalidStageBase = Problem(RuleIdentifiers.InvalidStageBase, "Invalid stage base");
    public static readonly RuleDescriptor InvalidReference = Problem(RuleIdentifiers.InvalidReference, "Reference to a class of the wrong kind");
    public static readonly RuleDescriptor StageCycle = Problem(RuleIdentifiers.StageCycle, "Stages reference each other in a cycle");
    public static readonly RuleDescriptor InvalidStageName = Problem(RuleIdentifiers.InvalidStageName, "Invalid, duplicate or reserved stage name");
    public static readonly RuleDescriptor SplitStage = Problem(RuleIdentifiers.SplitStage, "Stages or stage instructions split over partial declarations");
    public static readonly RuleDescriptor NoStages = Problem(RuleIdentifiers.NoStages, "Dockerfile declares no stage");
    public static readonly RuleDescriptor MisplacedAttribute = Problem(RuleIdentifiers.MisplacedAttribute, "Attribute in the wrong place");
    public static readonly RuleDescriptor UnknownBaseFamily = Problem(RuleIdentifiers.UnknownBaseFamily, "Base image family unknown");
    public static readonly RuleDescriptor HelperNotForBase = Problem(RuleIdentifiers.HelperNotForBase, "Helper does not fit the base image");

    public static readonly RuleDescriptor ImageNotLocked = new(
        RuleIdentifiers.ImageNotLocked, Declaration, RuleSeverity.Error, "Image not in the lock file",
        "The image '{0}' is not in dockerdsl.lock.json{1}, and DockerDslLocked is true; run dockerdsl lock in the project folder and commit the lock file",
        null,
        "With DockerDslLocked=true (for CI) every external image must be pinned by the lock file, so the build pulls exactly what was locked.");

    /// <summary>The rule that reports each kind of declaration problem.</summary>
    public static IReadOnlyDictionary<ProblemKind, RuleDescriptor> ForProblem { get; } = new Dictionary<ProblemKind, RuleDescriptor>
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
        [ProblemKind.UnknownBaseFamily] = UnknownBaseFamily,
        [ProblemKind.HelperNotForBase] = HelperNotForBase,
    };

    /// <summary>Every rule, by ID.</summary>
    public static IReadOnlyList<RuleDescriptor> All { get; } = new[]
    {
        RootUser, MissingHealthCheck, CacheMountNotLocked, UnpinnedBaseImage, ShellFormCommand, SecretLookingName,
        RepeatedInstruction, RelativeWorkDir, FeatureNewerThanFrontend, UserByName, AddInsteadOfCopy,
        RemoteAddWithoutChecksum, AptGetInstallWithoutYes, AptGetInstallWithoutNoInstallRecommends, AptInsteadOfAptGet,
        Sudo, CdInsteadOfWorkDir, PipeWithoutPipefail, StageNameCasing, Maintainer, AptListsLeftInLayer,
        ConstantPlatform, RedundantTargetPlatform, RelativeCopyWithoutWorkDir, UndefinedArgInFrom, ApkAddWithoutNoCache,
        PipInstallWithoutNoCacheDir, UnpinnedPackage, CopyIgnoredFile, PointlessCommand, IgnoresStopSignal, WorkDirOwnedByUser,
        CommandNotOnBase, InvalidBaseImagePlatform, InvalidSourceDateEpoch, SourceDateEpochInStage,
        ConsistentInstructionCasing, FromAsCasing, NoEmptyContinuation, DuplicateStageName, ReservedStageName,
        UndefinedVar, LegacyKeyValueFormat, InvalidDefaultArgInFrom, ExposeProtoCasing, ExposeInvalidFormat,
        InvalidDefinitionDescription,
        AttributeHasErrors, TypeCannotBeExtended, InvalidOutputPath, UnsafeValue, InvalidValue, InvalidStageBase,
        InvalidReference, StageCycle, InvalidStageName, SplitStage, NoStages, MisplacedAttribute, ImageNotLocked,
        UnknownBaseFamily, HelperNotForBase,
    };

    /// <summary>The rule with <paramref name="id"/>, or null.</summary>
    public static RuleDescriptor? Find(string id)
    {
        foreach (var rule in All)
        {
            if (rule.Id == id)
            {
                return rule;
            }
        }

        return null;
    }

    private static RuleDescriptor TextOnly(string id, string category, string title, string message, string description, string buildKitRule, bool enabledByDefault = true) =>
        new(id, category, RuleSeverity.Warning, title, null, message, description, buildKitRule, enabledByDefault);

    // A declaration problem withholds the Dockerfile, so it is an error; the message is the parser's.
    private static RuleDescriptor Problem(string id, string title) =>
        new(id, Declaration, RuleSeverity.Error, title, "{0}", null, title + ": DockerDsl writes no Dockerfile until it is fixed.");
}

namespace DockerDsl.Core.Diagnostics;

/// <summary>Every diagnostic ID; DDSL001-099 are best practice, DDSL100 and up declaration errors (one per problem kind).</summary>
public static class RuleIdentifiers
{
    public const string RootUser = "DDSL001";
    public const string MissingHealthCheck = "DDSL002";
    public const string CacheMountNotLocked = "DDSL003";
    public const string UnpinnedBaseImage = "DDSL004";
    public const string ShellFormCommand = "DDSL005";
    public const string SecretLookingName = "DDSL006";
    public const string RepeatedInstruction = "DDSL007";
    public const string RelativeWorkDir = "DDSL008";
    public const string FeatureNewerThanFrontend = "DDSL009";
    public const string UserByName = "DDSL010";
    public const string AddInsteadOfCopy = "DDSL011";
    public const string RemoteAddWithoutChecksum = "DDSL012";
    public const string AptGetInstallWithoutYes = "DDSL013";
    public const string AptGetInstallWithoutNoInstallRecommends = "DDSL014";
    public const string AptInsteadOfAptGet = "DDSL015";
    public const string Sudo = "DDSL016";
    public const string CdInsteadOfWorkDir = "DDSL017";
    public const string PipeWithoutPipefail = "DDSL018";
    public const string StageNameCasing = "DDSL019";
    public const string Maintainer = "DDSL020";
    public const string AptListsLeftInLayer = "DDSL021";
    public const string ConstantPlatform = "DDSL022";
    public const string RedundantTargetPlatform = "DDSL023";
    public const string RelativeCopyWithoutWorkDir = "DDSL024";
    public const string UndefinedArgInFrom = "DDSL025";
    public const string ApkAddWithoutNoCache = "DDSL026";
    public const string PipInstallWithoutNoCacheDir = "DDSL027";
    public const string UnpinnedPackage = "DDSL028";
    public const string CopyIgnoredFile = "DDSL029";
    public const string PointlessCommand = "DDSL030";

    // Rules that only Dockerfile text can break (BuildKit's build checks on syntax and variables).
    public const string ConsistentInstructionCasing = "DDSL031";
    public const string FromAsCasing = "DDSL032";
    public const string NoEmptyContinuation = "DDSL033";
    public const string DuplicateStageName = "DDSL034";
    public const string ReservedStageName = "DDSL035";
    public const string UndefinedVar = "DDSL036";
    public const string LegacyKeyValueFormat = "DDSL037";
    public const string InvalidDefaultArgInFrom = "DDSL038";
    public const string ExposeProtoCasing = "DDSL039";
    public const string ExposeInvalidFormat = "DDSL040";
    public const string InvalidDefinitionDescription = "DDSL041";
    public const string IgnoresStopSignal = "DDSL042";
    public const string WorkDirOwnedByUser = "DDSL043";
    public const string CommandNotOnBase = "DDSL044";
    public const string InvalidBaseImagePlatform = "DDSL046";
    public const string InvalidSourceDateEpoch = "DDSL048";
    public const string SourceDateEpochInStage = "DDSL049";

    public const string AttributeHasErrors = "DDSL100";
    public const string TypeCannotBeExtended = "DDSL101";
    public const string InvalidOutputPath = "DDSL102";
    public const string UnsafeValue = "DDSL103";
    public const string InvalidValue = "DDSL104";
    public const string InvalidStageBase = "DDSL105";
    public const string InvalidReference = "DDSL106";
    public const string StageCycle = "DDSL107";
    public const string InvalidStageName = "DDSL108";
    public const string SplitStage = "DDSL109";
    public const string NoStages = "DDSL110";
    public const string MisplacedAttribute = "DDSL111";
    public const string ImageNotLocked = "DDSL112";
    public const string UnknownBaseFamily = "DDSL113";
    public const string HelperNotForBase = "DDSL114";

    /// <summary>Where the rule pages live; each descriptor links to <c>{RulesDocumentationUrl}{ID}.md</c>.</summary>
    public const string RulesDocumentationUrl = "https://github.com/dockerdsl/dockerdsl/blob/main/docs/rules/";

    public static string HelpLink(string id) => RulesDocumentationUrl + id + ".md";
}

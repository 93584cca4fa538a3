namespace DockerDsl.Generators;

/// <summary>Names of the tracked pipeline steps, so tests can assert what re-ran.</summary>
public static class TrackingNames
{
    public const string Models = nameof(Models);
    public const string ProjectOptions = nameof(ProjectOptions);
    public const string Outputs = nameof(Outputs);
    public const string Bake = nameof(Bake);
    public const string LockFile = nameof(LockFile);
    public const string LockedFamilies = nameof(LockedFamilies);
    public const string CheckSuppressions = nameof(CheckSuppressions);
    public const string ContextChecks = nameof(ContextChecks);
}

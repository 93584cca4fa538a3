namespace DockerDsl.Generators;

/// <summary>Names of the tracked pipeline steps, so tests can assert what re-ran.</summary>
public static class TrackingNames
{
    public const string Models = nameof(Models);
    public const string ProjectSyntax = nameof(ProjectSyntax);
    public const string Outputs = nameof(Outputs);
}

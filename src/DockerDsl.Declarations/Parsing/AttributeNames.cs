namespace DockerDsl.Declarations.Parsing;

/// <summary>Metadata names of the DockerDsl attributes.</summary>
public static class AttributeNames
{
    public const string Namespace = "DockerDsl";
    public const string Dockerfile = "DockerDsl.DockerfileAttribute";
    public const string Stage = "DockerDsl.StageAttribute";
    public const string BuildArg = "DockerDsl.BuildArgAttribute";
    public const string CacheMount = "DockerDsl.CacheMountAttribute";
    public const string SecretMount = "DockerDsl.SecretMountAttribute";
    public const string SshMount = "DockerDsl.SshMountAttribute";
    public const string BindMount = "DockerDsl.BindMountAttribute";
    public const string TmpfsMount = "DockerDsl.TmpfsMountAttribute";

    /// <summary>The attribute class's full name, or null when it is not a DockerDsl attribute.</summary>
    public static string? Of(Microsoft.CodeAnalysis.AttributeData attribute)
    {
        var type = attribute.AttributeClass;
        if (type is null || type.ContainingNamespace is not { Name: Namespace, ContainingNamespace.IsGlobalNamespace: true })
        {
            return null;
        }

        return Namespace + "." + type.Name;
    }
}

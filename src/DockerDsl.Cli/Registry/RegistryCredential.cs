namespace DockerDsl.Cli.Registry;

/// <summary>
/// What the Docker config holds for one registry: a user name and password, an identity token (an OAuth2
/// refresh token, from a helper that answers with the user name <c>&lt;token&gt;</c>), or a registry token sent as is.
/// </summary>
/// <param name="Source">Where it came from, for messages: <c>~/.docker/config.json</c> or <c>docker-credential-pass</c>.</param>
internal sealed record RegistryCredential(string? Username, string? Password, string? IdentityToken, string? RegistryToken, string Source)
{
    public bool HasPassword => !string.IsNullOrEmpty(Username) && Password is not null;

    /// <summary>Who the credential is, for messages (never the secret).</summary>
    public string Describe() => IdentityToken is not null ? $"the identity token from {Source}" : $"user '{Username}' from {Source}";
}

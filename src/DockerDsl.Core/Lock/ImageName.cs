using DockerDsl.Core.Rules;

namespace DockerDsl.Core.Lock;

/// <summary>
/// An image reference split as Docker splits it (distribution/reference's ParseNormalizedNamed): the registry
/// (<c>docker.io</c> when the first part is not a host), the repository path (<c>library/</c> added for Docker Hub's
/// official images), and the tag or digest.
/// </summary>
/// <param name="Domain">The registry as references name it: <c>docker.io</c>, <c>ghcr.io</c>, <c>localhost:5000</c>.</param>
/// <param name="Path">The repository within the registry: <c>library/debian</c>.</param>
/// <param name="Tag">The tag; <c>latest</c> when the reference names neither tag nor digest; null with a digest alone.</param>
/// <param name="Digest">The digest, if the reference names one (it wins over the tag, as in Docker).</param>
public sealed record ImageName(string Domain, string Path, string? Tag, string? Digest)
{
    public const string DockerHubDomain = "docker.io";

    /// <summary>The repository in its full form: <c>docker.io/library/debian</c>.</summary>
    public string Repository => Domain + "/" + Path;

    /// <summary>The host the registry API is served at: Docker Hub's is <c>registry-1.docker.io</c>.</summary>
    public string RegistryHost => Domain == DockerHubDomain ? "registry-1.docker.io" : Domain;

    /// <summary>What a manifest request names: the digest when there is one, else the tag.</summary>
    public string ManifestReference => Digest ?? Tag!;

    /// <summary>Reads <paramref name="reference"/>; null when it is not a reference Docker can pull.</summary>
    public static ImageName? Parse(string reference)
    {
        if (!ImageReferenceSyntax.IsValid(reference))
        {
            return null;
        }

        var parts = ImageReference.Parse(reference);
        var name = parts.Name;
        string domain, path;
        var slash = name.IndexOf('/');
        var first = slash < 0 ? string.Empty : name.Substring(0, slash);
        if (slash >= 0 && (first.IndexOfAny(new[] { '.', ':' }) >= 0 || first == "localhost" || first.ToLowerInvariant() != first))
        {
            (domain, path) = (first, name.Substring(slash + 1));
        }
        else
        {
            (domain, path) = (DockerHubDomain, name);
        }

        if (domain == "index.docker.io")
        {
            domain = DockerHubDomain;
        }

        if (domain == DockerHubDomain && path.IndexOf('/') < 0)
        {
            path = "library/" + path;
        }

        var tag = parts.Tag ?? (parts.Digest is null ? "latest" : null);
        return new ImageName(domain, path, tag, parts.Digest);
    }

    /// <summary>The same repository, named by <paramref name="digest"/> (its tag kept for messages).</summary>
    public ImageName WithDigest(string digest) => this with { Digest = digest };

    public override string ToString() => Repository + (Tag is null ? string.Empty : ":" + Tag) + (Digest is null ? string.Empty : "@" + Digest);
}

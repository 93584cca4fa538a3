using System.Linq;
using System.Text.RegularExpressions;

namespace DockerDsl.Core.Rules;

/// <summary>
/// Whether a FROM value is an image reference BuildKit accepts: distribution/reference's
/// ParseNormalizedNamed (normalize.go, regexp.go), which adds <c>docker.io/library/</c> where it is
/// implied, wants the repository in lower case and checks the digest's algorithm and length.
/// </summary>
public static class ImageReferenceSyntax
{
    private const int MaxNameLength = 255;

    private const string PathComponent = "[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*";
    private const string DomainComponent = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
    private const string Host = "(?:" + DomainComponent + "(?:\\." + DomainComponent + ")*|\\[[a-fA-F0-9:]+\\])";
    private const string Name = "(?:" + Host + "(?::[0-9]+)?/)?" + PathComponent + "(?:/" + PathComponent + ")*";
    private const string Tag = "[0-9A-Za-z_][0-9A-Za-z_.-]{0,127}";
    private const string Digest = "[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}";

    private static readonly Regex Reference = new(
        "^(" + Name + ")(?::" + Tag + ")?(?:@(" + Digest + "))?$", RegexOptions.CultureInvariant);

    private static readonly Regex Identifier = new("^[a-f0-9]{64}$", RegexOptions.CultureInvariant);

    /// <summary>True when BuildKit can pull <paramref name="reference"/> by that name (it may still not exist).</summary>
    public static bool IsValid(string reference)
    {
        if (Identifier.IsMatch(reference))
        {
            return false;
        }

        var (domain, remainder) = SplitDomain(reference);
        var tagSeparator = remainder.IndexOf(':');
        var repository = tagSeparator < 0 ? remainder : remainder.Substring(0, tagSeparator);
        if (repository.ToLowerInvariant() != repository)
        {
            return false;
        }

        var match = Reference.Match(domain + "/" + remainder);
        if (!match.Success || match.Groups[1].Length > MaxNameLength)
        {
            return false;
        }

        return !match.Groups[2].Success || IsSupportedDigest(match.Groups[2].Value);
    }

    // splitDockerDomain: the first part is a registry when it has a '.' or ':', is localhost, or has upper case.
    private static (string Domain, string Remainder) SplitDomain(string name)
    {
        string domain, remainder;
        var slash = name.IndexOf('/');
        if (slash < 0)
        {
            (domain, remainder) = ("docker.io", name);
        }
        else
        {
            var first = name.Substring(0, slash);
            var isRegistry = first.IndexOfAny(new[] { '.', ':' }) >= 0 || first == "localhost" || first.ToLowerInvariant() != first;
            (domain, remainder) = isRegistry ? (first, name.Substring(slash + 1)) : ("docker.io", name);
        }

        if (domain == "index.docker.io")
        {
            domain = "docker.io";
        }

        if (domain == "docker.io" && remainder.IndexOf('/') < 0)
        {
            remainder = "library/" + remainder;
        }

        return (domain, remainder);
    }

    // go-digest: only the registered algorithms, with their exact length of lower-case hex.
    private static bool IsSupportedDigest(string digest)
    {
        var colon = digest.IndexOf(':');
        var length = digest.Substring(0, colon) switch
        {
            "sha256" => 64,
            "sha384" => 96,
            "sha512" => 128,
            _ => -1,
        };
        var hex = digest.Substring(colon + 1);
        return hex.Length == length && hex.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f'));
    }
}

namespace DockerDsl.Core.Rules;

/// <summary>The parts of an image reference that rules look at: <c>registry:port/name:tag@digest</c>.</summary>
public readonly record struct ImageReference(string Name, string? Tag, string? Digest)
{
    public static ImageReference Parse(string image)
    {
        string? digest = null;
        var at = image.IndexOf('@');
        if (at >= 0)
        {
            digest = image.Substring(at + 1);
            image = image.Substring(0, at);
        }

        // A colon after the last slash starts the tag; one before it belongs to a registry port.
        var colon = image.LastIndexOf(':');
        if (colon > image.LastIndexOf('/'))
        {
            return new ImageReference(image.Substring(0, colon), image.Substring(colon + 1), digest);
        }

        return new ImageReference(image, null, digest);
    }
}

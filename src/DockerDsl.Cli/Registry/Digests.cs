using System;
using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace DockerDsl.Cli.Registry;

/// <summary>Content digests as the OCI image spec registers them: <c>sha256</c>, <c>sha384</c> and <c>sha512</c> in lower-case hex.</summary>
internal static partial class Digests
{
    public static bool IsValid(string digest) => Pattern().IsMatch(digest);

    /// <summary>The digest of <paramref name="content"/> with <paramref name="algorithm"/>'s algorithm (sha256 by default).</summary>
    public static string Of(ReadOnlySpan<byte> content, string? algorithm = null)
    {
        var name = algorithm is null ? "sha256" : algorithm[..algorithm.IndexOf(':')];
        var hash = name switch
        {
            "sha384" => SHA384.HashData(content),
            "sha512" => SHA512.HashData(content),
            _ => SHA256.HashData(content),
        };
        return name + ":" + Convert.ToHexStringLower(hash);
    }

    [GeneratedRegex("^(?:sha256:[0-9a-f]{64}|sha384:[0-9a-f]{96}|sha512:[0-9a-f]{128})$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}

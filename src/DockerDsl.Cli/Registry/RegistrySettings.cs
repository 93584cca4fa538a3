using System;
using System.Collections.Generic;

namespace DockerDsl.Cli.Registry;

/// <summary>How the registry client connects.</summary>
/// <param name="InsecureRegistries">Registries (<c>host[:port]</c>, as image references name them) spoken to in plain HTTP; every other one over HTTPS with the system's trusted certificates.</param>
/// <param name="Timeout">The longest one request may take, connecting and reading included.</param>
/// <param name="Environment">The environment: <c>DOCKER_CONFIG</c>, <c>HOME</c> and <c>PATH</c> (for credential helpers).</param>
internal sealed record RegistrySettings(
    IReadOnlyCollection<string> InsecureRegistries,
    TimeSpan Timeout,
    IReadOnlyDictionary<string, string> Environment)
{
    public bool IsInsecure(string host)
    {
        foreach (var insecure in InsecureRegistries)
        {
            if (string.Equals(insecure, host, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The timeout as messages write it.</summary>
    public string TimeoutText => Timeout.TotalSeconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture) + " s";
}

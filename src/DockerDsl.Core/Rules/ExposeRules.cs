using System.Collections.Generic;
using DockerDsl.Core.Text;

namespace DockerDsl.Core.Rules;

/// <summary>Rules on EXPOSE ports as BuildKit reads them (BuildKit's ExposeProtoCasing and ExposeInvalidFormat).</summary>
public static class ExposeRules
{
    /// <summary>DDSL039: a port whose protocol is not in lower case, as <c>80/TCP</c>. Arguments: the port, the port with its protocol in lower case.</summary>
    public static IEnumerable<Finding> ExposeProtoCasing(DockerfileDocument document, ExpandedWords words)
    {
        foreach (var (source, port) in Ports(document, words))
        {
            if (port.Protocol != port.Protocol.ToLowerInvariant())
            {
                yield return Finding.At(source, port.Text, port.Text.Substring(0, port.Text.Length - port.Protocol.Length) + port.Protocol.ToLowerInvariant());
            }
        }
    }

    /// <summary>DDSL040: a port with an IP address or a host port, as <c>127.0.0.1:80:80</c> or <c>8080:80</c>. Arguments: the port, the container port alone.</summary>
    public static IEnumerable<Finding> ExposeInvalidFormat(DockerfileDocument document, ExpandedWords words)
    {
        foreach (var (source, port) in Ports(document, words))
        {
            if (port.HasAddressOrHostPort)
            {
                yield return Finding.At(source, port.Text, port.ContainerPort);
            }
        }
    }

    // The ports of every EXPOSE, expanded and split into words; an instruction's ports stop at the first BuildKit refuses, as its build does.
    private static IEnumerable<(Model.SourceRef Source, Port Port)> Ports(DockerfileDocument document, ExpandedWords words)
    {
        foreach (var instruction in InstructionRules.All(document.Model))
        {
            if (Keywords.Of(instruction) != "EXPOSE")
            {
                continue;
            }

            foreach (var port in PortsOf(words.Of(instruction)))
            {
                yield return (instruction.Source, port);
            }
        }
    }

    private static IEnumerable<Port> PortsOf(IReadOnlyList<ExpandedWord> words)
    {
        foreach (var word in words)
        {
            if (word.Role != WordRoles.Port || !word.IsDecided)
            {
                yield break;
            }

            foreach (var text in word.Words)
            {
                if (Port.Parse(text) is not { } port)
                {
                    yield break;
                }

                yield return port;
            }
        }
    }

    /// <summary>One port of EXPOSE: <c>[ip:][hostPort:]containerPort[/protocol]</c> (dockerfile2llb/convert_expose.go, parsePort).</summary>
    private sealed record Port(string Text, string ContainerPort, string Protocol, bool HasAddressOrHostPort)
    {
        // Null when BuildKit refuses it: no container port, or a protocol other than tcp, udp and sctp.
        public static Port? Parse(string text)
        {
            var parts = text.Split(':');
            var address = parts.Length >= 3 ? string.Join(":", parts, 0, parts.Length - 2) : string.Empty;
            var hostPort = parts.Length >= 2 ? parts[parts.Length - 2] : string.Empty;
            var container = parts[parts.Length - 1];
            var slash = container.IndexOf('/');
            var number = slash < 0 ? container : container.Substring(0, slash);
            var protocol = slash < 0 ? string.Empty : container.Substring(slash + 1);
            if (number.Length == 0 || protocol.ToLowerInvariant() is not ("" or "tcp" or "udp" or "sctp"))
            {
                return null;
            }

            return new Port(text, container, protocol, address.Length > 0 || hostPort.Length > 0);
        }
    }
}

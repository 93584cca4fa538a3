namespace DockerDsl.Core.Tests.Lint;

public class ExposeRuleTests
{
    [Fact]
    public void Each_port_with_an_upper_case_protocol_is_found()
    {
        var messages = Lints.Messages("DDSL039", "FROM scratch\nEXPOSE 80/TCP 53/Udp 443/tcp 8080\n");

        Assert.Equal(
            new[]
            {
                "EXPOSE '53/Udp' has a protocol that is not lower case; write '53/udp'",
                "EXPOSE '80/TCP' has a protocol that is not lower case; write '80/tcp'",
            },
            messages);
    }

    [Fact]
    public void Each_port_with_an_address_or_host_port_is_found()
    {
        var messages = Lints.Messages("DDSL040", "FROM scratch\nEXPOSE 127.0.0.1:80:80/udp [::1]:8080:8080 5000:5000 9000\n");

        Assert.Equal(
            new[]
            {
                "EXPOSE '127.0.0.1:80:80/udp' gives an IP address or host port, which EXPOSE does not use; write only the container port, as in '80/udp', and publish with docker run -p",
                "EXPOSE '5000:5000' gives an IP address or host port, which EXPOSE does not use; write only the container port, as in '5000', and publish with docker run -p",
                "EXPOSE '[::1]:8080:8080' gives an IP address or host port, which EXPOSE does not use; write only the container port, as in '8080', and publish with docker run -p",
            },
            messages);
    }

    [Fact]
    public void Ports_are_expanded_and_split_first()
    {
        var text = "FROM scratch\nARG PORTS=\"80/TCP 8080:80\"\nEXPOSE $PORTS\n";

        Assert.Equal(new[] { 3 }, Lints.Lines("DDSL039", text));
        Assert.Equal(new[] { 3 }, Lints.Lines("DDSL040", text));
    }

    [Fact]
    public void A_port_that_depends_on_the_base_images_environment_is_not_decided()
    {
        Assert.Empty(Lints.Lines("DDSL040", "FROM nginx:1.27\nEXPOSE $HOST_PORT:80\n"));
    }

    [Fact]
    public void Ports_after_one_BuildKit_refuses_are_not_checked()
    {
        var messages = Lints.Messages("DDSL039", "FROM scratch\nEXPOSE 80/TCP 81/quic 82/TCP\nEXPOSE 83/TCP\n");

        Assert.Equal(
            new[]
            {
                "EXPOSE '80/TCP' has a protocol that is not lower case; write '80/tcp'",
                "EXPOSE '83/TCP' has a protocol that is not lower case; write '83/tcp'",
            },
            messages);
    }

    [Fact]
    public void Plain_ports_are_fine()
    {
        Assert.Empty(Lints.Lines("DDSL039", "FROM scratch\nEXPOSE 80 443/tcp 53/udp 9000-9010/sctp\n"));
        Assert.Empty(Lints.Lines("DDSL040", "FROM scratch\nEXPOSE 80 443/tcp 53/udp 9000-9010/sctp\n"));
    }
}

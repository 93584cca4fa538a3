using System;
using DotNet.Testcontainers.Builders;

namespace DockerDsl.Testcontainers;

/// <summary>Runs a DockerDsl image with what its declaration says.</summary>
public static class ContainerBuilderExtensions
{
    /// <summary>
    /// Uses <paramref name="image"/>, binds each declared <c>[Expose]</c> port to a random host port
    /// (<c>GetMappedPublicPort(port)</c> gives it), and when the image declares a HEALTHCHECK, waits until Docker
    /// reports the container <c>healthy</c> (at most <paramref name="healthTimeout"/>, default 3 minutes).
    /// </summary>
    public static ContainerBuilder WithDockerDslImage(this ContainerBuilder builder, DockerDslBuiltImage image, TimeSpan? healthTimeout = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(image);
        builder = builder.WithImage(image.Image);
        foreach (var port in image.Ports)
        {
            builder = builder.WithPortBinding(port, assignRandomHostPort: true);
        }

        if (image.HasHealthCheck)
        {
            var timeout = healthTimeout ?? TimeSpan.FromMinutes(3);
            builder = builder.WithWaitStrategy(Wait.ForUnixContainer().UntilContainerIsHealthy(waitStrategyModifier: strategy => strategy.WithTimeout(timeout)));
        }

        return builder;
    }
}

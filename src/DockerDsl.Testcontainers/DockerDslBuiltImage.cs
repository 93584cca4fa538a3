using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using DotNet.Testcontainers.Images;

using DockerDsl;

namespace DockerDsl.Testcontainers;

/// <summary>
/// A built (or reused) image: <see cref="Image"/> for a <c>ContainerBuilder</c>, and what the declaration says about
/// the stage it was built to. <see cref="ContainerBuilderExtensions.WithDockerDslImage"/> applies all of it.
/// </summary>
public sealed class DockerDslBuiltImage
{
    private readonly DockerCli docker;

    internal DockerDslBuiltImage(string tag, DeclaredStage stage, bool reused, DockerCli docker)
    {
        Tag = tag;
        Stage = stage;
        Reused = reused;
        this.docker = docker;
        Image = new DockerImage(tag);
    }

    /// <summary>The image for Testcontainers: <c>new ContainerBuilder(image.Image)</c>.</summary>
    public IImage Image { get; }

    /// <summary><c>repository:content-hash</c>.</summary>
    public string Tag { get; }

    /// <summary>The stage the image was built to, with its ports and health check.</summary>
    public DeclaredStage Stage { get; }

    /// <summary>The declared TCP ports (<c>[Expose]</c>).</summary>
    public IReadOnlyList<int> Ports => Stage.Ports;

    /// <summary>True when the image declares a HEALTHCHECK.</summary>
    public bool HasHealthCheck => Stage.HealthCheck;

    /// <summary>True when an image with the same content tag existed and no build ran.</summary>
    public bool Reused { get; }

    /// <summary>BuildKit's output, when this call built the image.</summary>
    public string? BuildOutput { get; internal set; }

    /// <summary>Removes the image's tag (<c>docker image rm</c>); the layers go when no other tag uses them.</summary>
    public async Task RemoveAsync(CancellationToken cancellationToken = default)
    {
        var (exitCode, output) = await docker.RunAsync(["image", "rm", "--force", Tag], null, TimeSpan.FromMinutes(2), cancellationToken);
        if (exitCode != 0 && !output.Contains("No such image", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"docker image rm {Tag} failed: {output.Trim()}");
        }
    }

    /// <inheritdoc />
    public override string ToString() => Tag;
}

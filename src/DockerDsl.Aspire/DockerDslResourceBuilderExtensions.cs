using System;
using System.IO;
using System.Linq;
using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting;

/// <summary>Marks a resource added by <c>AddDockerDslImage</c> with its declaration.</summary>
/// <param name="Declaration">What the generator recorded about the image.</param>
/// <param name="Stage">The stage the resource builds.</param>
public sealed record DockerDslImageAnnotation(DockerDsl.ImageDeclaration Declaration, DockerDsl.DeclaredStage Stage) : IResourceAnnotation;

/// <summary>Adds DockerDsl-declared images to an Aspire app model.</summary>
public static class DockerDslResourceBuilderExtensions
{
    /// <summary>
    /// Adds the image declared by <typeparamref name="TDockerfile"/> as a Dockerfile resource: the declared build
    /// context, the Dockerfile the build wrote, and <paramref name="stage"/> (a <c>Stages</c> constant; default the
    /// final stage). Each TCP port the stage exposes becomes an endpoint: <c>http</c> when the stage's HEALTHCHECK
    /// requests a local HTTP URL on it, which then also becomes an HTTP health check; <c>tcp-PORT</c> otherwise.
    /// </summary>
    /// <param name="builder">The app builder.</param>
    /// <param name="name">The resource name.</param>
    /// <param name="stage">The stage to build, or null for the final stage.</param>
    /// <param name="projectDirectory">The declaring project's folder; by default found as <see cref="DockerDsl.ProjectFolder"/> says.</param>
    public static IResourceBuilder<ContainerResource> AddDockerDslImage<TDockerfile>(this IDistributedApplicationBuilder builder, string name, string? stage = null, string? projectDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var declaration = DockerDsl.ImageDeclaration.Of(typeof(TDockerfile));
        var declared = declaration.Stage(stage);
        var project = projectDirectory is null ? DockerDsl.ProjectFolder.Of(typeof(TDockerfile).Assembly) : Path.GetFullPath(projectDirectory);
        var context = Path.GetFullPath(Path.Combine(project, declaration.Context));
        var dockerfile = BuiltInFrontend(builder) ? WriteForBuiltInFrontend(declaration) : Path.GetFullPath(Path.Combine(project, declaration.DockerfilePath));
        // AddDockerfile takes the Dockerfile relative to the context.
        var resource = builder.AddDockerfile(name, context, Path.GetRelativePath(context, dockerfile).Replace('\\', '/'), declared.Name)
            .WithAnnotation(new DockerDslImageAnnotation(declaration, declared));

        var http = HttpHealthCheck(declared);
        foreach (var port in declared.Ports)
        {
            if (http is { } check && check.Port == port)
            {
                resource = resource.WithHttpEndpoint(targetPort: port, name: "http");
            }
            else
            {
                resource = resource.WithEndpoint(targetPort: port, scheme: "tcp", name: "tcp-" + port.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        if (http is { } health && declared.Ports.Contains(health.Port))
        {
            resource = resource.WithHttpHealthCheck(health.Path, endpointName: "http");
        }

        return resource;
    }

    /// <summary>
    /// Adds the image declared by <typeparamref name="TDockerfile"/> as <see cref="AddDockerDslImage{TDockerfile}(IDistributedApplicationBuilder, string, string?, string?)"/>
    /// does, with its build arguments: the generated <c>TDockerfile.BuildArguments</c> record, whose arguments with no
    /// default are required members, so leaving one out does not compile.
    /// </summary>
    /// <param name="builder">The app builder.</param>
    /// <param name="name">The resource name.</param>
    /// <param name="arguments">The build arguments: <c>new PlumberApi.BuildArguments { Revision = "abc123" }</c>.</param>
    /// <param name="stage">The stage to build, or null for the final stage.</param>
    /// <param name="projectDirectory">The declaring project's folder; by default found as <see cref="DockerDsl.ProjectFolder"/> says.</param>
    public static IResourceBuilder<ContainerResource> AddDockerDslImage<TDockerfile>(this IDistributedApplicationBuilder builder, string name, DockerDsl.IBuildArguments<TDockerfile> arguments, string? stage = null, string? projectDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var resource = builder.AddDockerDslImage<TDockerfile>(name, stage, projectDirectory);
        foreach (var (key, value) in arguments.Values)
        {
            resource = resource.WithBuildArg(key, value);
        }

        return resource;
    }

    /// <summary>Sets the <c>[BuildArg]</c> class <typeparamref name="TBuildArg"/>, which the image's Dockerfile must declare with <c>[Arg]</c>.</summary>
    public static IResourceBuilder<ContainerResource> WithBuildArgument<TBuildArg>(this IResourceBuilder<ContainerResource> builder, object value)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var image = builder.Resource.Annotations.OfType<DockerDslImageAnnotation>().LastOrDefault()
            ?? throw new InvalidOperationException($"{builder.Resource.Name} was not added with AddDockerDslImage.");
        if (!image.Declaration.BuildArguments.TryGetValue(typeof(TBuildArg), out var name))
        {
            throw new ArgumentException(
                $"{image.Declaration.Type.FullName} declares no [Arg(typeof({typeof(TBuildArg).Name}))]; its build arguments are " +
                (image.Declaration.BuildArguments.Count == 0 ? "none" : string.Join(", ", image.Declaration.BuildArguments.Keys.Select(k => k.Name))) + ".",
                nameof(TBuildArg));
        }

        return builder.WithBuildArg(name, value);
    }

    /// <summary>The configuration key that makes Dockerfile resources build with the engine's built-in Dockerfile frontend.</summary>
    public const string BuiltInFrontendKey = "DockerDsl:BuiltInFrontend";

    private static bool BuiltInFrontend(IDistributedApplicationBuilder builder) =>
        string.Equals(builder.Configuration[BuiltInFrontendKey], "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Writes the compiled Dockerfile without its <c># syntax=</c> line, and its <c>.dockerignore</c> beside it (where
    /// BuildKit's client looks for <c>&lt;Dockerfile&gt;.dockerignore</c>), to a folder named by a hash of both, so
    /// app hosts running at once never write the same file with different content. Returns the Dockerfile's path.
    /// </summary>
    private static string WriteForBuiltInFrontend(DockerDsl.ImageDeclaration declaration)
    {
        var text = declaration.DockerfileTextForBuiltInFrontend();
        var ignore = declaration.DockerignoreText;
        var hash = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text + "\0" + (ignore ?? string.Empty))))[..20].ToLowerInvariant();
        var folder = Path.Combine(Path.GetTempPath(), "dockerdsl-aspire", hash);
        var path = Path.Combine(folder, "Dockerfile");
        Directory.CreateDirectory(folder);
        WriteOnce(path, text);
        if (ignore is not null)
        {
            WriteOnce(path + ".dockerignore", ignore);
        }

        return path;
    }

    /// <summary>Writes a file whole: to a temporary name, then renamed over the target.</summary>
    private static void WriteOnce(string path, string text)
    {
        if (File.Exists(path) && File.ReadAllText(path) == text)
        {
            return;
        }

        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        File.WriteAllText(temporary, text);
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>The port and path of the stage's HTTP health check, when it requests a local URL.</summary>
    private static (int Port, string Path)? HttpHealthCheck(DockerDsl.DeclaredStage stage)
    {
        if (stage.HealthCheckUrl is null || !Uri.TryCreate(stage.HealthCheckUrl, UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttp)
        {
            return null;
        }

        return (url.Port, url.PathAndQuery);
    }
}

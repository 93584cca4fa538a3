using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;

namespace DockerDsl;

/// <summary>One stage of a declared image, as the generator recorded it (<see cref="GeneratedStageAttribute"/>).</summary>
/// <param name="Name">The stage name, for <c>--target</c>.</param>
/// <param name="Ports">TCP ports its image exposes, inherited ones included.</param>
/// <param name="HealthCheck">True when its image has a HEALTHCHECK.</param>
/// <param name="HealthCheckUrl">The local HTTP URL the HEALTHCHECK requests, or null when it requests none.</param>
public sealed record DeclaredStage(string Name, IReadOnlyList<int> Ports, bool HealthCheck, string? HealthCheckUrl = null);

/// <summary>
/// What the DockerDsl generator compiled into a <c>[Dockerfile]</c> class and its assembly: the Dockerfile text and
/// its .dockerignore (<see cref="GeneratedFileAttribute"/>), the context, stages and build arguments. Read by reflection,
/// so it works for any assembly built with DockerDsl, whatever folder it was built in.
/// </summary>
public sealed class ImageDeclaration
{
    private ImageDeclaration(Type type, string dockerfilePath, string dockerfileText, string? dockerignoreText, string context, IReadOnlyList<DeclaredStage> stages, IReadOnlyDictionary<Type, string> buildArguments)
    {
        Type = type;
        DockerfilePath = dockerfilePath;
        DockerfileText = dockerfileText;
        DockerignoreText = dockerignoreText;
        Context = context;
        Stages = stages;
        BuildArguments = buildArguments;
    }

    /// <summary>The <c>[Dockerfile]</c> class.</summary>
    public Type Type { get; }

    /// <summary>Where the build writes the Dockerfile, relative to the project folder.</summary>
    public string DockerfilePath { get; }

    /// <summary>The generated Dockerfile, as compiled.</summary>
    public string DockerfileText { get; }

    /// <summary>The generated <c>&lt;Dockerfile&gt;.dockerignore</c>, or null.</summary>
    public string? DockerignoreText { get; }

    /// <summary>The build context, relative to the project folder.</summary>
    public string Context { get; }

    /// <summary>Every stage in Dockerfile order; the last is the final stage.</summary>
    public IReadOnlyList<DeclaredStage> Stages { get; }

    /// <summary>The ARG name of each <c>[BuildArg]</c> class the Dockerfile declares.</summary>
    public IReadOnlyDictionary<Type, string> BuildArguments { get; }

    /// <summary>Reads the declaration of <paramref name="type"/>; throws with the fix when it has none.</summary>
    public static ImageDeclaration Of(Type type)
    {
        var image = type.GetCustomAttribute<GeneratedImageAttribute>()
            ?? throw new InvalidOperationException(
                $"{type.FullName} has no generated image information. Mark it [Dockerfile] and build it with DockerDsl; " +
                "a declaration with errors (see the build's DDSL warnings and errors) gets none.");
        var path = type.GetField("DockerfilePath", BindingFlags.Public | BindingFlags.Static)?.GetRawConstantValue() as string
            ?? throw new InvalidOperationException($"{type.FullName} has no DockerfilePath constant: build it with the same DockerDsl version.");
        var files = type.Assembly.GetCustomAttributes<GeneratedFileAttribute>().ToList();
        var dockerfile = files.FirstOrDefault(f => f.Path == path)?.Text
            ?? throw new InvalidOperationException($"{type.Assembly.GetName().Name} holds no generated Dockerfile at '{path}' for {type.FullName}.");
        var dockerignore = files.FirstOrDefault(f => f.Path == path + ".dockerignore")?.Text;
        var stages = type.GetCustomAttributes<GeneratedStageAttribute>()
            .Select(s => new DeclaredStage(s.Name, s.Ports, s.HealthCheck, s.HealthCheckUrl))
            .ToList();
        if (stages.Count == 0)
        {
            throw new InvalidOperationException($"{type.FullName} declares no stage.");
        }

        var arguments = type.GetCustomAttributes<GeneratedBuildArgumentAttribute>().ToDictionary(a => a.Argument, a => a.Name);
        return new ImageDeclaration(type, image.DockerfilePath, dockerfile, dockerignore, image.Context, stages, arguments);
    }

    /// <summary>
    /// The Dockerfile text without its leading <c># syntax=</c> directive, for builders that cannot pull the frontend
    /// image it names: BuildKit then parses the file with the Dockerfile frontend built into the engine. BuildKit reads a
    /// parser directive only in the comment lines at the top of the file (docs.docker.com/reference/dockerfile/#parser-directives).
    /// </summary>
    public string DockerfileTextForBuiltInFrontend() => SyntaxDirective.Replace(DockerfileText, string.Empty);

    private static readonly System.Text.RegularExpressions.Regex SyntaxDirective =
        new(@"\A(#[ \t]*syntax[ \t]*=[^\n]*\n)", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    /// <summary>The stage named <paramref name="name"/> (BuildKit compares stage names without case), or null for the final stage.</summary>
    public DeclaredStage Stage(string? name)
    {
        if (name is null)
        {
            return Stages[Stages.Count - 1];
        }

        return Stages.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"{Type.FullName} has no stage '{name}'; its stages are {string.Join(", ", Stages.Select(s => s.Name))}. Use the constants of {Type.Name}.Stages.", nameof(name));
    }
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

using DockerDsl;

namespace DockerDsl.Testcontainers;

/// <summary>
/// Builds a declared image with BuildKit (<c>docker buildx build --load</c>), so cache mounts, heredocs and
/// <c>COPY --link</c> work, which Testcontainers' own Dockerfile builder (the engine API without BuildKit) does not
/// support. The image is tagged with a hash of everything it is built from, and a later build of the same inputs
/// reuses it without running BuildKit.
/// </summary>
public sealed class DockerDslImageBuilder
{
    private readonly ImageDeclaration declaration;
    private readonly SortedDictionary<string, string> buildArguments = new(StringComparer.Ordinal);
    private string? target;
    private string? projectDirectory;
    private string dockerCommand = "docker";
    private string? repository;
    private bool builtInFrontend;
    private TimeSpan timeout = TimeSpan.FromMinutes(30);

    internal DockerDslImageBuilder(ImageDeclaration declaration) => this.declaration = declaration;

    /// <summary>What the generator recorded about the image.</summary>
    public ImageDeclaration Declaration => declaration;

    /// <summary>Builds up to <paramref name="stage"/> (<c>--target</c>): use the generated <c>Stages</c> constants.</summary>
    public DockerDslImageBuilder WithTarget(string stage)
    {
        target = declaration.Stage(stage).Name;
        return this;
    }

    /// <summary>Sets the <c>[BuildArg]</c> class <typeparamref name="TBuildArg"/>, which the Dockerfile must declare with <c>[Arg]</c>.</summary>
    public DockerDslImageBuilder WithBuildArgument<TBuildArg>(string value)
    {
        if (!declaration.BuildArguments.TryGetValue(typeof(TBuildArg), out var name))
        {
            throw new ArgumentException(
                $"{declaration.Type.FullName} declares no [Arg(typeof({typeof(TBuildArg).Name}))]; its build arguments are " +
                (declaration.BuildArguments.Count == 0 ? "none" : string.Join(", ", declaration.BuildArguments.Keys.Select(k => k.Name))) + ".",
                nameof(TBuildArg));
        }

        buildArguments[name] = value ?? throw new ArgumentNullException(nameof(value));
        return this;
    }

    /// <summary>
    /// Sets the build arguments of the generated <c>BuildArguments</c> record of the Dockerfile class, whose arguments
    /// with no default are required members, so leaving one out does not compile. Refuses the record of another class.
    /// </summary>
    public DockerDslImageBuilder WithBuildArguments<TDockerfile>(IBuildArguments<TDockerfile> arguments)
    {
        if (arguments is null)
        {
            throw new ArgumentNullException(nameof(arguments));
        }

        if (typeof(TDockerfile) != declaration.Type)
        {
            throw new ArgumentException($"These are the build arguments of {typeof(TDockerfile).FullName}, not of {declaration.Type.FullName}.", nameof(arguments));
        }

        foreach (var (key, value) in arguments.Values)
        {
            buildArguments[key] = value;
        }

        return this;
    }

    /// <summary>Sets a build argument by its ARG name, for one the declaration writes as text.</summary>
    public DockerDslImageBuilder WithBuildArgument(string name, string value)
    {
        buildArguments[name ?? throw new ArgumentNullException(nameof(name))] = value ?? throw new ArgumentNullException(nameof(value));
        return this;
    }

    /// <summary>The folder of the declaring project; by default found as <see cref="ProjectFolder"/> says.</summary>
    public DockerDslImageBuilder WithProjectDirectory(string directory)
    {
        projectDirectory = Path.GetFullPath(directory);
        return this;
    }

    /// <summary>The docker CLI, a name on PATH or a path; default <c>docker</c>.</summary>
    public DockerDslImageBuilder WithDockerCommand(string command)
    {
        dockerCommand = command;
        return this;
    }

    /// <summary>The repository of the image's tag; default <c>dockerdsl/&lt;class name in kebab case&gt;</c>.</summary>
    public DockerDslImageBuilder WithRepository(string name)
    {
        repository = name;
        return this;
    }

    /// <summary>
    /// Builds with the engine's built-in Dockerfile frontend: leaves out the <c># syntax=</c> line, for builders that
    /// cannot pull the frontend image (no registry). Features newer than that frontend then fail.
    /// </summary>
    public DockerDslImageBuilder WithBuiltInFrontend()
    {
        builtInFrontend = true;
        return this;
    }

    /// <summary>How long the build may take; default 30 minutes.</summary>
    public DockerDslImageBuilder WithTimeout(TimeSpan value)
    {
        timeout = value;
        return this;
    }

    /// <summary>
    /// The image: reused when one with the same content tag exists, else built. Throws
    /// <see cref="DockerDslImageBuildException"/> with BuildKit's output when the build fails.
    /// </summary>
    public async Task<DockerDslBuiltImage> BuildAsync(CancellationToken cancellationToken = default)
    {
        var project = projectDirectory ?? ProjectFolder.Of(declaration.Type.Assembly);
        var context = Path.GetFullPath(Path.Combine(project, declaration.Context));
        if (!Directory.Exists(context))
        {
            throw new DirectoryNotFoundException($"The build context of {declaration.Type.FullName}, {context}, does not exist.");
        }

        var dockerfile = builtInFrontend ? declaration.DockerfileTextForBuiltInFrontend() : declaration.DockerfileText;
        var stage = declaration.Stage(target);
        var hash = ContentHash(dockerfile, context);
        var name = repository ?? "dockerdsl/" + KebabCase(declaration.Type.Name) + (target is null ? string.Empty : "-" + target.ToLowerInvariant());
        var tag = name + ":" + hash;
        var docker = new DockerCli(dockerCommand);

        if ((await docker.RunAsync(["image", "inspect", "--format", "{{.Id}}", tag], null, TimeSpan.FromMinutes(1), cancellationToken)).ExitCode == 0)
        {
            return new DockerDslBuiltImage(tag, stage, reused: true, docker);
        }

        // The compiled text is built, not the file on disk, which may be older; BuildKit reads <Dockerfile>.dockerignore next to it.
        var folder = Path.Combine(Path.GetTempPath(), "dockerdsl-testcontainers", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var dockerfilePath = Path.Combine(folder, "Dockerfile");
            await File.WriteAllTextAsync(dockerfilePath, dockerfile, cancellationToken);
            if (declaration.DockerignoreText is not null)
            {
                await File.WriteAllTextAsync(dockerfilePath + ".dockerignore", declaration.DockerignoreText, cancellationToken);
            }

            var arguments = new List<string> { "buildx", "build", "--load", "--progress=plain", "--file", dockerfilePath, "--tag", tag };
            if (target is not null)
            {
                arguments.AddRange(["--target", target]);
            }

            foreach (var (key, value) in buildArguments)
            {
                arguments.AddRange(["--build-arg", key + "=" + value]);
            }

            arguments.Add(context);
            var result = await docker.RunAsync(arguments, project, timeout, cancellationToken);
            if (result.ExitCode != 0)
            {
                throw new DockerDslImageBuildException(declaration.Type, target ?? stage.Name, result.ExitCode, result.Output);
            }

            return new DockerDslBuiltImage(tag, stage, reused: false, docker) { BuildOutput = result.Output };
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>SHA-256 over the Dockerfile, its .dockerignore, the target, the build arguments and every context file (path and bytes).</summary>
    private string ContentHash(string dockerfile, string context)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(string text)
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            sha.AppendData(BitConverter.GetBytes(bytes.Length));
            sha.AppendData(bytes);
        }

        Add(dockerfile);
        Add(declaration.DockerignoreText ?? string.Empty);
        Add(target ?? string.Empty);
        foreach (var (key, value) in buildArguments)
        {
            Add(key + "=" + value);
        }

        foreach (var file in DockerDsl.Build.Images.ContextFiles.Under(context))
        {
            Add(Path.GetRelativePath(context, file).Replace('\\', '/'));
            sha.AppendData(File.ReadAllBytes(file));
        }

        return Convert.ToHexString(sha.GetHashAndReset()).ToLowerInvariant()[..20];
    }

    private static string KebabCase(string name)
    {
        var text = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c) && i > 0 && (char.IsLower(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]))))
            {
                text.Append('-');
            }

            text.Append(char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-');
        }

        return text.ToString();
    }
}

using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.Linq;
using DockerDsl.Cli.Lock;
using DockerDsl.Cli.Registry;

namespace DockerDsl.Cli.Commands;

/// <summary><c>dockerdsl lock</c>: its options, checked and turned into <see cref="LockSettings"/>.</summary>
internal static class LockCommand
{
    /// <summary>Registries spoken to in plain HTTP, comma-separated, besides <c>--insecure-registry</c>.</summary>
    public const string InsecureRegistriesVariable = "DOCKERDSL_INSECURE_REGISTRIES";

    public static Command Create(CliContext context)
    {
        var project = new Option<string>("--project", "-p")
        {
            Description = "The project file, or a folder holding one. Its last dotnet build's Dockerfiles are locked. Default: the current folder.",
            HelpName = "PATH",
        };
        var assembly = new Option<string>("--assembly")
        {
            Description = "The project's compiled assembly to read the Dockerfiles from. Default: the newest under the project's obj folder.",
            HelpName = "FILE",
        };
        var files = new Option<string[]>("--file", "-f")
        {
            Description = "Lock this Dockerfile instead of a project's; the lock file goes beside the first one. Repeatable.",
            HelpName = "DOCKERFILE",
        };
        var lockFile = new Option<string>("--lock-file")
        {
            Description = "The lock file. Default: dockerdsl.lock.json beside the project (or the first --file).",
            HelpName = "FILE",
        };
        var platforms = new Option<string[]>("--platform")
        {
            Description = "A platform for Dockerfiles whose bake target declares none, such as linux/arm64. Repeatable. Default: this machine's, as docker build.",
            HelpName = "OS/ARCH[/VARIANT]",
        };
        var check = new Option<bool>("--check")
        {
            Description = "Change nothing; exit with 1 when a tag now names another digest than the lock's, or an image is not locked.",
        };
        var update = new Option<string[]>("--update")
        {
            Description = "Resolve the tags again: of the images named (a reference as the Dockerfile writes it, or a repository), or of every image.",
            HelpName = "IMAGE",
            Arity = ArgumentArity.ZeroOrMore,
            AllowMultipleArgumentsPerToken = false,
        };
        var insecure = new Option<string[]>("--insecure-registry")
        {
            Description = $"A registry (host[:port]) spoken to in plain HTTP; every other one over HTTPS with the system's trusted certificates. Repeatable; also {InsecureRegistriesVariable} (comma-separated).",
            HelpName = "HOST[:PORT]",
        };
        var timeout = new Option<string>("--timeout")
        {
            Description = "The longest one registry request may take, in seconds.",
            DefaultValueFactory = _ => "30",
            HelpName = "SECONDS",
        };

        var noInspectLayers = new Option<bool>("--no-inspect-layers")
        {
            Description = "Do not download the images' layers to record what their file systems say about their family (os-release, the tools that make users and install packages); the build then infers a family from image names only.",
        };

        var command = new Command("lock", $"Pins every external image the project's Dockerfiles pull to its digest, per platform, with its image config and the family its layers tell, in {Core.Lock.LockFile.FileName}. Credentials come from the Docker config (docker login). Exit codes: 0 done (or, with --check, up to date), 1 --check found a change, 2 usage error, unreadable input or a registry failure.")
        {
            project, assembly, files, lockFile, platforms, check, update, insecure, timeout, noInspectLayers,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var problems = new List<string>();
            var isUpdate = parseResult.GetResult(update) is not null;
            var isCheck = parseResult.GetValue(check);
            if (isUpdate && isCheck)
            {
                problems.Add("--check and --update cannot be used together.");
            }

            var fileList = parseResult.GetValue(files) ?? Array.Empty<string>();
            if (fileList.Length > 0 && (parseResult.GetResult(project) is not null || parseResult.GetResult(assembly) is not null))
            {
                problems.Add("--file locks Dockerfiles on disk; it cannot be used with --project or --assembly.");
            }

            if (fileList.Any(f => f.Length == 0) || parseResult.GetValue(lockFile) is { Length: 0 })
            {
                problems.Add("A path is empty.");
            }

            var platformList = parseResult.GetValue(platforms) ?? Array.Empty<string>();
            foreach (var platform in platformList)
            {
                if (Core.Lock.LockPlatform.Normalize(platform) is null)
                {
                    problems.Add($"--platform '{platform}' is not a platform written as os/architecture[/variant].");
                }
            }

            var seconds = parseResult.GetValue(timeout)!;
            if (!double.TryParse(seconds, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var timeoutSeconds) || timeoutSeconds <= 0 || timeoutSeconds > 3600)
            {
                problems.Add($"--timeout '{seconds}' is not a number of seconds between 0 and 3600.");
            }

            if (problems.Count > 0)
            {
                return Usage.Error(context, command, problems);
            }

            var insecureRegistries = (parseResult.GetValue(insecure) ?? Array.Empty<string>())
                .Concat(context.Environment.TryGetValue(InsecureRegistriesVariable, out var listed) ? listed.Split(',') : Array.Empty<string>())
                .Select(r => r.Trim())
                .Where(r => r.Length > 0)
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .ToList();
            var settings = new LockSettings(
                parseResult.GetValue(project),
                parseResult.GetValue(assembly),
                fileList,
                parseResult.GetValue(lockFile),
                platformList,
                isCheck ? LockMode.Check : isUpdate ? LockMode.Update : LockMode.Lock,
                parseResult.GetValue(update) ?? Array.Empty<string>(),
                new RegistrySettings(insecureRegistries, TimeSpan.FromSeconds(timeoutSeconds), context.Environment),
                !parseResult.GetValue(noInspectLayers));
            return await new LockRun(context, settings).ExecuteAsync(cancellationToken).ConfigureAwait(false);
        });
        return command;
    }
}

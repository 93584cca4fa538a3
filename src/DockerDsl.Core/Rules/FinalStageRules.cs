using System;
using System.Collections.Generic;
using System.Linq;
using DockerDsl.Core.Lock;
using DockerDsl.Core.Model;

namespace DockerDsl.Core.Rules;

/// <summary>
/// Rules on what the image runs with: the final stage, including what it inherits through stages
/// it is built FROM (USER and HEALTHCHECK carry over into an image built FROM another).
/// </summary>
public static class FinalStageRules
{

    /// <summary>
    /// DDSL001: the image's user is root, or may be: found at the USER that makes it root, or whose variables
    /// cannot be resolved (a value the base image or --build-arg supplies), or at the final stage when no stage of
    /// its chain sets a user. <paramref name="words"/> are the expanded words (Dockerfile text, with the build's
    /// arguments); without them the model's own are expanded. Arguments: stage name, the user and what it is.
    /// </summary>
    /// <param name="lockFile">The lock file: a base image it holds runs as the user its image config says.</param>
    public static IEnumerable<Finding> RootUser(DockerfileModel model, ExpandedWords? words = null, LockFile? lockFile = null)
    {
        if (model.FinalStage is not { } final)
        {
            yield break;
        }

        var user = ImageUser.Of(model, final, words ?? ExpandedWords.Of(model));
        if (user is null)
        {
            if (!(LockedBase(model, final, lockFile) is { } locked ? locked.All(c => !string.IsNullOrEmpty(c.User) && !UserRules.IsRoot(c.User!)) : BaseRunsAsNonRoot(model, final)))
            {
                yield return new Finding(final.Source, new[] { final.Label, "root (no USER is set)" }, final.TypeMetadataName);
            }
        }
        else if (user.Value is null)
        {
            yield return new Finding(user.Instruction.Source, new[] { final.Label, $"'{user.Written}', which may be root: DockerDsl cannot tell, since {user.Unresolved}" }, final.TypeMetadataName);
        }
        else if (UserRules.IsRoot(user.Value))
        {
            var text = !user.IsVariable ? user.Written
                : UserRules.UserPart(user.Value).Length == 0 ? $"'{user.Written}', which is empty: root"
                : $"'{user.Written}', which is {user.Value}";
            yield return new Finding(user.Instruction.Source, new[] { final.Label, text }, final.TypeMetadataName);
        }
    }

    /// <summary>
    /// The image configs, one per locked platform, of the image the stage chain of <paramref name="final"/> starts
    /// from, when the lock holds it (its reference read with the global defaults, as the lock keys it); else null.
    /// </summary>
    private static IReadOnlyList<ImageConfig>? LockedBase(DockerfileModel model, StageModel final, LockFile? lockFile)
    {
        if (lockFile is null
            || StageChain.Of(model, final)[0].Base is not { Stage: null, Image: { } image }
            || GlobalArguments.Of(model).Expand(WordRoles.Source, image) is not { IsDecided: true, Result: { } expanded }
            || lockFile.FindWritten(expanded) is not { Platforms.IsEmpty: false } locked)
        {
            return null;
        }

        return locked.Platforms.Select(p => p.Config).ToList();
    }

    /// <summary>
    /// Whether the image the stage chain of <paramref name="final"/> starts from is published to run as a
    /// non-root user, as its reference shows: a tag with the word <c>nonroot</c> (distroless images) or
    /// one of .NET's <c>chiseled</c> and <c>distroless</c> images. Build arguments in the reference are
    /// read with their global defaults, as a build without <c>--build-arg</c> reads them.
    /// </summary>
    private static bool BaseRunsAsNonRoot(DockerfileModel model, StageModel final)
    {
        if (StageChain.Of(model, final)[0].Base.Image is not { } image
            || GlobalArguments.Of(model).Expand(WordRoles.Value, image) is not { IsDecided: true, Result: { } expanded })
        {
            return false;
        }

        var reference = ImageReference.Parse(expanded);
        var tagWords = (reference.Tag ?? string.Empty).Split('-');
        return tagWords.Contains("nonroot", StringComparer.Ordinal)
            || (reference.Name.StartsWith("mcr.microsoft.com/dotnet/", StringComparison.Ordinal) && tagWords.Any(w => w is "chiseled" or "distroless"));
    }

    // Commands that install no SIGTERM handler, so that as PID 1 they ignore docker stop (pid_namespaces(7)), by
    // the name they are run with: kept small, each one known (R measured at 10.2 s to stop, then SIGKILL).
    private static readonly HashSet<string> IgnoreSigterm = new(StringComparer.Ordinal)
    {
        "R", "Rscript", "node", "nodejs", "sleep", "tail", "sh", "bash", "dash", "ash",
    };

    /// <summary>
    /// DDSL042: the image's PID 1, the first word of its exec-form ENTRYPOINT or (without one) CMD along the stage
    /// chain, is a command known to ignore SIGTERM as PID 1 (<see cref="IgnoreSigterm"/> and <c>python</c> in any
    /// version), and no STOPSIGNAL is set. An init such as tini as the first word is not reported, nor are shell-form
    /// commands (DDSL005 reports those). Found at the instruction that names the command. Arguments: stage, command.
    /// </summary>
    public static IEnumerable<Finding> IgnoresStopSignal(DockerfileModel model)
    {
        if (model.FinalStage is not { } final || StageChain.Last(model, final, "STOPSIGNAL") is not null)
        {
            yield break;
        }

        // ENTRYPOINT, when it has words, runs first; an empty ENTRYPOINT [] leaves CMD to run.
        var entrypoint = StageChain.Last(model, final, "ENTRYPOINT") as CommandInstruction;
        var command = entrypoint is { Command.Count: > 0 } ? entrypoint : StageChain.Last(model, final, "CMD") as CommandInstruction;
        if (command is not { Exec: true, Command.Count: > 0 })
        {
            yield break;
        }

        var executable = command.Command[0];
        var name = executable.Substring(executable.LastIndexOf('/') + 1);
        if ((IgnoreSigterm.Contains(name) && !TrapsSigterm(command)) || IsPython(name))
        {
            yield return new Finding(command.Source, new[] { final.Label, executable }, final.TypeMetadataName);
        }
    }

    // A shell given a script with 'trap ... TERM' installs the handler the kernel then delivers SIGTERM to.
    private static readonly System.Text.RegularExpressions.Regex TrapTerm = new(
        @"(^|[;&|\s])trap\s[^;&|]*\s(SIG)?TERM(\s|$|[;&|])", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    /// <summary>Whether a shell runs a <c>-c</c> script that traps SIGTERM (<c>sh -c "trap 'exit 0' TERM; app &amp; wait"</c>).</summary>
    private static bool TrapsSigterm(CommandInstruction command) =>
        command.Command.Count >= 3 && command.Command[1] == "-c" && TrapTerm.IsMatch(command.Command[2]);

    /// <summary>
    /// DDSL043: a WORKDIR the image's build creates while a known non-root user is current: BuildKit makes the
    /// folder as that user (dockerfile2llb dispatchWorkdir, Mkdir WithUser). A folder an earlier WORKDIR of the chain
    /// made already exists and keeps its owner; a user given by a variable is not decided. Found at the WORKDIR.
    /// Arguments: the path, the user.
    /// </summary>
    public static IEnumerable<Finding> WorkDirOwnedByUser(DockerfileModel model)
    {
        if (model.FinalStage is not { } final)
        {
            yield break;
        }

        string? user = null;
        string? workingDir = null;
        var made = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (_, instruction) in StageChain.Instructions(model, final))
        {
            if (UserRules.UserOf(instruction) is { } text)
            {
                user = text;
            }
            else if (instruction is WorkDirInstruction workDir)
            {
                var path = workDir.Path.StartsWith("/", StringComparison.Ordinal) ? workDir.Path
                    : (workingDir ?? "/").TrimEnd('/') + "/" + workDir.Path;
                workingDir = path;
                if (user is not null && user.IndexOf('$') < 0 && !UserRules.IsRoot(user) && path.IndexOf('$') < 0 && path.TrimEnd('/').Length > 0
                    && !made.Contains(path.TrimEnd('/')))
                {
                    yield return new Finding(workDir.Source, new[] { workDir.Path, user }, final.TypeMetadataName);
                }

                made.Add(path.TrimEnd('/'));
            }
        }
    }

    // python, python3, python3.12: CPython handles SIGINT (KeyboardInterrupt) but not SIGTERM.
    private static bool IsPython(string name) =>
        name.StartsWith("python", StringComparison.Ordinal) && name.Substring("python".Length).All(c => c is '.' or (>= '0' and <= '9'));

    /// <summary>
    /// DDSL002: the image declares no HEALTHCHECK, not even NONE, and its base image has none (an image
    /// inherits its base's health check). Found at the final stage. Arguments: stage name.
    /// </summary>
    /// <param name="lockFile">The lock file: a base image it holds has the health check its image config says.</param>
    public static IEnumerable<Finding> MissingHealthCheck(DockerfileModel model, LockFile? lockFile = null)
    {
        if (model.FinalStage is { } final && StageChain.Last(model, final, "HEALTHCHECK") is null
            && !(LockedBase(model, final, lockFile) is { } locked && locked.All(c => c.Healthcheck is not null)))
        {
            yield return new Finding(final.Source, new[] { final.Label }, final.TypeMetadataName);
        }
    }

    /// <summary>
    /// DDSL010: the image's user is a name, which runtimes cannot check is not root, or may be one (its variables
    /// cannot be resolved). Found at that USER; when no stage of the chain sets a user, the image runs as its base
    /// image's, which the lock file knows: a locked base whose config's <c>User</c> is a name (on any locked
    /// platform) is found at the final stage. Arguments: the user and what it is.
    /// </summary>
    /// <param name="lockFile">The lock file: a base image it holds runs as the user its image config says.</param>
    public static IEnumerable<Finding> UserByName(DockerfileModel model, ExpandedWords? words = null, LockFile? lockFile = null)
    {
        if (model.FinalStage is not { } final)
        {
            yield break;
        }

        if (ImageUser.Of(model, final, words ?? ExpandedWords.Of(model)) is not { } user)
        {
            // As BuildKit starts a stage: the base image's config User is the stage's user (dockerfile2llb, dispatchUser
            // with the image config's User), so a name there is the image's user.
            if (LockedBase(model, final, lockFile) is { } locked
                && locked.Select(c => c.User).FirstOrDefault(u => !string.IsNullOrEmpty(u) && !UserRules.IsRoot(u!) && !UserRules.IsNumeric(u!)) is { } named)
            {
                yield return new Finding(final.Source, new[] { $"'{named}', the user of its base image as dockerdsl.lock.json records it, is a name" }, final.TypeMetadataName);
            }

            yield break;
        }

        if (user.Value is null)
        {
            yield return Finding.At(user.Instruction.Source, $"'{user.Written}' may be a name: DockerDsl cannot tell, since {user.Unresolved}");
        }
        else if (!UserRules.IsRoot(user.Value) && !UserRules.IsNumeric(user.Value))
        {
            yield return Finding.At(user.Instruction.Source, user.IsVariable ? $"'{user.Written}' is the name '{UserRules.UserPart(user.Value)}'" : $"'{user.Written}' is a name");
        }
    }
}

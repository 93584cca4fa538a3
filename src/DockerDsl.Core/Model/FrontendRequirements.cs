using System;
using System.Collections.Generic;
using System.Linq;
using DockerDsl.Core.Rules;
using DockerDsl.Core.Text.Shell;

namespace DockerDsl.Core.Model;

/// <summary>
/// A Dockerfile feature and the frontend it first appeared in: stable since <c>docker/dockerfile:Major.Minor</c>,
/// or only in the labs channel when <see cref="Labs"/>.
/// </summary>
/// <param name="Labs">True when the feature is only in the labs channel (<c>docker/dockerfile:1-labs</c>).</param>
/// <param name="LabsSince">For a feature that was in the labs channel before it was stable, the labs version that first had it.</param>
public sealed record FrontendRequirement(string Feature, int Major, int Minor, bool Labs, SourceRef Source, (int Major, int Minor)? LabsSince = null)
{
    public string Version => $"{Major}.{Minor}{(Labs ? "-labs" : string.Empty)}";

    public bool IsNewerThan(FrontendRequirement other) =>
        Labs != other.Labs ? Labs : (Major, Minor).CompareTo((other.Major, other.Minor)) > 0;
}

/// <summary>
/// Which Dockerfile frontend a model needs, feature by feature. Every flag and form the model holds beyond the
/// original Dockerfile syntax has an entry, with the version from BuildKit's Dockerfile release notes
/// (docs.docker.com/build/dockerfile/release-notes and the moby/buildkit dockerfile/* releases).
/// </summary>
public static class FrontendRequirements
{
    /// <summary>The build argument BuildKit reads as the build's epoch (reproducible-builds.org's SOURCE_DATE_EPOCH).</summary>
    public const string SourceDateEpochArg = "SOURCE_DATE_EPOCH";

    /// <summary>Every feature of <paramref name="model"/> that needs more than the original Dockerfile syntax.</summary>
    public static IEnumerable<FrontendRequirement> All(DockerfileModel model)
    {
        // dockerfile/1.8.0: build checks and the # check= directive.
        if (model.Check is not null)
        {
            yield return new("# check= directive", 1, 8, false, model.Source);
        }

        foreach (var arg in model.GlobalArgs)
        {
            foreach (var requirement in Of(arg))
            {
                yield return requirement;
            }

            // dockerfile/1.23.0 (BuildKit v0.29.0): a global ARG SOURCE_DATE_EPOCH=<default> is the build's epoch when the
            // caller gives none (moby/buildkit#6601). Older frontends take it as a plain variable: the image's
            // timestamps stay the time of the build. A stage's ARG, and an ARG without a default, never were more.
            foreach (var definition in arg.Args)
            {
                if (definition.Default is not null && definition.Name == SourceDateEpochArg)
                {
                    yield return new("SOURCE_DATE_EPOCH as a global ARG default", 1, 23, false, arg.Source);

                    // dockerfile/1.24.0: SOURCE_DATE_EPOCH=context and SOURCE_DATE_EPOCH=<stage> (moby/buildkit#6602).
                    if (SourceDateEpochRules.IsSpecialValue(model, SourceDateEpochRules.Value(definition.Default, model.Escape)))
                    {
                        yield return new("SOURCE_DATE_EPOCH=context or =<stage>", 1, 24, false, arg.Source);
                    }
                }
            }
        }

        foreach (var stage in model.Stages)
        {
            foreach (var instruction in stage.Instructions)
            {
                foreach (var requirement in Of(instruction))
                {
                    yield return requirement;
                }
            }
        }
    }

    /// <summary>The newest frontend any feature of <paramref name="model"/> needs; null when the built-in syntax suffices.</summary>
    public static FrontendRequirement? Minimum(DockerfileModel model)
    {
        FrontendRequirement? newest = null;
        foreach (var requirement in All(model))
        {
            if (newest is null || requirement.IsNewerThan(newest))
            {
                newest = requirement;
            }
        }

        return newest;
    }

    public static IEnumerable<FrontendRequirement> Of(Instruction instruction) => instruction switch
    {
        RunInstruction run => OfRun(run),
        CopyInstruction copy => OfCopy(copy),
        ArgInstruction { Args.Count: > 1 } arg =>
            // dockerfile/1.2.0: ARG defines several build arguments on one line (moby/buildkit#1692).
            new[] { new FrontendRequirement("ARG with several arguments", 1, 2, false, arg.Source) },
        HealthCheckInstruction { StartInterval: not null } health =>
            // dockerfile/1.6.0: HEALTHCHECK --start-interval (moby/buildkit#3998).
            new[] { new FrontendRequirement("HEALTHCHECK --start-interval", 1, 6, false, health.Source.WithArgument("StartInterval")) },
        _ => Array.Empty<FrontendRequirement>(),
    };

    private static IEnumerable<FrontendRequirement> OfRun(RunInstruction run)
    {
        var source = run.Source;
        foreach (var mount in run.Mounts)
        {
            // dockerfile/1.2.0: RUN --mount of every type moved to the stable channel (moby/buildkit#1717).
            yield return new($"RUN --mount=type={mount.Type}", 1, 2, false, mount.Source);

            // Dockerfile reference, RUN --mount=type=secret: env= needs 1.10.
            if (mount.Type == "secret" && mount.Has("env"))
            {
                yield return new("RUN --mount=type=secret,env=", 1, 10, false, mount.Source);
            }

            // dockerfile/1.3.0: mount values expand build variables, except from (moby/buildkit#2089).
            if (mount.Options.Any(o => o.Key != "from" && VariableReferences.Any(o.Value)))
            {
                yield return new("RUN --mount with build variables", 1, 3, false, mount.Source);
            }
        }

        // dockerfile/1.3.0: RUN --network moved from labs to the stable channel.
        if (run.Network is not null)
        {
            yield return new("RUN --network", 1, 3, false, source.WithArgument("Network"));
        }

        // dockerfile/1.20.0: RUN --security is generally available (moby/buildkit#6312); labs had it since 1.1.
        if (run.Security is not null)
        {
            yield return new("RUN --security", 1, 20, false, source.WithArgument("Security"), (1, 1));
        }

        // dockerfile/1.4.0: heredocs moved to the stable channel; labs had them since 1.3.
        if (run.Form == RunForm.Heredoc)
        {
            yield return new("RUN heredoc", 1, 4, false, source, (1, 3));
        }

        // Dockerfile reference, RUN --device: not in the stable syntax; 1.14-labs.
        if (!run.Devices.IsEmpty)
        {
            yield return new("RUN --device", 1, 14, true, source.WithArgument("Devices"));
        }
    }

    private static IEnumerable<FrontendRequirement> OfCopy(CopyInstruction copy)
    {
        var source = copy.Source;
        var keyword = copy.Kind == CopyKind.Add ? "ADD" : "COPY";
        if (copy.HeredocContent is not null)
        {
            yield return new($"{keyword} heredoc", 1, 4, false, source, (1, 3));
        }

        if (copy.Chmod is { } chmod)
        {
            // --chmod arrived in 1.2 (moby/buildkit#1492); modes other than octal in dockerfile/1.14.0 (moby/buildkit#5734).
            yield return new($"{keyword} --chmod", 1, 2, false, source.WithArgument("Chmod"));
            if (!IsOctalOrVariable(chmod))
            {
                yield return new($"{keyword} --chmod with a mode that is not octal", 1, 14, false, source.WithArgument("Chmod"));
            }
        }

        // dockerfile/1.4.0: COPY --link and ADD --link.
        if (copy.Link)
        {
            yield return new($"{keyword} --link", 1, 4, false, source.WithArgument("Link"));
        }

        if (copy.Kind == CopyKind.Add)
        {
            foreach (var requirement in OfAdd(copy))
            {
                yield return requirement;
            }
        }

        // dockerfile/1.20.0: COPY --parents is generally available (moby/buildkit#6282); 1.7-labs had it.
        if (copy.Parents)
        {
            yield return new($"{keyword} --parents", 1, 20, false, source.WithArgument("Parents"), (1, 7));
        }

        // dockerfile/1.19.0: --exclude on COPY and ADD is generally available (moby/buildkit#6232); 1.7-labs had it.
        if (!copy.Exclude.IsEmpty)
        {
            yield return new($"{keyword} --exclude", 1, 19, false, source.WithArgument("Exclude"), (1, 7));
        }
    }

    private static IEnumerable<FrontendRequirement> OfAdd(CopyInstruction add)
    {
        var source = add.Source;
        var git = add.Sources.Any(s => CopyRules.IsGit(s) || IsGitWithQuery(s));

        // dockerfile/1.6.0: ADD <git ref>, ADD --checksum and --keep-git-dir left labs (moby/buildkit#3979; labs since 1.5).
        if (git)
        {
            yield return new("ADD of a git repository", 1, 6, false, source, (1, 5));
        }

        // dockerfile/1.18.0: git URLs take ?ref=, ?tag=, ?branch=, ?checksum=, ?subdir=, ... (moby/buildkit#6172).
        if (add.Sources.Any(IsGitWithQuery))
        {
            yield return new("ADD of a git URL with query parameters", 1, 18, false, source);
        }

        if (add.Checksum is not null)
        {
            yield return new("ADD --checksum", 1, 6, false, source.WithArgument("Checksum"), (1, 5));

            // dockerfile/1.16.0: ADD --checksum for git sources (moby/buildkit#5975).
            if (git)
            {
                yield return new("ADD --checksum of a git repository", 1, 16, false, source.WithArgument("Checksum"));
            }
        }

        if (add.KeepGitDir)
        {
            yield return new("ADD --keep-git-dir", 1, 6, false, source.WithArgument("KeepGitDir"), (1, 5));
        }

        // dockerfile/1.17.0: ADD --unpack.
        if (add.Unpack is not null)
        {
            yield return new("ADD --unpack", 1, 17, false, source.WithArgument("Unpack"));
        }

        // dockerfile/1.2.0: ADD --chown expands build variables (moby/buildkit#1473); COPY always did.
        if (add.Chown is { } chown && VariableReferences.Any(chown))
        {
            yield return new("ADD --chown with build variables", 1, 2, false, source.WithArgument("Chown"));
        }
    }

    // A variable may hold an octal mode; only a literal symbolic mode (u+x, a=rX) needs 1.14.
    private static bool IsOctalOrVariable(string chmod) =>
        VariableReferences.Any(chmod) || (chmod.Length > 0 && chmod.All(c => c is >= '0' and <= '7'));

    private static bool IsGitWithQuery(string source)
    {
        var url = source.Split('#')[0];
        var query = url.IndexOf(".git?", StringComparison.Ordinal);
        return query > 0 && (url.StartsWith("https://", StringComparison.Ordinal) || url.StartsWith("http://", StringComparison.Ordinal) || url.StartsWith("git@", StringComparison.Ordinal) || url.StartsWith("git://", StringComparison.Ordinal));
    }
}

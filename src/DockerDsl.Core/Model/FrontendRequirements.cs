using System.Collections.Generic;

namespace DockerDsl.Core.Model;

/// <summary>A Dockerfile feature and the frontend it first appeared in (<c>docker/dockerfile:&lt;Version&gt;</c>).</summary>
/// <param name="Labs">True when the feature is only in the labs channel (<c>docker/dockerfile:1-labs</c>).</param>
public sealed record FrontendRequirement(string Feature, int Major, int Minor, bool Labs, SourceRef Source)
{
    public string Version => $"{Major}.{Minor}{(Labs ? "-labs" : string.Empty)}";

    public bool IsNewerThan(FrontendRequirement other) =>
        Labs != other.Labs ? Labs : (Major, Minor).CompareTo((other.Major, other.Minor)) > 0;
}

/// <summary>Which Dockerfile frontend a model needs, feature by feature.</summary>
public static class FrontendRequirements
{
    /// <summary>Every feature of <paramref name="model"/> that needs more than the original Dockerfile syntax.</summary>
    public static IEnumerable<FrontendRequirement> All(DockerfileModel model)
    {
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

    public static IEnumerable<FrontendRequirement> Of(Instruction instruction)
    {
        var source = instruction.Source;
        switch (instruction)
        {
            case RunInstruction run:
                foreach (var mount in run.Mounts)
                {
                    yield return new($"RUN --mount=type={mount.Type}", 1, 2, false, mount.Source);
                    if (mount.Type == "secret" && mount.Has("env"))
                    {
                        yield return new("RUN --mount=type=secret,env=", 1, 10, false, mount.Source);
                    }
                }

                if (run.Network is not null)
                {
                    yield return new("RUN --network", 1, 3, false, source);
                }

                if (run.Security is not null)
                {
                    yield return new("RUN --security", 1, 1, true, source);
                }

                if (run.Form == RunForm.Heredoc)
                {
                    yield return new("RUN heredoc", 1, 4, false, source);
                }

                // docs.docker.com/reference/dockerfile/#run---device: not yet in the stable syntax, 1.14-labs.
                if (!run.Devices.IsEmpty)
                {
                    yield return new("RUN --device", 1, 14, true, source.WithArgument("Devices"));
                }

                break;
            case CopyInstruction copy:
                var keyword = copy.Kind == CopyKind.Add ? "ADD" : "COPY";
                if (copy.HeredocContent is not null)
                {
                    yield return new($"{keyword} heredoc", 1, 4, false, source);
                }

                if (copy.Chmod is not null)
                {
                    yield return new($"{keyword} --chmod", 1, 3, false, source.WithArgument("Chmod"));
                }

                if (copy.Link)
                {
                    yield return new($"{keyword} --link", 1, 4, false, source.WithArgument("Link"));
                }

                if (copy.Checksum is not null)
                {
                    yield return new("ADD --checksum", 1, 6, false, source.WithArgument("Checksum"));
                }

                if (copy.KeepGitDir)
                {
                    yield return new("ADD --keep-git-dir", 1, 6, false, source.WithArgument("KeepGitDir"));
                }

                // docs.docker.com/reference/dockerfile/#add: --unpack needs 1.17.
                if (copy.Unpack is not null)
                {
                    yield return new("ADD --unpack", 1, 17, false, source.WithArgument("Unpack"));
                }

                if (copy.Parents)
                {
                    yield return new($"{keyword} --parents", 1, 7, true, source.WithArgument("Parents"));
                }

                if (!copy.Exclude.IsEmpty)
                {
                    yield return new($"{keyword} --exclude", 1, 7, true, source.WithArgument("Exclude"));
                }

                break;
            case HealthCheckInstruction { StartInterval: not null }:
                yield return new("HEALTHCHECK --start-interval", 1, 6, false, source.WithArgument("StartInterval"));
                break;
        }
    }
}

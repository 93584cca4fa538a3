using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using DockerDsl.Core.Model;

namespace DockerDsl.Core.Rules;

/// <summary>Rules on single instructions and on instructions within one stage.</summary>
public static class InstructionRules
{
    // BuildKit's SecretsUsedInArgOrEnv: a secret word as the whole name or as its first or last part,
    // unless another part says it is not the secret itself (dockerfile2llb/validations.go, getSecretsRegex).
    private static readonly Regex SecretName = new(
        "(?:_|^)(?:apikey|auth|credential|credentials|key|password|pword|passwd|secret|token)(?:_|$)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static readonly Regex AllowedName = new("(?:_|^)(?:public|file|version)(?:_|$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static readonly string[] SingleUse = { "CMD", "ENTRYPOINT", "HEALTHCHECK" };

    /// <summary>
    /// DDSL005: CMD or ENTRYPOINT in shell form while the image has no SHELL of its own: none before it in
    /// the stage or in the stages it is built FROM (BuildKit then warns only for the default shell,
    /// dockerfile2llb/convert.go, dispatchCmd). Arguments: keyword.
    /// </summary>
    public static IEnumerable<Finding> ShellFormCommand(DockerfileModel model)
    {
        foreach (var stage in model.Stages)
        {
            var chain = StageChain.Of(model, stage);
            var shellSet = chain.Take(chain.Count - 1).Any(s => s.Instructions.Any(i => Keywords.Of(i) == "SHELL"));
            foreach (var instruction in stage.Instructions)
            {
                switch (instruction)
                {
                    case ShellInstruction:
                    case RawInstruction { Keyword: "SHELL" }:
                        shellSet = true;
                        break;
                    case CommandInstruction { Exec: false } command when !shellSet:
                        yield return Finding.At(command.Source, Keywords.Of(command));
                        break;
                    case RawInstruction { Keyword: "CMD" or "ENTRYPOINT" } raw when !shellSet && !Keywords.Arguments(raw).StartsWith("[", System.StringComparison.Ordinal):
                        yield return Finding.At(raw.Source.WithArgument(0), raw.Keyword);
                        break;
                }
            }
        }
    }

    /// <summary>
    /// DDSL006: an ARG or ENV of a stage whose name looks like a secret. ARGs before the first FROM are not
    /// checked: BuildKit checks the ARG and ENV instructions it runs in a stage. Arguments: keyword, name.
    /// </summary>
    public static IEnumerable<Finding> SecretLookingName(DockerfileModel model)
    {
        foreach (var instruction in All(model))
        {
            var names = instruction switch
            {
                ArgInstruction arg => arg.Args.Select(a => (a.Name, arg.Source)),
                EnvInstruction env => env.Variables.Select((v, i) => (v.Key, env.Source.WithElement(0, 2 * i))),
                _ => Enumerable.Empty<(string, SourceRef)>(),
            };
            foreach (var (name, source) in names.Where(n => LooksSecret(n.Item1)))
            {
                yield return Finding.At(source, Keywords.Of(instruction), name);
            }
        }
    }

    public static bool LooksSecret(string name) => SecretName.IsMatch(name) && !AllowedName.IsMatch(name);

    /// <summary>
    /// DDSL007: CMD, ENTRYPOINT or HEALTHCHECK more than once in a stage; every one but the last is
    /// found, since only the last takes effect. Arguments: keyword, stage name.
    /// </summary>
    public static IEnumerable<Finding> RepeatedInstruction(DockerfileModel model)
    {
        foreach (var stage in model.Stages)
        {
            foreach (var keyword in SingleUse)
            {
                var all = stage.Instructions.Where(i => Keywords.Of(i) == keyword).ToList();
                for (var i = 0; i < all.Count - 1; i++)
                {
                    yield return Finding.At(all[i].Source, keyword, stage.Label);
                }
            }
        }
    }

    /// <summary>
    /// DDSL008: the first WORKDIR of a stage and the stages it is built FROM, when it is relative: once an
    /// absolute one is set, later relative ones are relative to it (BuildKit's WorkdirRelativePath checks
    /// only while no WORKDIR was set in the Dockerfile, dockerfile2llb/convert.go, dispatchWorkdir). With
    /// <paramref name="words"/> (Dockerfile text), the path is the expanded word; one whose value the linter
    /// cannot know is not found. Arguments: path.
    /// </summary>
    public static IEnumerable<Finding> RelativeWorkDir(DockerfileModel model, ExpandedWords? words = null)
    {
        foreach (var stage in model.Stages)
        {
            var chain = StageChain.Of(model, stage);
            if (chain.Take(chain.Count - 1).Any(s => s.Instructions.Any(i => Keywords.Of(i) == "WORKDIR")))
            {
                continue;
            }

            if (stage.Instructions.FirstOrDefault(i => Keywords.Of(i) == "WORKDIR") is not { } first)
            {
                continue;
            }

            var path = first switch
            {
                WorkDirInstruction workDir when words is null => workDir.Path,
                WorkDirInstruction workDir => words.Of(workDir, WordRoles.Path) is { IsDecided: true, Result: { } result } ? result : null,
                RawInstruction raw => Keywords.Arguments(raw).Trim('"'),
                _ => null,
            };
            if (path is not null && !Paths.IsAbsolute(path))
            {
                yield return Finding.At(first.Source.WithArgument(0), path);
            }
        }
    }

    /// <summary>DDSL020: the deprecated MAINTAINER instruction. No arguments.</summary>
    public static IEnumerable<Finding> Maintainer(DockerfileModel model) =>
        All(model).OfType<RawInstruction>().Where(r => r.Keyword == "MAINTAINER").Select(r => Finding.At(r.Source));

    /// <summary>
    /// DDSL024: COPY or ADD to a relative destination while no WORKDIR is set in the stage or the
    /// stages it is built FROM, so the destination depends on the base image. Arguments: keyword, destination.
    /// </summary>
    public static IEnumerable<Finding> RelativeCopyWithoutWorkDir(DockerfileModel model)
    {
        foreach (var stage in model.Stages)
        {
            var chain = StageChain.Of(model, stage);
            var workDirSet = chain.Take(chain.Count - 1).Any(s => s.Instructions.Any(i => Keywords.Of(i) == "WORKDIR"));
            foreach (var instruction in stage.Instructions)
            {
                if (Keywords.Of(instruction) == "WORKDIR")
                {
                    workDirSet = true;
                }
                else if (instruction is CopyInstruction copy && !workDirSet && !Paths.IsAbsolute(copy.Destination))
                {
                    yield return Finding.At(copy.Source, Keywords.Of(copy), copy.Destination);
                }
            }
        }
    }

    /// <summary>Every instruction of every stage.</summary>
    public static IEnumerable<Instruction> All(DockerfileModel model) => model.Stages.SelectMany(s => s.Instructions);
}

using System.Collections.Generic;
using System.IO;
using System.Linq;
using DockerDsl.Core.Emit;
using DockerDsl.Core.Model;
using DockerDsl.Core.Text;

namespace DockerDsl.Core.Tests.Conformance;

/// <summary>
/// Every real Dockerfile of the corpus, read into the model and emitted, reads back as the same model: the
/// emitter writes each typed instruction so that BuildKit's reading gives it back.
/// </summary>
public class RealDockerfileRoundTripTests
{
    public static IEnumerable<object[]> Files() => RealDockerfileTests.Files();

    [Theory]
    [MemberData(nameof(Files))]
    public void Reads_back_as_the_model_it_was_emitted_from(string file)
    {
        var model = DockerfileReader.Read(file, File.ReadAllText(Corpus.Path("real", file))).Model;

        var emitted = DockerfileEmitter.Emit(model);
        var read = DockerfileReader.Read(file, emitted).Model;

        var expected = Shape(model).ToList();
        var actual = Shape(read).ToList();
        for (var i = 0; i < System.Math.Min(expected.Count, actual.Count); i++)
        {
            Assert.True(Equals(expected[i], actual[i]), $"{file}: item {i} reads back otherwise.\n--- read ---\n{expected[i]}\n--- emitted and read again ---\n{actual[i]}");
        }

        Assert.Equal(expected.Count, actual.Count);
    }

    // What the text says, without where each part came from.
    private static IEnumerable<object> Shape(DockerfileModel model)
    {
        // Without a # syntax= line the emitter writes docker/dockerfile:1, the frontend BuildKit uses anyway.
        yield return (model.Syntax ?? "docker/dockerfile:1", model.Escape, model.Check);
        foreach (var arg in model.GlobalArgs)
        {
            yield return arg with { Source = default };
        }

        foreach (var stage in model.Stages)
        {
            yield return (stage.Name, stage.Base, stage.Platform);
            foreach (var instruction in stage.Instructions)
            {
                yield return Plain(instruction);
            }
        }
    }

    private static Instruction Plain(Instruction instruction) => instruction switch
    {
        RunInstruction run => run with { Source = default, Mounts = run.Mounts.Select(m => m with { Source = default }).ToEquatableArray() },
        OnBuildInstruction onBuild => onBuild with { Source = default, Instruction = onBuild.Instruction is null ? null : Plain(onBuild.Instruction) },
        _ => instruction with { Source = default },
    };
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using DockerDsl.Core.Model;
using DockerDsl.Core.Rules;

namespace DockerDsl.Core.Tests.Rules;

/// <summary>Every flag and form the model holds beyond the original Dockerfile syntax names the frontend that has it.</summary>
public class FrontendRequirementsTests
{
    private static readonly SourceRef At = SourceRef.InFile("Dockerfile", 2, 1, 1);

    // What the original Dockerfile syntax already has, and parts of a form that has its own entry.
    private static readonly Dictionary<Type, string[]> Baseline = new()
    {
        [typeof(RunInstruction)] = new[] { "Form", "Lines", "Source", "Marker", "HeredocCommand" },
        [typeof(CopyInstruction)] = new[] { "Kind", "Sources", "Destination", "From", "Chown", "Source", "Marker" },
        [typeof(HealthCheckInstruction)] = new[] { "None", "Exec", "Command", "Interval", "Timeout", "StartPeriod", "Retries", "Source" },
    };

    private static readonly Instruction[] Plain =
    {
        new RunInstruction(RunForm.Shell, new[] { "make" }.ToEquatableArray(), EquatableArray<Mount>.Empty, null, null, At),
        new CopyInstruction(CopyKind.Add, new[] { "a" }.ToEquatableArray(), "/a", null, null, null, false, EquatableArray<string>.Empty, false, null, false, null, At),
        new HealthCheckInstruction(false, false, new[] { "true" }.ToEquatableArray(), "30s", "3s", "5s", null, 3, At),
    };

    public static IEnumerable<object[]> Flags() =>
        Plain.SelectMany(i => Parameters(i.GetType()).Where(p => !Baseline[i.GetType()].Contains(p.Name)).Select(p => new object[] { i.GetType().Name, p.Name! }));

    [Fact]
    public void The_plain_forms_need_no_frontend() =>
        Assert.All(Plain, i => Assert.Empty(FrontendRequirements.Of(i)));

    [Theory]
    [MemberData(nameof(Flags))]
    public void Every_modelled_flag_names_the_frontend_that_has_it(string type, string parameter)
    {
        var plain = Plain.Single(i => i.GetType().Name == type);
        var with = With(plain, parameter);

        Assert.NotEmpty(FrontendRequirements.Of(with));
    }

    [Fact]
    public void The_heredoc_form_names_its_frontend() =>
        Assert.Contains(FrontendRequirements.Of(With(Plain[0], "Form", RunForm.Heredoc)), r => r.Feature == "RUN heredoc" && r.Version == "1.4");

    [Theory]
    [InlineData("--exclude", "COPY --exclude", "1.19")]
    [InlineData("--parents", "COPY --parents", "1.20")]
    [InlineData("--security", "RUN --security", "1.20")]
    [InlineData("--chmod=0755", "COPY --chmod", "1.2")]
    [InlineData("--chmod=u+x", "COPY --chmod with a mode that is not octal", "1.14")]
    [InlineData("--keep-git-dir", "ADD --keep-git-dir", "1.6")]
    [InlineData("--unpack", "ADD --unpack", "1.17")]
    [InlineData("--git-checksum", "ADD --checksum of a git repository", "1.16")]
    [InlineData("--git-query", "ADD of a git URL with query parameters", "1.18")]
    [InlineData("--device", "RUN --device", "1.14-labs")]
    [InlineData("--mount-variable", "RUN --mount with build variables", "1.3")]
    [InlineData("ARG a b", "ARG with several arguments", "1.2")]
    public void A_feature_needs_the_version_BuildKit_gave_it(string form, string feature, string version)
    {
        Instruction instruction = form switch
        {
            "--exclude" => With(Plain[1], "Kind", CopyKind.Copy) is CopyInstruction c ? c with { Exclude = new[] { "*.md" }.ToEquatableArray() } : null!,
            "--parents" => ((CopyInstruction)With(Plain[1], "Kind", CopyKind.Copy)) with { Parents = true },
            "--security" => ((RunInstruction)Plain[0]) with { Security = "insecure" },
            "--chmod=0755" => ((CopyInstruction)With(Plain[1], "Kind", CopyKind.Copy)) with { Chmod = "0755" },
            "--chmod=u+x" => ((CopyInstruction)With(Plain[1], "Kind", CopyKind.Copy)) with { Chmod = "u+x" },
            "--keep-git-dir" => ((CopyInstruction)Plain[1]) with { Sources = new[] { "https://github.com/moby/buildkit.git#v0.10.1" }.ToEquatableArray(), KeepGitDir = true },
            "--unpack" => ((CopyInstruction)Plain[1]) with { Unpack = true },
            "--git-checksum" => ((CopyInstruction)Plain[1]) with { Sources = new[] { "https://github.com/moby/buildkit.git#v0.10.1" }.ToEquatableArray(), Checksum = "753f7c4" },
            "--git-query" => ((CopyInstruction)Plain[1]) with { Sources = new[] { "https://github.com/moby/buildkit.git?ref=v0.10.1&subdir=docs" }.ToEquatableArray() },
            "--device" => ((RunInstruction)Plain[0]) with { Devices = new[] { new RunDevice("nvidia.com/gpu=all", false) }.ToEquatableArray() },
            "--mount-variable" => ((RunInstruction)Plain[0]) with { Mounts = new[] { new Mount("cache", new[] { new MountOption("target", "/root/.cache/$TOOL") }.ToEquatableArray(), At) }.ToEquatableArray() },
            _ => new ArgInstruction(new[] { new ArgDefinition("a", null), new ArgDefinition("b", null) }.ToEquatableArray(), At),
        };

        Assert.Contains(FrontendRequirements.Of(instruction), r => r.Feature == feature && r.Version == version);
    }

    [Theory]
    [InlineData("ARG SOURCE_DATE_EPOCH=1700000000\nFROM debian:bookworm-slim\n", true)]
    [InlineData("ARG SOURCE_DATE_EPOCH=\nFROM debian:bookworm-slim\n", true)]
    [InlineData("ARG VERSION=1 SOURCE_DATE_EPOCH=1700000000\nFROM debian:bookworm-slim\n", true)]
    [InlineData("ARG SOURCE_DATE_EPOCH\nFROM debian:bookworm-slim\n", false)]
    [InlineData("FROM debian:bookworm-slim\nARG SOURCE_DATE_EPOCH=1700000000\n", false)]
    [InlineData("ARG source_date_epoch=1700000000\nFROM debian:bookworm-slim\n", false)]
    [InlineData("ARG VERSION=1.2\nFROM debian:bookworm-slim\n", false)]
    public void Only_a_global_SOURCE_DATE_EPOCH_default_needs_the_frontend_that_reads_it(string dockerfile, bool needs)
    {
        // moby/buildkit#6601 (dockerfile/1.23.0): a global-scope ARG default; BuildKit reads build-arg names as written.
        var model = Text.DockerfileReader.Read("Dockerfile", dockerfile).Model;

        var found = FrontendRequirements.All(model).Where(r => r.Feature == "SOURCE_DATE_EPOCH as a global ARG default").ToList();

        Assert.Equal(needs ? 1 : 0, found.Count);
        Assert.All(found, r => Assert.Equal("1.23", r.Version));
        if (needs)
        {
            Assert.Equal(1, found[0].Source.Line);
            Assert.True(FrontendRequirements.Minimum(model)!.Version is "1.23", FrontendRequirements.Minimum(model)!.Version);
        }
    }

    [Theory]
    [InlineData("ARG SOURCE_DATE_EPOCH=context\nFROM debian:bookworm-slim\n", true)]
    [InlineData("ARG SOURCE_DATE_EPOCH=build\nFROM debian:bookworm-slim AS build\nFROM build\n", true)]
    [InlineData("ARG SOURCE_DATE_EPOCH=1700000000\nFROM debian:bookworm-slim AS build\n", false)]
    [InlineData("ARG SOURCE_DATE_EPOCH=other\nFROM debian:bookworm-slim AS build\n", false)]
    public void SOURCE_DATE_EPOCH_of_the_context_or_a_stage_needs_1_24(string dockerfile, bool needs)
    {
        // moby/buildkit#6602 (dockerfile/1.24.0).
        var model = Text.DockerfileReader.Read("Dockerfile", dockerfile).Model;

        var found = FrontendRequirements.All(model).Where(r => r.Feature == "SOURCE_DATE_EPOCH=context or =<stage>").ToList();

        Assert.Equal(needs ? 1 : 0, found.Count);
        Assert.All(found, r => Assert.Equal("1.24", r.Version));
    }

    [Theory]
    [InlineData(1, 19, false, true)]
    [InlineData(1, 20, false, false)]
    [InlineData(1, null, false, false)]
    [InlineData(1, 6, true, true)]
    [InlineData(1, 7, true, false)]
    public void A_feature_that_left_labs_is_in_the_labs_versions_since_it_arrived(int major, int? minor, bool labs, bool lacks)
    {
        var parents = new FrontendRequirement("COPY --parents", 1, 20, false, At, (1, 7));

        Assert.Equal(lacks, FrontendRules.Lacks(new FrontendPin(major, minor, labs), parents));
    }

    private static ParameterInfo[] Parameters(Type type) =>
        type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First().GetParameters();

    // The instruction with one constructor argument changed to a value that is set.
    private static Instruction With(Instruction instruction, string parameter, object? value = null)
    {
        var type = instruction.GetType();
        var arguments = Parameters(type).Select(p => p.Name == parameter ? value ?? Set(p.ParameterType) : type.GetProperty(p.Name!, BindingFlags.Public | BindingFlags.Instance)!.GetValue(instruction)).ToArray();
        return (Instruction)Parameters(type)[0].Member.DeclaringType!.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First().Invoke(arguments);
    }

    private static object Set(Type type)
    {
        if (type == typeof(bool))
        {
            return true;
        }

        if (type == typeof(bool?))
        {
            return (bool?)true;
        }

        if (type == typeof(string))
        {
            return "x";
        }

        if (type == typeof(EquatableArray<string>))
        {
            return new[] { "x" }.ToEquatableArray();
        }

        if (type == typeof(EquatableArray<Mount>))
        {
            return new[] { new Mount("cache", new[] { new MountOption("target", "/c") }.ToEquatableArray(), At) }.ToEquatableArray();
        }

        if (type == typeof(EquatableArray<RunDevice>))
        {
            return new[] { new RunDevice("class1", false) }.ToEquatableArray();
        }

        throw new InvalidOperationException($"Give {type} a set value here: a new modelled flag needs a frontend requirement and a case in this test.");
    }
}

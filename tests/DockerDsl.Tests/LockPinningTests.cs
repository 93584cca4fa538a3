using System.Linq;
using DockerDsl.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace DockerDsl.Tests;

/// <summary>With dockerdsl.lock.json among the AdditionalFiles, the images it holds are pinned to their digests.</summary>
public sealed class LockPinningTests
{
    private static readonly string Index = "sha256:" + new string('1', 64);
    private static readonly string Alpine = "sha256:" + new string('2', 64);
    private static readonly string Busybox = "sha256:" + new string('3', 64);
    private static readonly string Platform = "sha256:" + new string('4', 64);

    private const string Source = GeneratedOutput.Usings + """
        [BindMount("/tools", From = "busybox:1.36", Source = "/bin")]
        public partial class Tools;

        [Dockerfile("Dockerfile")]
        public partial class App
        {
            [Stage(From = "debian:bookworm-slim")]
            [Run("true", Mounts = new[] { typeof(Tools) })]
            public partial class Build;

            [Stage(From = typeof(Build))]
            [CopyFrom("alpine:3.20", "/etc/os-release", "/alpine-os-release")]
            [CopyFrom(typeof(Build), "/etc/os-release", "/build-os-release")]
            [Cmd("app")]
            public partial class Final;
        }
        """;

    private static string Entry(string reference, string digest) => $$"""
            "{{reference}}": {
              "digest": "{{digest}}",
              "mediaType": "application/vnd.oci.image.index.v1+json",
              "platforms": {
                "linux/amd64": {
                  "architecture": "amd64",
                  "config": {},
                  "digest": "{{Platform}}",
                  "os": "linux"
                }
              },
              "repository": "docker.io/library/{{reference.Split(':')[0]}}"
            }
        """;

    private static string LockText(params string[] entries) =>
        "{\n  \"formatVersion\": 1,\n  \"images\": {\n" + string.Join(",\n", entries) + "\n  }\n}\n";

    [Fact]
    public void FROM_COPY_from_and_mount_from_images_in_the_lock_are_pinned_and_stages_are_not()
    {
        var text = GeneratorHarness.DockerfileText(GeneratorHarness.RunWithFiles(Source, ("/repo/App/dockerdsl.lock.json", LockText(
            Entry("debian:bookworm-slim", Index), Entry("alpine:3.20", Alpine), Entry("busybox:1.36", Busybox)))))!;
        var lines = text.Split('\n');
        Assert.Contains($"FROM debian:bookworm-slim@{Index} AS build", lines);
        Assert.Contains($"COPY --from=alpine:3.20@{Alpine} /etc/os-release /alpine-os-release", lines);
        Assert.Contains("COPY --from=build /etc/os-release /build-os-release", lines);
        Assert.Contains("FROM build AS final", lines);
        Assert.Contains(lines, line => line.Contains($"from=busybox:1.36@{Busybox}", System.StringComparison.Ordinal));
    }

    [Fact]
    public void An_image_the_lock_does_not_hold_stays_as_written()
    {
        var unlocked = GeneratorHarness.DockerfileText(GeneratorHarness.RunWithFiles(Source))!;
        var partly = GeneratorHarness.DockerfileText(GeneratorHarness.RunWithFiles(Source, ("dockerdsl.lock.json", LockText(Entry("alpine:3.20", Alpine)))))!;
        Assert.Contains("FROM debian:bookworm-slim AS build", unlocked.Split('\n'));
        Assert.Contains("FROM debian:bookworm-slim AS build", partly.Split('\n'));
        Assert.Contains($"COPY --from=alpine:3.20@{Alpine} /etc/os-release /alpine-os-release", partly.Split('\n'));
        Assert.Single(unlocked.Split('\n').Zip(partly.Split('\n')), pair => pair.First != pair.Second);
    }

    [Fact]
    public void A_lock_file_that_cannot_be_read_pins_nothing_and_breaks_nothing()
    {
        var unlocked = GeneratorHarness.DockerfileText(GeneratorHarness.RunWithFiles(Source));
        var broken = GeneratorHarness.RunWithFiles(Source, ("dockerdsl.lock.json", "{ \"formatVersion\": 1, \"images\": "));
        Assert.Empty(broken.Diagnostics);
        Assert.Equal(unlocked, GeneratorHarness.DockerfileText(broken));
    }

    [Fact]
    public void Another_additional_file_is_not_read_as_a_lock()
    {
        var unlocked = GeneratorHarness.DockerfileText(GeneratorHarness.RunWithFiles(Source));
        Assert.Equal(unlocked, GeneratorHarness.DockerfileText(GeneratorHarness.RunWithFiles(Source, ("other.lock.json", LockText(Entry("debian:bookworm-slim", Index))))));
    }

    // A stage declared in a referenced assembly and built FROM here: the parser reads it from metadata, so it is a
    // stage of this project's Dockerfile, with its FROM and --from images, and the lock covers it like any other.
    private const string Library = GeneratedOutput.Usings + """
        namespace Shared
        {
            [Stage(From = "debian:bookworm-slim")]
            [CopyFrom("alpine:3.20", "/etc/os-release", "/alpine-os-release")]
            public partial class Runtime;
        }
        """;

    private const string UsesLibrary = GeneratedOutput.Usings + """
        [Dockerfile("Dockerfile")]
        public partial class App
        {
            [Stage(From = typeof(Shared.Runtime))]
            [Cmd("app")]
            public partial class Final;
        }
        """;

    [Fact]
    public void A_stage_of_a_referenced_assembly_is_in_the_Dockerfile_its_images_are_pinned_and_dockerdsl_lock_finds_them()
    {
        var library = GeneratorHarness.Compile(Library);
        using var image = new System.IO.MemoryStream();
        var emitted = library.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        var app = GeneratorHarness.Compile(UsesLibrary).AddReferences(Microsoft.CodeAnalysis.MetadataReference.CreateFromImage(image.ToArray()));

        var unlocked = GeneratorHarness.DockerfileText(GeneratorHarness.Driver().RunGenerators(app).GetRunResult())!;
        Assert.Contains("FROM debian:bookworm-slim AS runtime", unlocked.Split('\n'));

        // What dockerdsl lock reads from the built assembly is this text: the referenced stage's images are among its uses.
        var model = DockerDsl.Core.Text.DockerfileReader.Read("Dockerfile", unlocked).Model;
        var (uses, errors) = DockerDsl.Core.Lock.ExternalImages.Of(model, new[] { "linux/amd64" }, "linux/amd64");
        Assert.Empty(errors);
        Assert.Equal(new[] { "debian:bookworm-slim", "alpine:3.20" }, uses.Select(u => u.Reference));

        var lockFile = new[] { (AdditionalText)new InMemoryLock("/repo/App/dockerdsl.lock.json", LockText(Entry("debian:bookworm-slim", Index), Entry("alpine:3.20", Alpine))) };
        var pinned = GeneratorHarness.DockerfileText(GeneratorHarness.Driver(null, lockFile).RunGenerators(app).GetRunResult())!;
        Assert.Contains($"FROM debian:bookworm-slim@{Index} AS runtime", pinned.Split('\n'));
        Assert.Contains($"COPY --from=alpine:3.20@{Alpine} /etc/os-release /alpine-os-release", pinned.Split('\n'));
    }

    private sealed class InMemoryLock(string path, string text) : AdditionalText
    {
        public override string Path => path;

        public override Microsoft.CodeAnalysis.Text.SourceText GetText(System.Threading.CancellationToken cancellationToken = default) =>
            Microsoft.CodeAnalysis.Text.SourceText.From(text);
    }

    private const string PrivateSource = GeneratedOutput.Usings + """
        [Dockerfile("Dockerfile")]
        public partial class App
        {
            [Stage(From = "registry.example/team/debian:12")]
            [NonRootUser("app")]
            [Cmd("app")]
            public partial class Final;
        }
        """;

    private static string FamilyEntry(string reference, string digest, string family, string tools) => $$"""
            "{{reference}}": {
              "digest": "{{digest}}",
              "mediaType": "application/vnd.oci.image.manifest.v1+json",
              "platforms": {
                "linux/amd64": {
                  "architecture": "amd64",
                  "config": {},
                  "digest": "{{digest}}",
                  "fileSystem": {"family": "{{family}}", "osId": "debian", "tools": [{{tools}}]},
                  "os": "linux"
                }
              },
              "repository": "registry.example/team/debian"
            }
        """;

    [Fact]
    public void A_locked_private_image_s_NonRootUser_writes_for_the_family_its_layers_tell()
    {
        // Unlocked, the name tells no family: DDSL113 at the helper, and no Dockerfile.
        Assert.Null(GeneratorHarness.DockerfileText(GeneratorHarness.RunWithFiles(PrivateSource)));
        Assert.Contains(GeneratorHarness.Parse(PrivateSource).Problems, p => p.Kind == Core.Model.ProblemKind.UnknownBaseFamily);

        // Locked with the facts of Debian's layers: the Debian expansion, the same as the helper with Family stated.
        var locked = GeneratorHarness.DockerfileText(GeneratorHarness.RunWithFiles(PrivateSource, ("/repo/App/dockerdsl.lock.json", LockText(
            FamilyEntry("registry.example/team/debian:12", Index, "Debian", "\"/bin/sh\", \"apt-get\", \"useradd\"")))))!;
        var stated = GeneratorHarness.DockerfileText(GeneratorHarness.RunWithFiles(PrivateSource.Replace("[NonRootUser(\"app\")]", "[NonRootUser(\"app\", Family = BaseFamily.Debian)]")))!;
        Assert.Equal(stated.Replace("FROM registry.example/team/debian:12 ", $"FROM registry.example/team/debian:12@{Index} "), locked);
        Assert.Contains(locked.Split('\n'), line => line.Contains("useradd", System.StringComparison.Ordinal));
    }

    [Fact]
    public void The_locked_family_wins_over_the_name_and_a_lock_without_facts_leaves_the_name_s()
    {
        var source = PrivateSource.Replace("registry.example/team/debian:12", "debian:12");
        var busyboxFacts = LockText(FamilyEntry("debian:12", Index, "Busybox", "\"/bin/sh\", \"busybox\""));
        var locked = GeneratorHarness.DockerfileText(GeneratorHarness.RunWithFiles(source, ("dockerdsl.lock.json", busyboxFacts)))!;
        var busybox = GeneratorHarness.DockerfileText(GeneratorHarness.RunWithFiles(source.Replace("[NonRootUser(\"app\")]", "[NonRootUser(\"app\", Family = BaseFamily.Busybox)]")))!;
        Assert.Equal(busybox.Replace("FROM debian:12 ", $"FROM debian:12@{Index} "), locked);
        Assert.DoesNotContain(locked.Split('\n'), line => line.Contains("useradd", System.StringComparison.Ordinal));

        // A stated Family is the user's word, over the lock's too.
        var stated = GeneratorHarness.DockerfileText(GeneratorHarness.RunWithFiles(source.Replace("[NonRootUser(\"app\")]", "[NonRootUser(\"app\", Family = BaseFamily.Debian)]"), ("dockerdsl.lock.json", busyboxFacts)))!;
        Assert.Contains(stated.Split('\n'), line => line.Contains("useradd", System.StringComparison.Ordinal));

        var nameOnly = GeneratorHarness.DockerfileText(GeneratorHarness.RunWithFiles(source, ("dockerdsl.lock.json", LockText(Entry("debian:12", Index)))))!;
        Assert.Contains(nameOnly.Split('\n'), line => line.Contains("useradd", System.StringComparison.Ordinal));
    }
}

using System.Linq;
using DockerDsl.Core.Model;
using DockerDsl.Core.Text;

namespace DockerDsl.Core.Tests.Reading;

/// <summary>The text reader types every form the model holds exactly, keeps the text of the others, and refuses what BuildKit refuses.</summary>
public class TypedInstructionTests
{
    private static Instruction Read(string instruction, string escape = "") =>
        DockerfileReader.Read("Dockerfile", escape + "FROM scratch\n" + instruction + "\n").Model.Stages[0].Instructions.Single();

    [Theory]
    [InlineData("COPY [\"my file\", \"/srv/my dir/\"]", new[] { "my file" }, "/srv/my dir/")]
    [InlineData("COPY [\"a\", \"b c\", \"/d/\"]", new[] { "a", "b c" }, "/d/")]
    [InlineData("COPY [\"a\", \"/b\"]", new[] { "a" }, "/b")]
    [InlineData("COPY [\"$SRC dir\", \"${DEST}\"]", new[] { "$SRC dir" }, "${DEST}")]
    [InlineData("COPY [\"--a b\", \"/c\"]", new[] { "--a b" }, "/c")]
    [InlineData("COPY [\"it's\", \"/c\"]", new[] { "it's" }, "/c")]
    public void A_JSON_form_COPY_holds_its_elements_as_words(string instruction, string[] sources, string destination)
    {
        var copy = Assert.IsType<CopyInstruction>(Read(instruction));

        Assert.Equal(sources, copy.Sources);
        Assert.Equal(destination, copy.Destination);
    }

    [Theory]
    [InlineData("COPY [\"\", \"/c\"]")]
    [InlineData("COPY [\"--from=x\", \"/c\"]")]
    [InlineData("COPY [\"a\", \"/c\\\\\\\\\"]")]
    public void A_JSON_form_COPY_the_shell_form_would_read_otherwise_keeps_its_text(string instruction) =>
        Assert.IsType<RawInstruction>(Read(instruction));

    [Theory]
    [InlineData("RUN --device=nvidia.com/gpu=all nvidia-smi", "nvidia.com/gpu=all", false)]
    [InlineData("RUN --device=vendor1.com/device=foo,required make", "vendor1.com/device=foo", true)]
    [InlineData("RUN --device=required,class1 make", "class1", true)]
    [InlineData("RUN --device=name=vendor1.com/device,required=true make", "vendor1.com/device", true)]
    [InlineData("RUN --device=class1,required=false make", "class1", false)]
    public void RUN_devices_are_typed(string instruction, string name, bool required)
    {
        var run = Assert.IsType<RunInstruction>(Read(instruction));

        Assert.Equal(new[] { new RunDevice(name, required) }, run.Devices);
    }

    [Theory]
    [InlineData("RUN --device='\"a,b\"' make")]
    [InlineData("RUN --device=required make")]
    [InlineData("RUN --device=name=required make")]
    public void A_device_the_model_would_write_otherwise_keeps_its_text(string instruction) =>
        Assert.IsType<RawInstruction>(Read(instruction));

    [Theory]
    [InlineData("RUN --device=a,b make", "invalid field 'b' must be a key=value pair")]
    [InlineData("RUN --device=\"a,b\" make", "invalid field 'b' must be a key=value pair")]
    [InlineData("RUN --device=a,name=b make", "device name already set to a")]
    [InlineData("RUN --device=a,required=maybe make", "invalid value for required: maybe")]
    [InlineData("RUN --device=a,count=2 make", "unexpected key 'count' in 'count=2'")]
    public void A_device_BuildKit_refuses_is_an_error(string instruction, string message)
    {
        var error = Assert.Throws<DockerfileReadException>(() => Read(instruction));
        Assert.Contains(message, error.Message);
    }

    [Theory]
    [InlineData("ADD --unpack=true https://example.com/a.tar.gz /opt/", true)]
    [InlineData("ADD --unpack https://example.com/a.tar.gz /opt/", true)]
    [InlineData("ADD --unpack=false app.tar /opt/", false)]
    [InlineData("ADD app.tar /opt/", null)]
    public void ADD_unpack_is_typed(string instruction, bool? unpack) =>
        Assert.Equal(unpack, Assert.IsType<CopyInstruction>(Read(instruction)).Unpack);

    [Theory]
    [InlineData("EXPOSE 80", new[] { "80" })]
    [InlineData("EXPOSE 80/tcp 53/udp 8000-8010/sctp", new[] { "80/tcp", "53/udp", "8000-8010/sctp" })]
    [InlineData("EXPOSE $PORT ${ADMIN:-9000}/tcp", new[] { "$PORT", "${ADMIN:-9000}/tcp" })]
    [InlineData("EXPOSE 80/TCP 127.0.0.1:80:80", new[] { "80/TCP", "127.0.0.1:80:80" })]
    public void EXPOSE_holds_every_port_as_written(string instruction, string[] ports) =>
        Assert.Equal(ports, Assert.IsType<ExposeInstruction>(Read(instruction)).Ports);

    [Theory]
    [InlineData("RUN <<EOT\necho hi\nEOT", "EOT", '\0', false)]
    [InlineData("RUN --mount=type=bind,target=. <<-'EOT'\n\techo hi\n\tEOT", "EOT", '\'', true)]
    [InlineData("RUN <<\"EOF\"\necho $HOME\nEOF", "EOF", '"', false)]
    [InlineData("COPY <<EOF /etc/motd\nhello $USER\nEOF", "EOF", '\0', false)]
    [InlineData("COPY <<\"EOF\" /out/gotestsumandcover\n#!/bin/sh\nEOF", "EOF", '"', false)]
    [InlineData("COPY <<-EOT /a\n\tindented\n\tEOT", "EOT", '\0', true)]
    [InlineData("COPY <<'END-OF-FILE' /a\nx\nEND-OF-FILE", "END-OF-FILE", '\'', false)]
    public void A_heredoc_keeps_its_marker_and_is_written_back_as_it_was(string instruction, string name, char quote, bool chomp)
    {
        var typed = Read(instruction);
        var marker = typed switch
        {
            RunInstruction run => run.Marker,
            CopyInstruction copy => copy.Marker,
            _ => null,
        };

        Assert.Equal(new HeredocMarker(name, quote, chomp), marker);
        var model = DockerfileReader.Read("Dockerfile", "FROM scratch\n" + instruction + "\n").Model;
        // The tabs before a closing marker, which <<- ignores, are the one thing not kept.
        Assert.Contains("\n" + instruction.Replace("\n\tEOT", "\nEOT") + "\n", Core.Emit.DockerfileEmitter.Emit(model));
    }

    [Theory]
    [InlineData("COPY <<A <<B /d/\na\nA\nb\nB")]
    [InlineData("COPY <<A a.txt /d/\na\nA")]
    public void A_heredoc_the_model_does_not_hold_keeps_its_text(string instruction) =>
        Assert.IsType<RawInstruction>(Read(instruction));

    [Theory]
    [InlineData("RUN python3 <<EOF\nprint(1)\nEOF", "python3 <<EOF", new[] { "print(1)\n" })]
    [InlineData("RUN 3<<EOF cat /dev/fd/3\nx\nEOF", "3<<EOF cat /dev/fd/3", new[] { "x\n" })]
    [InlineData("RUN <<A cat > /a && <<-'B' cat > /b\na\nA\n\tb $X\n\tB", "<<A cat > /a && <<-'B' cat > /b", new[] { "a\n", "\tb $X\n" })]
    [InlineData("RUN --network=none <<EOF bash -e\nmake\nEOF", "<<EOF bash -e", new[] { "make\n" })]
    public void A_command_line_that_opens_heredocs_is_kept_with_its_bodies(string instruction, string command, string[] bodies)
    {
        var run = Assert.IsType<RunInstruction>(Read(instruction));

        Assert.Equal(RunForm.Heredoc, run.Form);
        Assert.Equal(command, run.HeredocCommand);
        Assert.Equal(bodies, run.Lines);
        var model = DockerfileReader.Read("Dockerfile", "FROM scratch\n" + instruction + "\n").Model;
        Assert.Equal(run with { Source = default }, DockerfileReader.Read("Dockerfile", Core.Emit.DockerfileEmitter.Emit(model)).Model.Stages[0].Instructions.Single() with { Source = default });
    }

    [Theory]
    [InlineData("ONBUILD COPY . /app/", typeof(CopyInstruction))]
    [InlineData("ONBUILD RUN --mount=type=cache,target=/root/.cache make", typeof(RunInstruction))]
    [InlineData("onbuild healthcheck --interval=5s CMD [\"true\"]", typeof(HealthCheckInstruction))]
    [InlineData("ONBUILD RUN <<EOF\necho hi\nEOF", typeof(RunInstruction))]
    public void An_ONBUILD_trigger_is_read_as_the_instruction_it_is(string instruction, System.Type type)
    {
        var onBuild = Assert.IsType<OnBuildInstruction>(Read(instruction));

        Assert.IsType(type, onBuild.Instruction);
        Assert.Equal(onBuild.Source, onBuild.Instruction!.Source);
    }

    [Theory]
    [InlineData("ONBUILD COPY <<A <<B /d/\na\nA\nb\nB")]
    [InlineData("ONBUILD CMD")]
    public void An_ONBUILD_trigger_the_model_cannot_type_keeps_only_its_text(string instruction) =>
        Assert.Null(Assert.IsType<OnBuildInstruction>(Read(instruction)).Instruction);

    [Theory]
    [InlineData("ENV A b", "b")]
    [InlineData("ENV A b  c", "\"b  c\"")]
    [InlineData("ENV A \"b c\" d$X", "\"b c\"\\ d$X")]
    [InlineData("ENV A it\\'s a\tb", "it\\'s\\ a\\\tb")]
    public void A_legacy_ENV_value_is_held_as_the_word_of_the_name_value_form(string instruction, string value) =>
        Assert.Equal(value, Assert.IsType<EnvInstruction>(Read(instruction)).Variables[0].Value);
}

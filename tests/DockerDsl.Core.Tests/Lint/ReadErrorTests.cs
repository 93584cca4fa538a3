using System.Linq;

namespace DockerDsl.Core.Tests.Lint;

/// <summary>What BuildKit still reports when it refuses a Dockerfile: only the checks it made before the error.</summary>
public class ReadErrorTests
{
    [Fact]
    public void Checks_made_while_reading_report_what_comes_before_a_refused_instruction()
    {
        var result = Lints.Of("FROM alpine:3.20 as Build\nMAINTAINER me\nCMD app\nBADCMD\nMAINTAINER you\n");

        Assert.Equal(4, result.Error!.Line);
        Assert.Equal("unknown instruction: BADCMD", result.Error.Message);
        // Not the checks BuildKit makes once the file is read (casing) or while it builds (CMD in shell form).
        Assert.Equal(new[] { "DDSL019@1", "DDSL032@1", "DDSL020@2" }, result.Findings.Select(f => $"{f.Rule.Id}@{f.Source.Line}").ToArray());
    }

    [Fact]
    public void An_instruction_before_the_first_stage_is_an_error()
    {
        var result = Lints.Of("RUN echo hi\nFROM scratch\n");

        Assert.Equal(1, result.Error!.Line);
        Assert.Equal("no build stage in current context", result.Error.Message);
    }

    [Fact]
    public void A_file_the_parser_refuses_reports_nothing()
    {
        var result = Lints.Of("# only a comment\n\n");

        Assert.Equal("file with no instructions", result.Error!.Message);
        Assert.Empty(result.Findings);
    }

    [Fact]
    public void A_file_of_global_args_alone_has_no_stages()
    {
        var result = Lints.Of("ARG A=1\n");

        Assert.Equal("dockerfile contains no stages to build", result.Error!.Message);
        Assert.Empty(result.Findings);
    }
}

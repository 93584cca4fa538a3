using System.Linq;
using DockerDsl.Core.Import;
using DockerDsl.Import.Tests.Infrastructure;

namespace DockerDsl.Import.Tests;

/// <summary>
/// Forms the corpus does not hold, each imported, compiled and written back: the C# compiles clean, the Dockerfile
/// means what the original does, and the instructions no attribute says are <c>[Instruction]</c>, counted.
/// </summary>
public class FormRoundTripTests
{
    public static TheoryData<string, string, int> Forms => new()
    {
        { "RUN devices, network and security", "FROM alpine:3.20\nRUN --device=nvidia.com/gpu=all --network=host --security=insecure nvidia-smi\nRUN --network=none make\n", 0 },
        { "a <<- heredoc with tabs", "FROM alpine:3.20\nRUN <<-EOT\n\techo one\n\t\techo two\n\tEOT\n", 0 },
        { "a RUN heredoc a command opens", "FROM python:3.12-slim\nRUN python3 - <<'PY'\nprint('hello')\nPY\n", 0 },
        { "a RUN heredoc a command with a pipe opens", "FROM alpine:3.20\nRUN cat > /etc/motd && tr a-z A-Z <<EOF\nhi\nEOF\n", 0 },
        { "a quoted RUN heredoc", "FROM alpine:3.20\nRUN <<'EOF'\necho \"$HOME\"\nEOF\n", 0 },
        { "a COPY heredoc BuildKit expands", "FROM alpine:3.20\nARG VERSION=1\nCOPY <<EOF /etc/version\n${VERSION}\nEOF\n", 0 },
        { "a COPY --link heredoc", "FROM alpine:3.20\nCOPY --link --chmod=0644 <<EOF /etc/motd\nhello\nEOF\n", 0 },
        { "a COPY heredoc with another name", "FROM alpine:3.20\nCOPY <<config.json /etc/app/\n{\"a\": 1}\nconfig.json\n", 0 },
        { "stages by index and by name", "FROM golang:1.23 AS build\nRUN go build -o /out/app .\nFROM alpine:3.20\nCOPY --from=0 /out/app /usr/local/bin/\nFROM build\nCOPY --from=1 /usr/local/bin/app /app\n", 0 },
        { "COPY --from an image", "FROM alpine:3.20\nCOPY --from=busybox:1.36 /bin/busybox /bin/\n", 0 },
        { "global ARGs before and after FROM", "ARG BASE=alpine\nARG TAG=3.20\nFROM ${BASE}:${TAG}\nARG TAG\nRUN echo $TAG\n", 0 },
        { "an ARG whose default refers to an earlier name of the same ARG", "FROM alpine:3.20\nARG A=1 B=${A}\nRUN echo $B\n", 1 },
        { "ENV with literal '$' and a variable in one instruction", "FROM alpine:3.20\nENV A='$literal' B=$HOME\n", 1 },
        { "HEALTHCHECK exec form with every option", "FROM alpine:3.20\nHEALTHCHECK --interval=30s --timeout=5s --start-period=10s --start-interval=2s --retries=3 CMD [\"wget\", \"-q\", \"-O-\", \"http://localhost/\"]\n", 0 },
        { "HEALTHCHECK NONE", "FROM alpine:3.20\nHEALTHCHECK NONE\n", 0 },
        { "ONBUILD", "FROM alpine:3.20\nONBUILD COPY . /src/\nONBUILD RUN make -C /src\n", 0 },
        { "SHELL, STOPSIGNAL, VOLUME, USER with a group", "FROM alpine:3.20\nSHELL [\"/bin/ash\", \"-eo\", \"pipefail\", \"-c\"]\nSTOPSIGNAL SIGQUIT\nVOLUME /data /logs\nUSER 1001:1001\nCOPY app /app\n", 0 },
        { "COPY flags", "FROM alpine:3.20\nCOPY --chown=app:app --chmod=0755 --link --exclude=*.md src/ /src/\nADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/a.tar.gz /a/\n", 0 },
        { "symbolic --chmod, signal and mount mode with variables", "FROM alpine:3.20\nARG SIG=SIGTERM MODE=0600\nCOPY --chmod=u+x,go-w run.sh /\nSTOPSIGNAL $SIG\nRUN --mount=type=secret,id=key,mode=$MODE cat /run/secrets/key\n", 0 },
        { "MAINTAINER", "FROM alpine:3.20\nMAINTAINER someone@example.com\n", 1 },
        { "the escape directive and a Windows shell", "# escape=`\nFROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nSHELL [\"pwsh\", \"-Command\"]\nRUN Write-Host `\n    'hello'\n", 0 },
        { "comments kept before instructions", "# the base\nFROM alpine:3.20\n# tools\nRUN apk add --no-cache curl\n", 0 },
    };

    [Theory]
    [MemberData(nameof(Forms))]
    public void The_form_round_trips_with_the_expected_untyped_count(string form, string dockerfile, int untyped)
    {
        var imported = ImportedCompilation.Create("Dockerfile", dockerfile);

        var errors = imported.Diagnostics.Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error || d.Id.StartsWith("DDSL1", System.StringComparison.Ordinal)).ToList();
        Assert.True(errors.Count == 0, $"{form}:\n{string.Join("\n", errors)}\n{imported.Import!.Source}");
        Assert.True(imported.Regenerated is not null, form);
        Assert.Null(DockerfileComparison.Difference(dockerfile, imported.Regenerated!));
        Assert.Equal(untyped, imported.Import!.Report.Instructions.Count(i => i.Outcome != ImportOutcome.Typed));
        Assert.All(imported.Import.Report.Instructions.Where(i => i.Outcome != ImportOutcome.Typed), i => Assert.False(string.IsNullOrEmpty(i.Reason)));
    }

    [Fact]
    public void Comments_before_an_instruction_become_CSharp_comments()
    {
        var imported = ImportedCompilation.Create("Dockerfile", "# the base\nFROM alpine:3.20\n# tools\nRUN apk add --no-cache curl\n");

        Assert.Contains("// the base", imported.Import!.Source);
        Assert.Contains("// tools", imported.Import.Source);
    }

    [Fact]
    public void Every_untyped_instruction_has_its_reason_as_a_comment_above_it()
    {
        var imported = ImportedCompilation.Create("Dockerfile", "FROM alpine:3.20\nMAINTAINER someone@example.com\n");

        var lines = imported.Import!.Source.Split('\n');
        var index = System.Array.FindIndex(lines, l => l.Contains("[Instruction(\"MAINTAINER someone@example.com\")]", System.StringComparison.Ordinal));
        Assert.True(index > 0, imported.Import.Source);
        Assert.Contains("MAINTAINER has no typed attribute", lines[index - 1]);
    }
}

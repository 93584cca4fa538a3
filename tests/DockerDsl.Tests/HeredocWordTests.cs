using System.Linq;
using DockerDsl.Core.Model;
using DockerDsl.Core.Text.Syntax;
using DockerDsl.Tests.Infrastructure;

namespace DockerDsl.Tests;

/// <summary>
/// '&lt;&lt;' outside a heredoc attribute is refused exactly where BuildKit's parser would read a heredoc (RUN, COPY, ADD,
/// also under ONBUILD; per word: optional digits, &lt;&lt;, optional -, a marker), and accepted everywhere else.
/// </summary>
public class HeredocWordTests
{
    // Commands BuildKit reads a heredoc in, and those it does not (its parser on the generated file is the oracle).
    // Its lexer takes '<< EOF' as one word, so a spaced '<<' opens a heredoc too, even in $(( 1 << 2 )).
    public static TheoryData<string, bool> Commands => new()
    {
        { "cat <<EOF", true },
        { "cat <<-EOF", true },
        { "cat <<'EOF'", true },
        { "cat <<\\\"EOF\\\"", true },
        { "cat 2<<EOF", true },
        { "cat <<EOF > /x", true },
        { "python3 - <<-'PY'", true },
        { "cat <<<hello", false },
        { "cat <<< \\\"$x\\\"", false },
        { "echo $((1<<2))", false },
        { "echo a<<b", false },
        { "echo '<<EOF'", false },
        { "echo \\\"<<EOF\\\"", false },
        { "cat << EOF", true },
        { "echo $(( 1 << 2 ))", true },
        { "echo <<", false },
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public void A_RUN_command_is_refused_only_when_BuildKit_reads_a_heredoc_in_it(string command, bool heredoc)
    {
        foreach (var attribute in new[] { $"[Run(\"{command}\")]", $"[Run(\"true\", \"{command}\")]", $"[OnBuild(\"RUN {command}\")]", $"[Instruction(\"RUN {command}\")]", $"[Instruction(\"ONBUILD RUN {command}\")]" })
        {
            var source = Declaration(attribute);
            var model = GeneratorHarness.Parse(source);
            if (heredoc)
            {
                var problem = Assert.Single(model.Problems);
                Assert.Equal(ProblemKind.UnsafeValue, problem.Kind);
                Assert.Contains("which BuildKit reads as the start of a heredoc", problem.Message);
                continue;
            }

            Assert.True(model.Problems.Count == 0, attribute + ": " + string.Join("; ", model.Problems.Select(p => p.Message)));
            var text = GeneratorHarness.DockerfileText(GeneratorHarness.Run(source).Result)!;
            var nodes = DockerfileParser.Parse(text).Root.Children;
            Assert.All(nodes, n => Assert.Empty(n.Heredocs));
            Assert.Contains(nodes, n => n.Original.Contains(command.Replace("\\\"", "\""), System.StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("cat <<EOF")]
    [InlineData("cat <<-EOF")]
    [InlineData("cat 2<<EOF")]
    public void CMD_ENTRYPOINT_and_HEALTHCHECK_take_heredoc_words_as_text(string command)
    {
        // BuildKit reads heredocs only in RUN, COPY and ADD: elsewhere '<<' is the shell's.
        var source = Declaration($"[CmdShell(\"{command}\")] [EntrypointShell(\"{command}\")] [HealthCheck(\"{command}\")] [OnBuild(\"CMD {command}\")]");

        Assert.Empty(GeneratorHarness.Parse(source).Problems);
        var text = GeneratorHarness.DockerfileText(GeneratorHarness.Run(source).Result)!;
        var nodes = DockerfileParser.Parse(text).Root.Children;
        Assert.Equal(4, nodes.Count(n => n.Original.Contains(command, System.StringComparison.Ordinal)));
        Assert.All(nodes, n => Assert.Empty(n.Heredocs));
    }

    [Theory]
    [InlineData("<<EOF", true)]
    [InlineData("2<<x", true)]
    [InlineData("<<-x", true)]
    [InlineData("a<<b", false)]
    [InlineData("<<", true)]
    [InlineData("x<<", false)]
    public void A_COPY_path_is_refused_only_when_BuildKit_reads_it_as_a_heredoc(string path, bool heredoc)
    {
        var source = Declaration($"[Copy(\"{path}\", \"/dst/\")]");

        var model = GeneratorHarness.Parse(source);

        if (heredoc)
        {
            Assert.Contains(model.Problems, p => p.Message.Contains("which BuildKit reads as the start of a heredoc"));
        }
        else
        {
            Assert.True(model.Problems.Count == 0, string.Join("; ", model.Problems.Select(p => p.Message)));
            var text = GeneratorHarness.DockerfileText(GeneratorHarness.Run(source).Result)!;
            Assert.All(DockerfileParser.Parse(text).Root.Children, n => Assert.Empty(n.Heredocs));
        }
    }

    [Theory]
    [InlineData("<<EOF")]
    [InlineData("<<-X")]
    [InlineData("2<<X")]
    public void A_COPY_heredoc_destination_BuildKit_would_read_as_a_second_heredoc_is_refused_at_it(string destination)
    {
        var model = GeneratorHarness.Parse(Declaration($"[CopyHeredoc(\"{destination}\", \"x\")]"));

        var problem = Assert.Single(model.Problems);
        Assert.Equal(0, problem.Source.ArgumentPosition);
        Assert.StartsWith("The destination contains '<<", problem.Message);
    }

    private static string Declaration(string attributes) => GeneratedOutput.Usings + $$"""
        [Dockerfile("Dockerfile")]
        public partial class D
        {
            [Stage(From = "alpine:3.20")]
            {{attributes}}
            public partial class S;
        }
        """;
}

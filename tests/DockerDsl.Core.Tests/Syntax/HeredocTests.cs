using System.Linq;
using DockerDsl.Core.Text.Syntax;

namespace DockerDsl.Core.Tests.Syntax;

/// <summary>BuildKit's parser_heredoc_test.go cases, and the edges around them.</summary>
public class HeredocTests
{
    private const string BuildKitHeredocs = "\nFROM alpine:3.6\n\nENV NAME=me\n\nRUN ls\n\nUSER <<INVALID\nINVALID\n\nRUN <<EMPTY\nEMPTY\n\nRUN 3<<EMPTY2\nEMPTY2\n\nRUN \"<<NOHEREDOC\"\n\n"
        + "RUN <<INDENT\n\tfoo\n\tbar\nINDENT\n\nRUN <<-UNINDENT\n\tbaz\n\tquux\nUNINDENT\n\nRUN <<-UNINDENT2\n\tbaz\n\tquux\n\tUNINDENT2\n\n"
        + "RUN <<-EXPAND\n\texpand $NAME\nEXPAND\n\nRUN <<-'NOEXPAND'\n\tdon't expand $NAME\nNOEXPAND\n\nRUN <<COPY\necho hello world\necho foo bar\nCOPY\n\n"
        + "RUN <<COMMENT\n# internal comment\necho hello world\necho foo bar # trailing comment\nCOMMENT\n\nRUN --mount=type=cache,target=/foo <<MOUNT\necho hello\nMOUNT\n\n"
        + "COPY <<FILE1 <<FILE2 /dest\ncontent 1\nFILE1\ncontent 2\nFILE2\n\nCOPY <<EOF /quotes\n\"foo\"\n'bar'\nEOF\n\nCOPY <<X <<Y /dest\nY\nX\nX\nY\n\n"
        + "RUN <<COMPLEX python3\nprint('hello world')\nCOMPLEX\n\nCOPY <<file.txt /dest\nhello world\nfile.txt\n\nRUN <<eo'f'\necho foo\neof\n\nRUN <<eo\\'f\necho foo\neo'f\n\n"
        + "RUN <<'e'o\\'f\necho foo\neo'f\n\nRUN <<'one two'\necho bar\none two\n\nRUN <<$EOF\n$EOF\n\nRUN <<  EOF\nEOF\n\nRUN <<  EOF  > foo\nEOF\n\t";

    [Fact]
    public void BuildKit_TestParseExtractsHeredoc()
    {
        var expected = new[]
        {
            new Heredoc[0],
            new Heredoc[0],
            new Heredoc[0],
            new Heredoc[0],
            new[] { new Heredoc("EMPTY", "", true, false, 0) },
            new[] { new Heredoc("EMPTY2", "", true, false, 3) },
            new Heredoc[0],
            new[] { new Heredoc("INDENT", "\tfoo\n\tbar\n", true, false, 0) },
            new[] { new Heredoc("UNINDENT", "\tbaz\n\tquux\n", true, true, 0) },
            new[] { new Heredoc("UNINDENT2", "\tbaz\n\tquux\n", true, true, 0) },
            new[] { new Heredoc("EXPAND", "\texpand $NAME\n", true, true, 0) },
            new[] { new Heredoc("NOEXPAND", "\tdon't expand $NAME\n", false, true, 0) },
            new[] { new Heredoc("COPY", "echo hello world\necho foo bar\n", true, false, 0) },
            new[] { new Heredoc("COMMENT", "# internal comment\necho hello world\necho foo bar # trailing comment\n", true, false, 0) },
            new[] { new Heredoc("MOUNT", "echo hello\n", true, false, 0) },
            new[] { new Heredoc("FILE1", "content 1\n", true, false, 0), new Heredoc("FILE2", "content 2\n", true, false, 0) },
            new[] { new Heredoc("EOF", "\"foo\"\n'bar'\n", true, false, 0) },
            new[] { new Heredoc("X", "Y\n", true, false, 0), new Heredoc("Y", "X\n", true, false, 0) },
            new[] { new Heredoc("COMPLEX", "print('hello world')\n", true, false, 0) },
            new[] { new Heredoc("file.txt", "hello world\n", true, false, 0) },
            new[] { new Heredoc("eof", "echo foo\n", false, false, 0) },
            new[] { new Heredoc("eo'f", "echo foo\n", true, false, 0) },
            new[] { new Heredoc("eo'f", "echo foo\n", false, false, 0) },
            new[] { new Heredoc("one two", "echo bar\n", false, false, 0) },
            new[] { new Heredoc("$EOF", "", true, false, 0) },
            new[] { new Heredoc("EOF", "", true, false, 0) },
            new[] { new Heredoc("EOF", "", true, false, 0) },
        };

        var children = DockerfileParser.Parse(BuildKitHeredocs).Root.Children;

        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], children[i + 1].Heredocs);
        }
    }

    [Fact]
    public void Json_form_has_no_heredocs()
    {
        var children = DockerfileParser.Parse("\nFROM alpine:3.6\n\nRUN [\"whoami\"]\nRUN [\"<<EOF\"]\nRUN [\"<<'EOF'\"]\n\t").Root.Children;

        Assert.All(children.Skip(1), child => Assert.Empty(child.Heredocs));
        Assert.Equal(4, children.Count);
    }

    [Theory]
    [InlineData("<<EOF")]
    [InlineData("<<'EOF'")]
    [InlineData("<<\"EOF\"")]
    [InlineData("<<-EOF")]
    [InlineData("<<-'EOF'")]
    [InlineData("<<-\"EOF\"")]
    [InlineData("<<EO\"F\"")]
    [InlineData("<< EOF")]
    [InlineData("<<- EOF")]
    public void Heredoc_words(string word) => Assert.Equal("EOF", HeredocWord.Parse(word)!.Name);

    [Theory]
    [InlineData("")]
    [InlineData("EOF")]
    [InlineData("<<")]
    [InlineData("<<-")]
    [InlineData("<EOF")]
    [InlineData("<<<EOF")]
    [InlineData("<<EOF sh")]
    public void Not_heredoc_words(string word) => Assert.Null(HeredocWord.Parse(word));

    [Theory]
    [InlineData("<<'EOF")]
    [InlineData("<<\"EOF")]
    [InlineData("<<EOF'")]
    [InlineData("<<EOF\"")]
    public void Invalid_heredoc_words(string word) => Assert.Throws<LexException>(() => HeredocWord.Parse(word));

    [Theory]
    [InlineData("RUN <<EOF", "EOF")]
    [InlineData("RUN <<-EOF", "EOF")]
    [InlineData("RUN <<- EOF", "")]
    [InlineData("RUN << -EOF", "-EOF")]
    [InlineData("RUN <<'EOF'", "EOF")]
    [InlineData("RUN 4<<EOF", "EOF")]
    [InlineData("RUN <<EOF <<EOF2", "EOF,EOF2")]
    [InlineData("RUN '<<EOF'", "")]
    [InlineData("RUN \"<<EOF\"", "")]
    [InlineData("RUN <<EOF echo \"unterminated", "")]
    // BuildKit's TestHeredocsFromLine lists "RUN <<- EOF" as EOF but checks nothing when no heredoc is found:
    // the lexer keeps blanks only right after "<<", so "<<-" and "EOF" are two words and neither opens one.
    public void Heredocs_from_line(string line, string names) =>
        Assert.Equal(names, string.Join(",", HeredocWord.FromLine(line).Select(h => h.Name)));

    [Fact]
    public void Chomp_removes_leading_tabs_of_every_line() =>
        Assert.Equal("hello\nworld\n  x\t\n", Heredoc.ChompContent("\thello\n\t\tworld\n  x\t\n"));

    [Fact]
    public void Heredoc_lines_count_in_the_instruction_and_keep_their_line_endings()
    {
        var result = DockerfileParser.Parse("FROM x\r\nCOPY <<A <<\"B\" /dst\r\none\r\nA\r\ntwo\nB\nRUN echo\n");

        var copy = result.Root.Children[1];
        Assert.Equal((2, 6), (copy.StartLine, copy.EndLine));
        Assert.Equal(new[] { new Heredoc("A", "one\r\n", true, false, 0), new Heredoc("B", "two\n", false, false, 0) }, copy.Heredocs);
        Assert.Equal("COPY <<A <<\"B\" /dst", copy.Original);
        Assert.Equal("(from \"x\")\n(copy \"<<A\" \"<<\\\"B\\\"\" \"/dst\")\n(run \"echo\")", result.Root.Dump());
    }

    [Fact]
    public void Chomp_heredoc_ends_at_an_indented_terminator_only_with_dash()
    {
        var children = DockerfileParser.Parse("FROM x\nRUN <<-EOT\n\tcat\n\tEOT\nRUN <<EOT\n\tEOT\nEOT\n").Root.Children;

        Assert.Equal(new Heredoc("EOT", "\tcat\n", true, true, 0), children[1].Heredocs.Single());
        Assert.Equal(new Heredoc("EOT", "\tEOT\n", true, false, 0), children[2].Heredocs.Single());
    }

    [Fact]
    public void Heredoc_on_other_instructions_is_plain_text()
    {
        var children = DockerfileParser.Parse("FROM x\nENTRYPOINT <<EOF\nEOF\n").Root.Children;

        Assert.Empty(children[1].Heredocs);
        Assert.Equal("eof", children[2].Value);
    }

    [Fact]
    public void Onbuild_run_reads_its_heredoc()
    {
        var onbuild = DockerfileParser.Parse("FROM x\nONBUILD RUN <<EOF\necho hi\nEOF\n").Root.Children[1];

        Assert.Equal(new Heredoc("EOF", "echo hi\n", true, false, 0), onbuild.Heredocs.Single());
        Assert.Equal((2, 4), (onbuild.StartLine, onbuild.EndLine));
    }

    [Fact]
    public void Unterminated_heredoc_is_refused_with_its_lines()
    {
        var error = Assert.Throws<DockerfileParseException>(() => DockerfileParser.Parse("FROM x\nRUN <<EOF\necho\n"));

        Assert.Equal("unterminated heredoc", error.Reason);
        Assert.Equal((2, 3), (error.StartLine, error.EndLine));
        Assert.Equal("lines 2-3: unterminated heredoc", error.Message);
    }

    [Fact]
    public void Terminator_without_final_newline_closes_the_heredoc()
    {
        var run = DockerfileParser.Parse("FROM x\nRUN <<EOF\nhi\nEOF").Root.Children[1];

        Assert.Equal("hi\n", run.Heredocs.Single().Content);
    }

    [Fact]
    public void Heredoc_after_continuation_is_found_on_the_joined_line()
    {
        var run = DockerfileParser.Parse("FROM x\nRUN cat \\\n  <<EOF\nbody\nEOF\n").Root.Children[1];

        Assert.Equal((2, 5), (run.StartLine, run.EndLine));
        Assert.Equal("body\n", run.Heredocs.Single().Content);
    }

    [Fact]
    public void Deeply_nested_variables_in_a_heredoc_line_do_not_overflow_the_stack()
    {
        var line = "RUN <<EOF " + string.Concat(Enumerable.Repeat("${a:-", 12000));
        var children = DockerfileParser.Parse("FROM x\n" + line + "\nEOF\n").Root.Children;

        Assert.Empty(children[1].Heredocs);
    }
}

using System.Linq;
using System.Text;
using DockerDsl.Core.Text.Syntax;

namespace DockerDsl.Core.Tests.Syntax;

/// <summary>Continuations, comments, line endings, byte order mark, lines and columns.</summary>
public class LineReadingTests
{
    private const string WarningsDockerfile = "\nFROM alpine:3.6\n\nRUN valid \\\n    continuation\n\nRUN something \\\n\n    following \\\n\n    more\n\nRUN another \\\n\n    thing\n\n"
        + "RUN non-indented \\\n# this is a comment\n   after-comment\n\nRUN indented \\\n    # this is an indented comment\n    comment\n\t";

    [Fact]
    public void BuildKit_TestParseWarnsOnEmptyContinutationLine()
    {
        var result = DockerfileParser.Parse(WarningsDockerfile);

        Assert.Equal(2, result.Warnings.Count);
        Assert.Equal("Empty continuation line found in: RUN something     following     more", result.Warnings[0].Short);
        Assert.Equal("Empty continuation line found in: RUN another     thing", result.Warnings[1].Short);
        Assert.Contains("will become errors in a future release", result.Warnings[0].Detail);
        Assert.Equal("https://docs.docker.com/go/dockerfile/rule/no-empty-continuation/", result.Warnings[0].Url);
    }

    [Fact]
    public void Empty_continuation_warning_is_at_the_last_line_and_keeps_the_empty_lines()
    {
        var result = DockerfileParser.Parse(WarningsDockerfile);

        Assert.Equal(11, result.Warnings[0].Line);
        Assert.Equal(new[] { 8, 10 }, result.Warnings[0].EmptyLines);
        Assert.Equal(15, result.Warnings[1].Line);
        Assert.Equal(new[] { 14 }, result.Warnings[1].EmptyLines);
    }

    [Fact]
    public void Comments_inside_a_continuation_are_dropped()
    {
        var children = DockerfileParser.Parse(WarningsDockerfile).Root.Children;

        Assert.Equal("RUN non-indented    after-comment", children[4].Original);
        Assert.Equal("RUN indented     comment", children[5].Original);
        Assert.Equal((21, 23), (children[5].StartLine, children[5].EndLine));
        Assert.Empty(children[5].PrevComment);
    }

    [Fact]
    public void Trailing_escape_at_end_of_file_ends_the_instruction()
    {
        var root = DockerfileParser.Parse("FROM x\nRUN a \\").Root;

        Assert.Equal("(from \"x\")\n(run \"a\")", root.Dump());
        Assert.Equal((2, 2), (root.Children[1].StartLine, root.Children[1].EndLine));
    }

    [Fact]
    public void Escaped_escape_at_end_of_line_does_not_continue()
    {
        var root = DockerfileParser.Parse("FROM x\nRUN a \\\\\nRUN b\n").Root;

        Assert.Equal("(from \"x\")\n(run \"a \\\\\\\\\")\n(run \"b\")", root.Dump());
    }

    [Fact]
    public void Escape_alone_on_the_first_line_joins_the_next()
    {
        var child = DockerfileParser.Parse("\\\nFROM x\n").Root.Children.Single();

        Assert.Equal("FROM x", child.Original);
        Assert.Equal((1, 2), (child.StartLine, child.EndLine));
    }

    [Fact]
    public void Escape_followed_by_blanks_continues()
    {
        var root = DockerfileParser.Parse("FROM x\nRUN a \\ \t\n b\n").Root;

        Assert.Equal("(from \"x\")\n(run \"a  b\")", root.Dump());
    }

    [Fact]
    public void Crlf_line_endings_are_trimmed()
    {
        var root = DockerfileParser.Parse("FROM x\r\nRUN a \\\r\n  b\r\n\r\n# c\r\nENV A=1\r\n").Root;

        Assert.Equal("(from \"x\")\n(run \"a   b\")\n(env \"A\" \"1\" \"=\")", root.Dump());
        Assert.Equal("RUN a   b", root.Children[1].Original);
        Assert.Equal(new[] { new DockerfileComment("c", 5) }, root.Children[2].PrevComment);
    }

    [Fact]
    public void Lone_carriage_return_is_not_a_line_break()
    {
        var root = DockerfileParser.Parse("FROM x\rRUN y\n").Root;

        Assert.Equal("(from \"x\" \"RUN\" \"y\")", root.Dump());
        Assert.Equal(1, root.EndLine);
    }

    [Fact]
    public void Byte_order_mark_is_stripped_from_bytes_and_text()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("# escape=`\nFROM x `\n  y\n")).ToArray();

        var fromBytes = DockerfileParser.Parse(bytes);
        var fromText = DockerfileParser.Parse("\uFEFFFROM x\n");

        Assert.Equal('`', fromBytes.EscapeToken);
        Assert.Equal("(from \"x\" \"y\")", fromBytes.Root.Dump());
        Assert.Equal("(from \"x\")", fromText.Root.Dump());
        Assert.Equal(1, fromText.Root.Children[0].StartColumn);
    }

    [Fact]
    public void Byte_order_mark_after_the_first_line_is_text()
    {
        var root = DockerfileParser.Parse("FROM x\n\uFEFFRUN y\n").Root;

        Assert.Equal("\ufeffrun", root.Children[1].Value);
    }

    [Fact]
    public void Start_column_is_where_the_keyword_begins()
    {
        var children = DockerfileParser.Parse("FROM x\n   RUN a\n\tONBUILD  COPY a b\n").Root.Children;

        Assert.Equal(new[] { 1, 4, 2 }, children.Select(c => c.StartColumn));
        Assert.Equal(11, children[2].Children[0].StartColumn);
    }

    [Fact]
    public void Previous_comments_are_collected_until_an_empty_comment_or_an_instruction()
    {
        var children = DockerfileParser.Parse("# a\n\n# b\nFROM x\n# c\n#\n# d\nRUN y\nRUN z\n# trailing\n").Root.Children;

        Assert.Equal(new[] { new DockerfileComment("a", 1), new DockerfileComment("b", 3) }, children[0].PrevComment);
        Assert.Equal(new[] { new DockerfileComment("d", 7) }, children[1].PrevComment);
        Assert.Empty(children[2].PrevComment);
    }

    [Fact]
    public void Indented_comment_keeps_its_hash_as_in_BuildKit()
    {
        var from = DockerfileParser.Parse("  # indented\nFROM x\n").Root.Children[0];

        Assert.Equal(new[] { new DockerfileComment("# indented", 1) }, from.PrevComment);
    }

    [Fact]
    public void Root_spans_the_instructions()
    {
        var root = DockerfileParser.Parse("\n\nFROM x\nRUN a \\\n b\n\n").Root;

        Assert.Equal((3, 5), (root.StartLine, root.EndLine));
        Assert.Equal("", root.Value);
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("   \n\t\n", 2)]
    [InlineData("# only\n", 1)]
    public void No_instructions_is_refused(string text, int line)
    {
        var error = Assert.Throws<DockerfileParseException>(() => DockerfileParser.Parse(text));

        Assert.Equal("file with no instructions", error.Reason);
        Assert.Equal(line, error.StartLine);
    }

    [Fact]
    public void Escape_alone_is_an_instruction_of_no_words()
    {
        var root = DockerfileParser.Parse("\\\n").Root;

        Assert.Equal("(\"\")", root.Dump());
        Assert.Equal((1, 1), (root.Children[0].StartLine, root.Children[0].EndLine));
    }

    [Fact]
    public void Escape_alone_then_blank_lines_gives_an_empty_instruction()
    {
        var result = DockerfileParser.Parse("FROM x\n\\\n\n");

        Assert.Equal("(from \"x\")\n(\"\")", result.Root.Dump());
        Assert.Single(result.Warnings);
    }

    [Fact]
    public void Line_longer_than_BuildKit_scanner_buffer_is_refused()
    {
        var text = "FROM x\nLABEL a=" + new string('a', 70000) + "\n";

        var error = Assert.Throws<DockerfileParseException>(() => DockerfileParser.Parse(text));

        Assert.Equal("dockerfile line greater than max allowed size of 65535", error.Reason);
        Assert.Equal(2, error.StartLine);
    }

    [Fact]
    public void Line_of_exactly_the_maximum_is_read()
    {
        var label = "LABEL a=" + new string('é', (65535 - 8) / 2) + "x";

        var root = DockerfileParser.Parse("FROM x\n" + label + "\n").Root;

        Assert.Equal(65535, Encoding.UTF8.GetByteCount(label));
        Assert.Equal("label", root.Children[1].Value);
    }
}

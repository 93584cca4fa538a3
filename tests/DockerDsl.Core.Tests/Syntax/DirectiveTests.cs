using System.Linq;
using DockerDsl.Core.Text.Syntax;

namespace DockerDsl.Core.Tests.Syntax;

public class DirectiveTests
{
    [Fact]
    public void Directives_at_the_top_are_kept_with_their_lines()
    {
        var result = DockerfileParser.Parse("# syntax=docker/dockerfile:1\n# check=skip=JSONArgsRecommended;error=true\n#escape = \\ \nFROM x\n");

        Assert.Equal(
            new[]
            {
                new ParserDirective("syntax", "docker/dockerfile:1", 1),
                new ParserDirective("check", "skip=JSONArgsRecommended;error=true", 2),
                new ParserDirective("escape", "\\", 3),
            },
            result.Directives);
        Assert.Empty(result.Root.Children[0].PrevComment);
    }

    [Fact]
    public void Backtick_escape_continues_lines_and_escapes_words()
    {
        var result = DockerfileParser.Parse("# escape=`\nFROM x\nRUN dir c:\\ `\n  && echo\nENV A=a` b\n");

        Assert.Equal('`', result.EscapeToken);
        Assert.Equal("(from \"x\")\n(run \"dir c:\\\\   && echo\")\n(env \"A\" \"a` b\" \"=\")", result.Root.Dump());
    }

    [Fact]
    public void Directive_names_are_case_insensitive_and_lowered()
    {
        var result = DockerfileParser.Parse("# ESCAPE=`\n# Syntax = a b \nFROM x\n");

        Assert.Equal('`', result.EscapeToken);
        Assert.Equal(new[] { "escape", "syntax" }, result.Directives.Select(d => d.Name));
        Assert.Equal("a b", result.Directives[1].Value);
    }

    [Fact]
    public void Indented_directive_is_read_by_the_parser()
    {
        var result = DockerfileParser.Parse("   # escape=`\nFROM x\n");

        Assert.Equal('`', result.EscapeToken);
    }

    [Theory]
    [InlineData("\n# escape=`\nFROM x\n")]
    [InlineData("# a comment\n# escape=`\nFROM x\n")]
    [InlineData("# foo=bar\n# escape=`\nFROM x\n")]
    [InlineData("FROM x\n# escape=`\n")]
    [InlineData("# escape `\nFROM x\n")]
    [InlineData("#\n# escape=`\nFROM x\n")]
    public void Directive_after_anything_else_is_a_comment(string text)
    {
        var result = DockerfileParser.Parse(text);

        Assert.Equal('\\', result.EscapeToken);
        Assert.DoesNotContain(result.Directives, d => d.Name == "escape");
    }

    [Fact]
    public void Ignored_directive_is_a_comment_of_the_next_instruction()
    {
        var result = DockerfileParser.Parse("\n# escape=`\nFROM x\n");

        Assert.Equal(new[] { new DockerfileComment("escape=`", 2) }, result.Root.Children[0].PrevComment);
    }

    [Fact]
    public void Repeated_directive_is_refused_at_its_line()
    {
        var error = Assert.Throws<DockerfileParseException>(() => DockerfileParser.Parse("# syntax=a\n# escape=`\n# syntax=b\nFROM x\n"));

        Assert.Equal("only one syntax parser directive can be used", error.Reason);
        Assert.Equal("line 3: only one syntax parser directive can be used", error.Message);
    }

    [Theory]
    [InlineData("# escape=x\nFROM a\n", "invalid escape token 'x' does not match ` or \\")]
    [InlineData("# escape=``\nFROM a\n", "invalid escape token '``' does not match ` or \\")]
    [InlineData("# escape= \nFROM a\n", "invalid escape token ' ' does not match ` or \\")]
    public void Invalid_escape_token_is_refused(string text, string reason)
    {
        var error = Assert.Throws<DockerfileParseException>(() => DockerfileParser.Parse(text));

        Assert.Equal(reason, error.Reason);
        Assert.Equal(1, error.StartLine);
    }

    [Fact]
    public void Directive_is_not_a_previous_comment_but_the_comment_after_it_is()
    {
        var result = DockerfileParser.Parse("# syntax=x\n# note\nFROM a\n");

        Assert.Equal(new[] { new DockerfileComment("note", 2) }, result.Root.Children[0].PrevComment);
    }

    [Fact]
    public void FindDirective_reads_check_as_text()
    {
        var directive = DockerfileParser.FindDirective("# syntax=a\n# check=skip=all;error=true\nFROM x\n", "check");

        Assert.Equal(new ParserDirective("check", "skip=all;error=true", 2), directive);
    }

    [Fact]
    public void FindDirective_skips_a_shebang_and_does_not_trim_indentation()
    {
        Assert.Equal(new ParserDirective("check", "skip=all", 2), DockerfileParser.FindDirective("#!/usr/bin/env x\n# check=skip=all\r\nFROM x\n", "check"));
        Assert.Null(DockerfileParser.FindDirective("  # check=skip=all\nFROM x\n", "check"));
    }

    [Fact]
    public void DetectSyntax_accepts_hash_slash_slash_and_json_forms()
    {
        Assert.Equal(new ParserDirective("syntax", "docker/dockerfile:1 --x", 1), DockerfileParser.DetectSyntax("# syntax = docker/dockerfile:1 --x\nFROM x\n"));
        Assert.Equal(new ParserDirective("syntax", "a/b", 1), DockerfileParser.DetectSyntax("// syntax=a/b\nFROM x\n"));
        Assert.Equal(new ParserDirective("syntax", "c/d", 0), DockerfileParser.DetectSyntax("{\"syntax\": \"c/d\", \"other\": [1, 2]}"));
        Assert.Equal(new ParserDirective("syntax", "e", 1), DockerfileParser.DetectSyntax("#!/bin/x\n{\"syntax\": 1, \"syntax\": \"e\"}"));
        Assert.Null(DockerfileParser.DetectSyntax("{\"syntax\": 1}"));
        Assert.Null(DockerfileParser.DetectSyntax("FROM x\n# syntax=a\n"));
    }
}

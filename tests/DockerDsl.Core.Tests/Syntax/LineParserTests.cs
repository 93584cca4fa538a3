using System.Linq;
using DockerDsl.Core.Text;
using DockerDsl.Core.Text.Syntax;

namespace DockerDsl.Core.Tests.Syntax;

/// <summary>The per-instruction line parsers and Dump's quoting.</summary>
public class LineParserTests
{
    private static string Dump(string text) => DockerfileParser.Parse(text).Root.Dump();

    [Theory]
    [InlineData("ENV a b c", "(env \"a\" \"b c\" \"\")")]
    [InlineData("ENV a=b c=\"d e\"", "(env \"a\" \"b\" \"=\" \"c\" \"\\\"d e\\\"\" \"=\")")]
    [InlineData("ENV a=", "(env \"a\" \"\" \"=\")")]
    [InlineData("LABEL \"a b\"=c", "(label \"\\\"a b\\\"\" \"c\" \"=\")")]
    [InlineData("LABEL a\tb", "(label \"a\" \"b\" \"\")")]
    [InlineData("ARG a b=c \"d\"=", "(arg \"a\" \"b=c\" \"\\\"d\\\"=\")")]
    [InlineData("ARG", "(arg)")]
    [InlineData("FROM a  AS   b", "(from \"a\" \"AS\" \"b\")")]
    [InlineData("EXPOSE 80/tcp 443", "(expose \"80/tcp\" \"443\")")]
    [InlineData("WORKDIR  /a b ", "(workdir \"/a b\")")]
    [InlineData("USER", "(user)")]
    [InlineData("STOPSIGNAL SIGKILL", "(stopsignal \"SIGKILL\")")]
    [InlineData("MAINTAINER me <a@b>", "(maintainer \"me <a@b>\")")]
    [InlineData("VOLUME /a /b", "(volume \"/a\" \"/b\")")]
    [InlineData("VOLUME [\"/a\", \"/b\"]", "(volume \"/a\" \"/b\")")]
    [InlineData("SHELL [\"pwsh\", \"-c\"]", "(shell \"pwsh\" \"-c\")")]
    [InlineData("HEALTHCHECK NONE", "(healthcheck \"NONE\")")]
    [InlineData("HEALTHCHECK --interval=1s CMD [\"a\"]", "(healthcheck [\"--interval=1s\"] \"CMD\" \"a\")")]
    [InlineData("ONBUILD", "(onbuild)")]
    [InlineData("ONBUILD --x=1 ADD --chown=a a b", "(onbuild [\"--x=1\"] (add [\"--chown=a\"] \"a\" \"b\"))")]
    [InlineData("FOO bar baz", "(foo \"\")")]
    [InlineData("rUn echo", "(run \"echo\")")]
    [InlineData("RUN --mount=type=cache,target=\"/a b\" --network=none make --jobs=2", "(run [\"--mount=type=cache,target=/a b\" \"--network=none\"] \"make --jobs=2\")")]
    [InlineData("COPY --from=a -- --b c", "(copy [\"--from=a\"] \"--b\" \"c\")")]
    [InlineData("COPY --", "(copy)")]
    [InlineData("COPY --a=\"\" b c", "(copy [\"--a=\"] \"b\" \"c\")")]
    [InlineData("COPY --a=\\\" b c", "(copy [\"--a=\\\"\"] \"b\" \"c\")")]
    [InlineData("CMD [\"a\", 1e999]", "(cmd \"[\\\"a\\\", 1e999]\")")]
    [InlineData("CMD [\"a\"] x", "(cmd \"[\\\"a\\\"] x\")")]
    [InlineData("CMD [\"\\ud83d\\ude00\", \"\\ud800\"]", "(cmd \"😀\" \"\ufffd\")")]
    [InlineData("CMD [\"a\\u0041\\n\"]", "(cmd \"aA\\n\")")]
    public void Instruction_dumps_as_BuildKit(string line, string dump) => Assert.Equal("(from \"x\")\n" + dump, Dump("FROM x\n" + line + "\n"));

    [Theory]
    [InlineData("foo", "foo")]
    [InlineData("foo bar", "foo|bar")]
    [InlineData("foo\\ bar", "foo\\ bar")]
    [InlineData("foo=bar", "foo=bar")]
    [InlineData("foo bar 'abc xyz'", "foo|bar|'abc xyz'")]
    [InlineData("foo bar \"abc xyz\"", "foo|bar|\"abc xyz\"")]
    [InlineData("àöû", "àöû")]
    [InlineData("föo bàr \"âbc xÿz\"", "föo|bàr|\"âbc xÿz\"")]
    [InlineData("a \"\" ''", "a|\"\"|''")]
    [InlineData("'a \\' b", "'a \\'|b")]
    [InlineData("\"a \\\" b\" c", "\"a \\\" b\"|c")]
    [InlineData("a\u00a0b\u3000c", "a|b|c")]
    public void Words_as_BuildKit_TestParseWords(string rest, string words) =>
        Assert.Equal(words, string.Join("|", LineParsers.Words(rest, '\\')));

    [Theory]
    [InlineData("[]", "")]
    [InlineData("[\"\"]", "")]
    [InlineData("[\"a\",\"b\"]", "a|b")]
    [InlineData("\t[\t\"a\",\t\"b\"\t]\t", "a|b")]
    [InlineData("[\"abc 123\", \"♥\", \"☃\", \"\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u0000\"]", "abc 123|♥|☃|\" \\ / \b \f \n \r \t \u0000")]
    public void Json_arrays_as_BuildKit_TestJSONArraysOfStrings(string json, string values)
    {
        var node = DockerfileParser.Parse("CMD " + json + "\n").Root.Children[0];

        Assert.True(node.IsJson);
        Assert.Equal(values, string.Join("|", node.Next));
    }

    [Fact]
    public void Keyword_keeps_its_case_and_value_is_lowered()
    {
        var node = DockerfileParser.Parse("fRoM x\n").Root.Children[0];

        Assert.Equal(("fRoM", "from"), (node.Keyword, node.Value));
    }

    [Fact]
    public void Json_form_is_flagged()
    {
        var children = DockerfileParser.Parse("FROM x\nCMD [\"a\"]\nCMD a\nHEALTHCHECK CMD [\"b\"]\n").Root.Children;

        Assert.Equal(new[] { false, true, false, true }, children.Select(c => c.IsJson));
    }

    [Theory]
    [InlineData("CMD [\"a\",42,\"b\"]")]
    [InlineData("RUN [\"a\",{},\"b\"]")]
    [InlineData("COPY [\"a\",[\"c\"],\"b\"]")]
    [InlineData("ENTRYPOINT [\"a\",true,\"b\"]")]
    [InlineData("SHELL [\"a\",null,\"b\"]")]
    [InlineData("HEALTHCHECK CMD [1]")]
    public void Json_array_of_other_than_strings_is_refused(string line)
    {
        var error = Assert.Throws<DockerfileParseException>(() => DockerfileParser.Parse("FROM x\n" + line + "\n"));

        Assert.Equal("line 2: when using JSON array syntax, arrays must be comprised of strings only", error.Message);
    }

    [Theory]
    [InlineData("ENV a", "ENV must have two arguments")]
    [InlineData("LABEL a", "LABEL must have two arguments")]
    [InlineData("ENV a=b c", "Syntax error - can't find = in \"c\". Must be of the form: name=value")]
    [InlineData("ENV a\u00A0b", "ENV must have two arguments")]
    public void Name_value_errors_are_BuildKit_messages(string line, string reason)
    {
        var error = Assert.Throws<DockerfileParseException>(() => DockerfileParser.Parse("FROM x\n" + line + "\n"));

        Assert.Equal(reason, error.Reason);
        Assert.Equal(2, error.StartLine);
    }

    [Fact]
    public void Error_in_a_continued_instruction_names_its_lines()
    {
        var error = Assert.Throws<DockerfileParseException>(() => DockerfileParser.Parse("FROM x\nENV \\\n  a\n"));

        Assert.Equal("lines 2-3: ENV must have two arguments", error.Message);
    }

    [Fact]
    public void Non_ascii_flag_is_read_byte_by_byte_as_BuildKit()
    {
        var node = DockerfileParser.Parse("FROM x\nCOPY --chown=é a b\n").Root.Children[1];

        Assert.Equal(new[] { "--chown=Ã©" }, node.Flags);
        Assert.Equal(new[] { "a", "b" }, node.Next);
    }

    [Fact]
    public void Onbuild_nests_its_instruction()
    {
        var onbuild = DockerfileParser.Parse("FROM x\nONBUILD run [\"a\"]\n").Root.Children[1];

        var nested = Assert.Single(onbuild.Children);
        Assert.Empty(onbuild.Next);
        Assert.Equal((2, 2), (nested.StartLine, nested.EndLine));
        Assert.Equal(("run", "run [\"a\"]", true), (nested.Keyword, nested.Original, nested.IsJson));
    }

    [Fact]
    public void Deep_onbuild_chain_does_not_overflow_the_stack()
    {
        var line = string.Concat(Enumerable.Repeat("ONBUILD ", 8000)) + "RUN x";

        var node = DockerfileParser.Parse("FROM x\n" + line + "\n").Root.Children[1];

        Assert.EndsWith("(run \"x\")" + new string(')', 7999), node.Dump());
    }

    [Fact]
    public void Deep_json_nesting_falls_back_to_shell_form()
    {
        var deep = "[" + new string('[', 10000) + new string(']', 10000) + "]";

        var node = DockerfileParser.Parse("FROM x\nCMD " + deep + "\n").Root.Children[1];

        Assert.False(node.IsJson);
        Assert.Equal(deep, node.Next.Single());
    }

    [Theory]
    [InlineData("a\u0000b", "\"a\\x00b\"")]
    [InlineData("\u0007\u0008\f\n\r\t\v\u001b\u007f", "\"\\a\\b\\f\\n\\r\\t\\v\\x1b\\x7f\"")]
    [InlineData("\u00a0\u00ad\u2028\ufeff", "\"\\u00a0\\u00ad\\u2028\\ufeff\"")]
    [InlineData("é♥😀\ufffd", "\"é♥😀\ufffd\"")]
    [InlineData("\ue000\U0010fffd", "\"\\ue000\\U0010fffd\"")]
    [InlineData("\"\\", "\"\\\"\\\\\"")]
    [InlineData("\u0085\u0300", "\"\\u0085\u0300\"")]
    public void Quote_follows_Go_strconv_Quote(string value, string quoted) => Assert.Equal(quoted, GoText.Quote(value));
}

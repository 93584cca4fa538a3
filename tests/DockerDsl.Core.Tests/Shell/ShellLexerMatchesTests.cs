using System.Collections.Generic;
using System.Linq;
using DockerDsl.Core.Text.Shell;

namespace DockerDsl.Core.Tests.Shell;

/// <summary>Which names a word looks up and finds or does not find (BuildKit's ProcessWordWithMatches), what the UndefinedVar check reads.</summary>
public class ShellLexerMatchesTests
{
    private static readonly ShellLexer Lexer = new('\\');

    public static IEnumerable<object[]> Cases()
    {
        // input, environment entries, result, matched, unmatched (in first-reference order)
        yield return Case("x", new[] { "DUMMY=dummy" }, "x", "", "");
        yield return Case("x ${UNUSED}", new[] { "DUMMY=dummy" }, "x ", "", "UNUSED");
        yield return Case("x ${FOO}", new[] { "FOO=y" }, "x y", "FOO", "");
        yield return Case("${FOO-aaa} ${BAR-bbb} ${BAZ-ccc}", new[] { "FOO=xxx", "BAR=" }, "xxx  ccc", "FOO,BAR", "BAZ");
        yield return Case("${FOO:-aaa} ${BAR:-bbb} ${BAZ:-ccc}", new[] { "FOO=xxx", "BAR=" }, "xxx bbb ccc", "FOO,BAR", "BAZ");
        yield return Case("${FOO:-}", new[] { "FOO=xxx", "BAR=" }, "xxx", "FOO", "");
        yield return Case("${FOO:-}", new string[0], "", "", "FOO");
        yield return Case("${FOO+aaa} ${BAR+bbb} ${BAZ+ccc}", new[] { "FOO=xxx", "BAR=" }, "aaa bbb ", "FOO,BAR", "BAZ");
        yield return Case("${FOO:+aaa} ${BAR:+bbb} ${BAZ:+ccc}", new[] { "FOO=xxx", "BAR=" }, "aaa  ", "FOO,BAR", "BAZ");
        yield return Case("${FOO?aaa}", new[] { "FOO=xxx", "BAR=" }, "xxx", "FOO", "");
        yield return Case("${BAR?bbb}", new[] { "FOO=xxx", "BAR=" }, "", "BAR", "");
        yield return Case("${FOO:?aaa}", new[] { "FOO=xxx", "BAR=" }, "xxx", "FOO", "");
        yield return Case("${ABC:-.}${FOO%x}${ABC:-.}", new[] { "FOO=xxyy" }, ".xxyy.", "FOO", "ABC");
        yield return Case("${FOO#$BAR}", new[] { "FOO=xxyy", "BAR=x" }, "xyy", "BAR,FOO", "");
        yield return Case("${FOO///}", new string[0], "", "", "FOO");

        // The word of a form is processed, and its names looked up, before the form's own name, whatever the form does.
        yield return Case("${foo:-$bar}", new string[0], "", "", "bar,foo");
        yield return Case("${foo:+$bar}", new string[0], "", "", "bar,foo");
        yield return Case("${foo:-x}", new string[0], "x", "", "foo");
        yield return Case("${foo-x}", new[] { "foo=" }, "", "foo", "");

        // Quotes: double quotes expand, single quotes and escapes do not look anything up.
        yield return Case("\"$foo\"", new string[0], "", "", "foo");
        yield return Case("'$foo'", new string[0], "$foo", "", "");
        yield return Case("\\$foo", new string[0], "$foo", "", "");
        yield return Case("\"\\$foo\"", new string[0], "$foo", "", "");
        yield return Case("\\${foo}", new string[0], "${foo}", "", "");

        // Positional and special parameters are looked up (and never set).
        yield return Case("$1 ${@} $$", new string[0], "  ", "", "1,@,$");
        yield return Case("$foo $foo ${foo}", new string[0], "  ", "", "foo");
        yield return Case("$a.", new string[0], ".", "", "a");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reports_matched_and_unmatched_names(string input, string[] entries, string result, string matched, string unmatched)
    {
        var processed = Lexer.ProcessWordWithMatches(input, ShellEnvironment.FromEntries(entries));

        Assert.Equal(result, processed.Result);
        Assert.Equal(Names(matched), processed.Matched.ToArray());
        Assert.Equal(Names(unmatched), processed.Unmatched.ToArray());
    }

    [Fact]
    public void Names_looked_up_before_an_error_are_on_the_exception()
    {
        var error = Assert.Throws<ShellLexException>(() => Lexer.ProcessWordWithMatches("${a:-$b}$HOME${c?}", ShellEnvironment.FromEntries(new[] { "HOME=/root" })));

        Assert.Equal(ShellLexErrorKind.RequiredVariable, error.Kind);
        Assert.Equal(new[] { "HOME" }, error.Matched.ToArray());
        Assert.Equal(new[] { "b", "a", "c" }, error.Unmatched.ToArray());
    }

    [Fact]
    public void Names_are_reported_as_written_on_Windows()
    {
        var environment = ShellEnvironment.FromEntries(new[] { "PWD=/home" }, EnvironmentKeyComparison.CaseInsensitive);

        var processed = Lexer.ProcessWordWithMatches("$pwd ${Pwd} $PWD", environment);

        Assert.Equal("/home /home /home", processed.Result);
        Assert.Equal(new[] { "pwd", "Pwd", "PWD" }, processed.Matched.ToArray());
        Assert.Empty(processed.Unmatched);
    }

    [Fact]
    public void Names_are_case_sensitive_on_Unix()
    {
        var processed = Lexer.ProcessWordWithMatches("$pwd$PWD", ShellEnvironment.FromEntries(new[] { "PWD=/home" }));

        Assert.Equal("/home", processed.Result);
        Assert.Equal(new[] { "PWD" }, processed.Matched.ToArray());
        Assert.Equal(new[] { "pwd" }, processed.Unmatched.ToArray());
    }

    [Fact]
    public void The_release_file_name_of_BuildKit_expands_with_or_without_a_variant()
    {
        const string Release = "something-${VERSION}.${TARGETOS}-${TARGETARCH}${TARGETVARIANT:+-${TARGETVARIANT}}.tar.gz";

        Assert.Equal("something-v1.2.3.linux-arm-v7.tar.gz", Lexer.ProcessWord(Release, ShellEnvironment.FromEntries(new[] { "VERSION=v1.2.3", "TARGETOS=linux", "TARGETARCH=arm", "TARGETVARIANT=v7" })));
        Assert.Equal("something-v1.2.3.linux-arm64.tar.gz", Lexer.ProcessWord(Release, ShellEnvironment.FromEntries(new[] { "VERSION=v1.2.3", "TARGETOS=linux", "TARGETARCH=arm64", "TARGETVARIANT=" })));
        Assert.Equal("something-v1.2.3.linux-arm64.tar.gz", Lexer.ProcessWord(Release, ShellEnvironment.FromEntries(new[] { "VERSION=v1.2.3", "TARGETOS=linux", "TARGETARCH=arm64" })));
    }

    private static object[] Case(string input, string[] entries, string result, string matched, string unmatched) =>
        new object[] { input, entries, result, matched, unmatched };

    private static string[] Names(string list) => list.Length == 0 ? new string[0] : list.Split(',');
}

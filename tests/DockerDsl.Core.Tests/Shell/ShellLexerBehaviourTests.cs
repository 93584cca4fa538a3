using System;
using System.Linq;
using DockerDsl.Core.Text.Shell;

namespace DockerDsl.Core.Tests.Shell;

/// <summary>The lexer's options, escape token, patterns and errors, beyond BuildKit's two tables.</summary>
public class ShellLexerBehaviourTests
{
    private static readonly ShellEnvironment Environment = ShellEnvironment.FromEntries(new[] { "FOO=xxyy", "EMPTY=", "SPACE=a  b", "PWD=/home" });

    [Theory]
    [InlineData("${FOO#*x*y}", "y")]
    [InlineData("${FOO#*}", "xxyy")]
    [InlineData("${FOO##*}", "")]
    [InlineData("${FOO##*x}", "yy")]
    [InlineData("${FOO#}", "xxyy")]
    [InlineData("${FOO%y*}", "xxy")]
    [InlineData("${FOO%%y*}", "xx")]
    [InlineData("${FOO%}", "xxyy")]
    [InlineData("${FOO#$EMPTY}", "xxyy")]
    [InlineData("${FOO/x/-}", "-xyy")]
    [InlineData("${FOO//x/-}", "--yy")]
    [InlineData("${FOO/$EMPTY/ww}", "wwxxyy")]
    [InlineData("${FOO///}", "xxyy")]
    [InlineData("${NOPE/x/-}", "")]
    public void Patterns_trim_and_replace(string input, string expected) =>
        Assert.Equal(expected, new ShellLexer().ProcessWord(input, Environment));

    [Theory]
    [InlineData("()[]{}^$.*?|\\x", "${X#()[]{\\}^$.\\*\\?|\\\\}", "x")]
    [InlineData("xx**", "${X%%\\**}", "xx")]
    [InlineData("???y", "${X#?\\?}", "?y")]
    [InlineData("a***yy*", "${X%%\\**\\*}", "a")]
    [InlineData("/tmp/foo.txt", "${X//\\//\\/}", "\\/tmp\\/foo.txt")]
    [InlineData("a\nb", "${X#*b}", "a\nb")]
    [InlineData("a\nb", "${X//?/-}", "-\n-")]
    [InlineData("\U0001F600b", "${X#?}", "b")]
    [InlineData("a\U0001F600", "${X%?}", "a")]
    [InlineData("abc", "${X//*/-}", "-")]
    [InlineData("ab", "${X///-}", "-a-b-")]
    public void Patterns_match_as_BuildKit_s_Go_expressions(string value, string input, string expected) =>
        Assert.Equal(expected, new ShellLexer().ProcessWord(input, ShellEnvironment.FromEntries(new[] { "X=" + value })));

    [Theory]
    [InlineData("/$PAT/", "/tmp", "/tmp/tmp/bar.txt", "/tmp/bar.txt")]
    [InlineData("//$PAT/", "/tmp", "/tmp/tmp/bar.txt", "/bar.txt")]
    [InlineData("/$PAT/.", "\\*/", "/foo*/*/*.txt", "/foo.*/*.txt")]
    [InlineData("//$PAT/.", "\\*/", "/foo*/*/*.txt", "/foo..*.txt")]
    [InlineData("//$PAT/$REPL", "/?/", "/a/foo/b/c.txt", "/foo/c.txt")]
    public void Patterns_can_come_from_variables(string operation, string pattern, string value, string expected)
    {
        var environment = ShellEnvironment.FromEntries(new[] { "X=" + value, "PAT=" + pattern, "REPL=/" });

        Assert.Equal(expected, new ShellLexer().ProcessWord("${X" + operation + "}", environment));
    }

    [Theory]
    [InlineData("$$", "$b$")]
    [InlineData("<$0>", "<a>b<a>")]
    [InlineData("${0}x", "axbax")]
    [InlineData("$1|$x|${x}", "||b||")]
    [InlineData("$", "$b$")]
    [InlineData("${0", "${0b${0")]
    public void Replacing_every_match_reads_Go_s_template_syntax(string replacement, string expected)
    {
        var environment = ShellEnvironment.FromEntries(new[] { "X=aba", "R=" + replacement });

        Assert.Equal(expected, new ShellLexer().ProcessWord("${X//a/$R}", environment));
        Assert.Equal(replacement + "ba", new ShellLexer().ProcessWord("${X/a/$R}", environment));
    }

    [Fact]
    public void The_backtick_escape_token_escapes_and_the_backslash_is_a_character()
    {
        var lexer = new ShellLexer('`');

        Assert.Equal("a$FOO", lexer.ProcessWord("a`$FOO", Environment));
        Assert.Equal("a\"b", lexer.ProcessWord("\"a`\"b\"", Environment));
        Assert.Equal("C:\\path\\xxyy", lexer.ProcessWord("C:\\path\\$FOO", Environment));
        Assert.Equal(new[] { "a b", "c" }, lexer.ProcessWords("a` b c", Environment).ToArray());
    }

    [Fact]
    public void Raw_quotes_keep_the_quotes()
    {
        var lexer = new ShellLexer('\\', new ShellLexerOptions { RawQuotes = true });

        Assert.Equal("a\"b xxyy\"'$FOO'", lexer.ProcessWord("a\"b $FOO\"'$FOO'", Environment));
        Assert.Equal(new[] { "\"a b\"", "c" }, lexer.ProcessWords("\"a b\" c", Environment).ToArray());
    }

    [Fact]
    public void Raw_escapes_keep_the_escapes()
    {
        var lexer = new ShellLexer('\\', new ShellLexerOptions { RawEscapes = true });

        Assert.Equal("a\\ b\\$FOO", lexer.ProcessWord("a\\ b\\$FOO", Environment));
        Assert.Equal(new[] { "a\\ b" }, lexer.ProcessWords("a\\ b", Environment).ToArray());
        Assert.Equal("\\\"", lexer.ProcessWord("\"\\\"\"", Environment));

        // In double quotes an escape before another character is kept, and kept once more as raw (BuildKit does both).
        Assert.Equal("\\\\t", lexer.ProcessWord("\"\\t\"", Environment));

        // The word of ${VAR:-word} is read without raw escapes; a pattern always keeps them.
        Assert.Equal("$x", lexer.ProcessWord("${NOPE:-\\$x}", Environment));
    }

    [Fact]
    public void Skipping_quote_processing_reads_quotes_as_characters()
    {
        var lexer = new ShellLexer('\\', new ShellLexerOptions { SkipProcessQuotes = true });

        Assert.Equal("'xxyy' \"xxyy\"", lexer.ProcessWord("'$FOO' \"$FOO\"", Environment));
        Assert.Equal("'abc", lexer.ProcessWord("'abc", Environment));
        Assert.Equal(new[] { "\"a", "b\"" }, lexer.ProcessWords("\"a b\"", Environment).ToArray());
    }

    [Fact]
    public void Skipping_unset_variables_leaves_them_as_written()
    {
        var lexer = new ShellLexer('\\', new ShellLexerOptions { SkipUnsetEnv = true });

        Assert.Equal("$X ${X} ${X:-xxyy} ${X+a} ${X?} ${X#a} xxyy", lexer.ProcessWord("$X ${X} ${X:-$FOO} ${X+a} ${X?} ${X#a} $FOO", Environment));

        // BuildKit writes one '/' back for '//'.
        Assert.Equal("${X/a/b}", lexer.ProcessWord("${X//a/b}", Environment));
        Assert.Equal("--yy", lexer.ProcessWord("${FOO//x/-}", Environment));
    }

    [Fact]
    public void Words_split_at_unquoted_white_space_and_in_expanded_values()
    {
        var lexer = new ShellLexer();

        Assert.Equal(new[] { "a", "b" }, lexer.ProcessWords("a \"\" b", Environment).ToArray());
        Assert.Equal(new[] { "x", "a", "b", "y" }, lexer.ProcessWords("x $SPACE y", Environment).ToArray());
        Assert.Equal(new[] { "xa  by" }, lexer.ProcessWords("x\"$SPACE\"y", Environment).ToArray());
        Assert.Equal(new[] { "pre", "a", "b" }, lexer.ProcessWords("pre ${NOPE:-\"a b\"}", Environment).ToArray());
        Assert.Equal(new[] { "abxxyycd" }, lexer.ProcessWords("ab${NOPE:-$FOO}cd", Environment).ToArray());
        Assert.Empty(lexer.ProcessWords("  ", Environment));
        Assert.Equal("  ", lexer.ProcessWord("  ", Environment));
    }

    [Fact]
    public void Text_scanner_details_a_byte_order_mark_and_NUL()
    {
        var lexer = new ShellLexer();

        Assert.Equal("abc", lexer.ProcessWord("\uFEFFabc", Environment));
        Assert.Equal("a\uFEFFb", lexer.ProcessWord("a\uFEFFb", Environment));
        Assert.Equal("a\0b", lexer.ProcessWord("a\0b", Environment));
        Assert.Equal("abc", lexer.ProcessWord("abc\\", Environment));
        Assert.Equal("$", lexer.ProcessWord("$", Environment));
        Assert.Equal("\u00e9t\u00e9", lexer.ProcessWord("$\u00e9t\u00e9", ShellEnvironment.FromEntries(new[] { "\u00e9t\u00e9=\u00e9t\u00e9" })));
    }

    [Theory]
    [InlineData("'abc", ShellLexErrorKind.UnterminatedQuote, "unexpected end of statement while looking for matching single-quote")]
    [InlineData("\"abc", ShellLexErrorKind.UnterminatedQuote, "unexpected end of statement while looking for matching double-quote")]
    [InlineData("\"abc\\", ShellLexErrorKind.UnterminatedQuote, "unexpected end of statement while looking for matching double-quote")]
    [InlineData("${", ShellLexErrorKind.MissingBrace, "syntax error: missing '}'")]
    [InlineData("${FOO:-abc", ShellLexErrorKind.MissingBrace, "syntax error: missing '}'")]
    [InlineData("${FOO:-\"abc}", ShellLexErrorKind.MissingBrace, "syntax error: missing '}'")]
    [InlineData("${FOO:-abc\\", ShellLexErrorKind.MissingBrace, "syntax error: missing '}'")]
    [InlineData("${FOO:", ShellLexErrorKind.MissingBrace, "syntax error: missing '}'")]
    [InlineData("${FOO:-${NOPE?gone}}", ShellLexErrorKind.RequiredVariable, "NOPE: gone")]
    [InlineData("${FOO:-${NOPE?gone}", ShellLexErrorKind.MissingBrace, "syntax error: missing '}'")]
    [InlineData("${}", ShellLexErrorKind.BadSubstitution, "syntax error: bad substitution")]
    [InlineData("${{FOO}", ShellLexErrorKind.BadSubstitution, "syntax error: bad substitution")]
    [InlineData("${:-x}", ShellLexErrorKind.BadSubstitution, "syntax error: bad substitution")]
    [InlineData("${FOO", ShellLexErrorKind.UnsupportedModifier, "unsupported modifier (\uFFFD) in substitution")]
    [InlineData("${FOO:=x}", ShellLexErrorKind.UnsupportedModifier, "unsupported modifier (:=) in substitution")]
    [InlineData("${FOO=x}", ShellLexErrorKind.UnsupportedModifier, "unsupported modifier (=) in substitution")]
    [InlineData("${FOO:#x}", ShellLexErrorKind.UnsupportedModifier, "unsupported modifier (:#) in substitution")]
    [InlineData("${FOO:%x}", ShellLexErrorKind.UnsupportedModifier, "unsupported modifier (:%) in substitution")]
    [InlineData("${FOO x}", ShellLexErrorKind.UnsupportedModifier, "unsupported modifier ( ) in substitution")]
    [InlineData("${.}", ShellLexErrorKind.UnsupportedModifier, "unsupported modifier (.) in substitution")]
    [InlineData("${NOPE?}", ShellLexErrorKind.RequiredVariable, "NOPE: is not allowed to be unset")]
    [InlineData("${EMPTY:?}", ShellLexErrorKind.RequiredVariable, "EMPTY: is not allowed to be empty")]
    [InlineData("${NOPE:?message here$FOO}", ShellLexErrorKind.RequiredVariable, "NOPE: message herexxyy")]
    [InlineData("${FOO/x", ShellLexErrorKind.MissingSlash, "syntax error: missing '/' in ${}")]
    [InlineData("${FOO//ww}", ShellLexErrorKind.MissingSlash, "syntax error: missing '/' in ${}")]
    [InlineData("${FOO/x/y", ShellLexErrorKind.MissingBrace, "syntax error: missing '}'")]
    [InlineData("${FOO#\\x}", ShellLexErrorKind.InvalidPattern, "invalid pattern (\\x) in substitution: invalid escape '\\x'")]
    [InlineData("${FOO%a\\x}", ShellLexErrorKind.InvalidPattern, "invalid pattern (\\xa) in substitution: invalid escape '\\x'")]
    [InlineData("${FOO/\\x/}", ShellLexErrorKind.InvalidPattern, "invalid pattern (\\x) in substitution: invalid escape '\\x'")]
    public void Errors_carry_BuildKit_s_messages(string input, ShellLexErrorKind kind, string reason)
    {
        var error = Assert.Throws<ShellLexException>(() => new ShellLexer().ProcessWord(input, Environment));

        Assert.Equal(kind, error.Kind);
        Assert.Equal(reason, error.Reason);
        Assert.Equal(input, error.Word);
    }

    [Fact]
    public void The_message_quotes_the_word_as_Go_does()
    {
        var error = Assert.Throws<ShellLexException>(() => new ShellLexer().ProcessWord("\"a\tb\\\u00e9\u00a0\0\U0001F600", Environment));

        Assert.Equal("failed to process \"\\\"a\\tb\\\\\u00e9\\u00a0\\x00\U0001F600\": unexpected end of statement while looking for matching double-quote", error.Message);
    }

    [Fact]
    public void A_required_variable_may_be_empty_without_the_colon()
    {
        var lexer = new ShellLexer();

        Assert.Equal("plain", lexer.ProcessWord("${VAR:?message here$ARG}", ShellEnvironment.FromEntries(new[] { "VAR=plain", "ARG=x" })));
        Assert.Equal("plain", lexer.ProcessWord("${VAR?message here$ARG}", ShellEnvironment.FromEntries(new[] { "VAR=plain", "ARG=x" })));
        Assert.Equal(string.Empty, lexer.ProcessWord("${VAR?message here$ARG}", ShellEnvironment.FromEntries(new[] { "VAR=", "ARG=x" })));
        Assert.Contains("message herex", Assert.Throws<ShellLexException>(() => lexer.ProcessWord("${VAR:?message here$ARG}", ShellEnvironment.FromEntries(new[] { "VAR=", "ARG=x" }))).Message, StringComparison.Ordinal);
        Assert.Contains("message herex", Assert.Throws<ShellLexException>(() => lexer.ProcessWord("${VAR?message here$ARG}", ShellEnvironment.FromEntries(new[] { "ARG=x" }))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_the_two_Dockerfile_escape_tokens_are_accepted()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ShellLexer('$'));
        Assert.Throws<ArgumentNullException>(() => new ShellLexer().ProcessWord(null!, Environment));
    }
}

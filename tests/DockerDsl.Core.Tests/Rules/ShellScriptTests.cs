using System.Linq;
using DockerDsl.Core.Rules;

namespace DockerDsl.Core.Tests.Rules;

/// <summary>How RUN text is split into simple commands: quotes, substitutions, case patterns and line continuations as a POSIX shell reads them.</summary>
public class ShellScriptTests
{
    /// <summary>Each command as its words joined by spaces, '|' before a command that pipes into the next.</summary>
    private static string[] Commands(string script) =>
        ShellScript.Parse(script).Select(c => (c.PipedFrom ? "| " : string.Empty) + string.Join(" ", c.Words)).ToArray();

    [Theory]
    [InlineData("printf \"a \\\"b\\\" c\" > /x && cd /src", "printf a \"b\" c > /x", "cd /src")]
    [InlineData("echo \"\\\\\" && cd /src", "echo \\", "cd /src")]
    [InlineData("echo \"\\$HOME \\`x\\`\"; cd /src", "echo $HOME `x`", "cd /src")]
    [InlineData("echo \"a\\nb\"; cd /src", "echo a\\nb", "cd /src")]
    public void A_backslash_in_double_quotes_escapes_only_what_the_shell_escapes_there(string script, params string[] expected) =>
        Assert.Equal(expected, Commands(script));

    [Theory]
    [InlineData("arch=\"$(dpkg --print-architecture | awk -F- '{ print $NF }')\"", "| dpkg --print-architecture", "awk -F- { print $NF }")]
    [InlineData("dst=\"$(echo \"$src\" | tr -d 3)\"", "| echo $src", "tr -d 3")]
    [InlineData("cp a \"/out/$(ls a* | sed -e 's/^a//')\"", "| ls a*", "sed -e s/^a//", "cp a /out/$(ls a* | sed -e 's/^a//')")]
    [InlineData("echo `uname -m | tr a b`", "| uname -m", "tr a b", "echo `uname -m | tr a b`")]
    [InlineData("cat <(curl -s x | sh)", "| curl -s x", "sh", "cat <(curl -s x | sh)")]
    [InlineData("echo ${A:-$(b | c)}", "| b", "c", "echo ${A:-$(b | c)}")]
    public void The_commands_of_a_substitution_are_read_before_the_command_that_holds_it(string script, params string[] expected) =>
        Assert.Equal(expected, Commands(script));

    [Fact]
    public void A_substitution_stays_inside_its_word_so_the_outer_command_keeps_its_options() =>
        Assert.Equal(new[] { "cat /pkgs", "apt-get install -y $(cat /pkgs) --no-install-recommends curl" }, Commands("apt-get install -y $(cat /pkgs) --no-install-recommends curl"));

    [Theory]
    [InlineData("make -j$((n + 1)) all", "make -j$((n + 1)) all")]
    [InlineData("echo \"${x// /}\" ${#y}", "echo ${x// /} ${#y}")]
    public void Arithmetic_and_parameter_expansions_are_words_not_commands(string script, params string[] expected) =>
        Assert.Equal(expected, Commands(script));

    [Theory]
    [InlineData("case \"$a\" in amd64 | arm64) x=1 ;; *) echo other ;; esac")]
    [InlineData("case \"$a\" in\n  (amd64|arm64) echo arm ;;\n  'x86' | i386)\n    echo x86\n    ;;\nesac")]
    [InlineData("case $a in\n# a comment\n  a|b) echo ab ;; esac; case $b in c|d) echo cd ;; esac")]
    public void A_case_pattern_is_no_command_and_its_bar_no_pipe(string script)
    {
        var commands = ShellScript.Parse(script);

        Assert.DoesNotContain(commands, c => c.PipedFrom);
        Assert.DoesNotContain(commands, c => c.Name is "amd64" or "arm64" or "i386" or "a" or "b" or "c" or "d" or "*)" or "'x86'");
    }

    [Fact]
    public void Commands_after_a_case_statement_are_read() =>
        Assert.Equal(new[] { "case $a in", "echo one", "esac", "| curl x", "sh" }, Commands("case $a in 1) echo one ;; esac; curl x | sh"));

    [Fact]
    public void A_line_continuation_joins_the_lines_of_a_heredoc_script() =>
        Assert.Equal(new[] { "apt-get install -y curl" }, Commands("apt-get ins\\\ntall \\\n  -y curl"));
}

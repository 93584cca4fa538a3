using DockerDsl.Core.Text.Shell;
using DockerDsl.Core.Model;

namespace DockerDsl.Tests;

/// <summary>
/// What a bare word may hold: variable references BuildKit's lexer processes, and nothing that would split
/// it, quote it, escape it, make it a flag or a heredoc, or leave a literal '$'.
/// </summary>
public class WordRuleTests
{
    [Theory]
    [InlineData("/app")]
    [InlineData("$GOPATH")]
    [InlineData("${GOPATH}")]
    [InlineData("$GOPATH/src/app")]
    [InlineData("/opt/${APP}-${VERSION}/bin")]
    [InlineData("${A:-default}")]
    [InlineData("${A-default}")]
    [InlineData("${A:+set}")]
    [InlineData("${A+set}")]
    [InlineData("${A:?required}")]
    [InlineData("${A?required}")]
    [InlineData("${A#prefix}")]
    [InlineData("${A##*/}")]
    [InlineData("${A%suffix}")]
    [InlineData("${A%%.*}")]
    [InlineData("${A/old/new}")]
    [InlineData("${A//old/new}")]
    [InlineData("${A:-${B:-/usr/local}}/bin")]
    [InlineData("${A:-$B}")]
    [InlineData("${A:-}")]
    [InlineData("$_private_1")]
    [InlineData("a}b{c")]
    public void A_word_may_hold_variable_references(string word)
    {
        Assert.Null(ValueRules.Word(word, '\\'));
        Assert.Null(ValueRules.Word(word, '`'));
        new ShellLexer().ProcessWord(word, ShellEnvironment.FromEntries(new[] { "A=a", "B=b" }));
    }

    [Theory]
    [InlineData("$", "starts no variable reference")]
    [InlineData("price$", "starts no variable reference")]
    [InlineData("$$", "starts no variable reference")]
    [InlineData("$@", "starts no variable reference")]
    [InlineData("$1", "not a variable name")]
    [InlineData("${1}", "not a variable name")]
    [InlineData("$é", "not a variable name")]
    [InlineData("$Aé", "not a variable name")]
    [InlineData("${}", "names no variable")]
    [InlineData("${#A}", "names no variable")]
    [InlineData("${A", "without its closing '}'")]
    [InlineData("${A:-x", "without its closing '}'")]
    [InlineData("${A/x}", "without its closing '}'")]
    [InlineData("${A:=x}", "not one of BuildKit's expansions")]
    [InlineData("${A:#x}", "not one of BuildKit's expansions")]
    [InlineData("${A!}", "not one of BuildKit's expansions")]
    [InlineData("${A:-$}", "starts no variable reference")]
    [InlineData("a b", "white space")]
    [InlineData("a\tb", "white space")]
    [InlineData("it's", "quote")]
    [InlineData("\"a\"", "quote")]
    [InlineData("a\\b", "escape character")]
    [InlineData("--chown=0:0", "flag")]
    [InlineData("a\nb", "line break")]
    [InlineData("", "is empty")]
    public void A_word_refuses_what_would_change_its_meaning_or_leave_its_instruction(string word, string reason)
    {
        var problem = ValueRules.Word(word, '\\');

        Assert.NotNull(problem);
        Assert.Contains(reason, problem);
    }

    [Theory]
    [InlineData("$GOPATH")]
    [InlineData("${A}")]
    public void A_literal_word_refuses_every_dollar(string word) =>
        Assert.Contains("'$'", ValueRules.LiteralWord(word, '\\'));

    [Theory]
    [InlineData("Program Files/app", null)]
    [InlineData("my file.txt", null)]
    [InlineData("$HOME/my file", null)]
    [InlineData(" ", "only white space")]
    [InlineData("a\nb", "line break")]
    [InlineData("it's here", "quote")]
    public void A_copy_path_may_hold_white_space(string path, string? reason)
    {
        var problem = ValueRules.Path(path, '\\');

        if (reason is null)
        {
            Assert.Null(problem);
        }
        else
        {
            Assert.Contains(reason, problem);
        }
    }

    [Theory]
    [InlineData("${BASE}", true)]
    [InlineData("$BASE", true)]
    [InlineData("${REGISTRY}/library/debian:${TAG}", true)]
    [InlineData("alpine:${ALPINE_VERSION}", true)]
    [InlineData("golang:${GO_VERSION}-alpine3.23", true)]
    [InlineData("build-base-${BASE_VARIANT}", true)]
    [InlineData("${A:-debian}:12", true)]
    [InlineData("debian:bookworm-slim", true)]
    [InlineData("Debian", false)]
    [InlineData("${BASE} extra", false)]
    [InlineData("debian$", false)]
    public void An_image_reference_may_be_made_of_variables(string image, bool accepted) =>
        Assert.Equal(accepted, ValueRules.Image(image, '\\') is null);

    [Theory]
    [InlineData("$BUILDPLATFORM", true)]
    [InlineData("${TARGETPLATFORM}", true)]
    [InlineData("$PLATFORM", true)]
    [InlineData("linux/${TARGETARCH}", true)]
    [InlineData("${TARGETOS}/${TARGETARCH}", true)]
    [InlineData("linux/amd64", true)]
    [InlineData("linux", false)]
    [InlineData("linux/${ARCH} x", false)]
    [InlineData("$", false)]
    public void A_stage_platform_may_be_made_of_variables(string platform, bool accepted) =>
        Assert.Equal(accepted, ValueRules.StagePlatform(platform, '\\') is null);

    [Theory]
    [InlineData("$APP_UID", true)]
    [InlineData("${UID}:${GID}", true)]
    [InlineData("app:${GID}", true)]
    [InlineData("1001:1001", true)]
    [InlineData("${UID}:", false)]
    [InlineData("$UID:$", false)]
    [InlineData("a b", false)]
    public void An_owner_may_be_made_of_variables(string owner, bool accepted) =>
        Assert.Equal(accepted, ValueRules.Owner(owner, '\\') is null);

    [Theory]
    [InlineData("$MODE", true)]
    [InlineData("0755", true)]
    [InlineData("rwx", false)]
    [InlineData("0$", false)]
    public void A_mode_may_be_a_variable(string mode, bool accepted) =>
        Assert.Equal(accepted, ValueRules.Octal(mode, '\\') is null);

    [Theory]
    [InlineData("$STOP_SIGNAL", true)]
    [InlineData("SIGTERM", true)]
    [InlineData("TERM me", false)]
    public void A_signal_may_be_a_variable(string signal, bool accepted) =>
        Assert.Equal(accepted, ValueRules.Signal(signal, '\\') is null);

    [Fact]
    public void Masking_replaces_each_outermost_reference()
    {
        Assert.Equal("x/library/debian:x", VariableReferences.Mask("${REGISTRY}/library/debian:${TAG}"));
        Assert.Equal("x:x", VariableReferences.Mask("$UID:${GID:-${UID}}"));
        Assert.Equal(new[] { "GID", "UID" }, VariableReferences.Names("${GID:-${UID}}"));
    }
}

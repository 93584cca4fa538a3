namespace DockerDsl.Core.Tests.Lint;

/// <summary>The RUN rules read a heredoc script as the shell gets it: <c>&lt;&lt;-</c> removes the leading tabs first.</summary>
public class HeredocScriptTests
{
    [Fact]
    public void A_tab_stripped_script_with_a_shebang_for_another_interpreter_is_not_read_as_shell() =>
        Assert.Empty(Lints.Lines("DDSL016", "FROM debian:bookworm\nRUN <<-EOF\n\t#!/usr/bin/env python3\n\tsudo = 1\n\tEOF\n"));

    [Fact]
    public void A_tab_stripped_shell_script_is_read_as_shell() =>
        Assert.Equal(new[] { 2 }, Lints.Lines("DDSL016", "FROM debian:bookworm\nRUN <<-EOF\n\t#!/bin/sh\n\tsudo ldconfig\n\tEOF\n"));
}

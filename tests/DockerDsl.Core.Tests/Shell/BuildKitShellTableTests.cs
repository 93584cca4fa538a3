using System;
using System.Collections.Generic;
using System.Linq;
using DockerDsl.Core.Text.Shell;

namespace DockerDsl.Core.Tests.Shell;

/// <summary>
/// Every row of BuildKit's envVarTest and wordsTest, run as lex_test.go runs them: escape token '\',
/// no options, the same environment. envVarTest rows run for Unix (A and U rows, case-sensitive names)
/// and for Windows (A and W rows, names compared case-insensitively).
/// </summary>
public class BuildKitShellTableTests
{
    public static IEnumerable<object[]> UnixEnvVarRows() => ShellTables.EnvVarRows(windows: false);

    public static IEnumerable<object[]> WindowsEnvVarRows() => ShellTables.EnvVarRows(windows: true);

    public static IEnumerable<object[]> WordsRows() => ShellTables.WordsRows();

    [Theory]
    [MemberData(nameof(UnixEnvVarRows))]
    public void EnvVarTest_row_on_Unix(int line, string row) => RunEnvVarRow(line, row, EnvironmentKeyComparison.CaseSensitive);

    [Theory]
    [MemberData(nameof(WindowsEnvVarRows))]
    public void EnvVarTest_row_on_Windows(int line, string row) => RunEnvVarRow(line, row, EnvironmentKeyComparison.CaseInsensitive);

    // TestShellParser4Words reads wordsTest a second time with RawQuotes and SkipUnsetEnv, but from the
    // same file, already at its end, so that pass runs no row: these are the rows it does run.
    [Theory]
    [MemberData(nameof(WordsRows))]
    public void WordsTest_row(int line, string row)
    {
        var parts = row.Split('|');
        Assert.True(parts.Length == 2, $"line {line} has not exactly one '|'");
        var source = parts[0].Trim();
        var expected = parts[1].TrimStart(' ').Split(',');
        var environment = ShellEnvironment.FromEntries(ShellTables.WordsEnvironmentAt(line));
        var lexer = new ShellLexer('\\');

        IReadOnlyList<string> words;
        try
        {
            words = lexer.ProcessWords(source, environment);
        }
        catch (ShellLexException)
        {
            words = new[] { "error" };
        }

        Assert.Equal(expected, words.ToArray());
    }

    private static void RunEnvVarRow(int line, string row, EnvironmentKeyComparison comparison)
    {
        var parts = row.Trim().Split('|');
        Assert.True(parts.Length == 3, $"line {line} has not exactly three fields");
        var source = parts[1].Trim();
        var expected = parts[2].Trim();
        var environment = ShellEnvironment.FromEntries(ShellTables.EnvVarTestEnvironment, comparison);
        var lexer = new ShellLexer('\\');

        if (expected == "error")
        {
            var error = Assert.Throws<ShellLexException>(() => lexer.ProcessWord(source, environment));
            Assert.StartsWith("failed to process ", error.Message, StringComparison.Ordinal);
            Assert.Throws<ShellLexException>(() => lexer.ProcessWordWithMatches(source, environment));
            return;
        }

        Assert.Equal(expected, lexer.ProcessWord(source, environment));
        Assert.Equal(expected, lexer.ProcessWordWithMatches(source, environment).Result);
    }
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace DockerDsl.Core.Tests.Shell;

/// <summary>
/// BuildKit's lexer tables in the corpus (frontend/dockerfile/shell/envVarTest and wordsTest), read line by
/// line as lex_test.go's TestShellParser4EnvVars and TestShellParser4Words read them.
/// </summary>
internal static class ShellTables
{
    /// <summary>The environment TestShellParser4EnvVars runs envVarTest with.</summary>
    public static readonly string[] EnvVarTestEnvironment = { "PWD=/home", "SHELL=bash", "KOREAN=한국어", "NULL=" };

    public static string EnvVarTestPath => Corpus.Path("buildkit-shell", "envVarTest");

    public static string WordsTestPath => Corpus.Path("buildkit-shell", "wordsTest");

    /// <summary>The file's lines as Go's bufio.Scanner gives them: split at '\n', a final '\r' dropped, no empty last line.</summary>
    public static IReadOnlyList<string> Lines(string path)
    {
        var text = File.ReadAllText(path, new UTF8Encoding(false));
        var lines = text.Split('\n').Select(line => line.EndsWith("\r", StringComparison.Ordinal) ? line.Substring(0, line.Length - 1) : line).ToList();
        if (lines.Count > 0 && lines[lines.Count - 1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        return lines;
    }

    /// <summary>
    /// The rows of envVarTest (comments and blank lines skipped) that run on a platform: A and U rows on Unix,
    /// A and W rows on Windows. Each is (platform, 1-based line number, line).
    /// </summary>
    public static IEnumerable<object[]> EnvVarRows(bool windows)
    {
        var lines = Lines(EnvVarTestPath);
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.StartsWith("#", StringComparison.Ordinal) || line.Trim().Length == 0)
            {
                continue;
            }

            var platform = line.Trim().Split('|')[0].Trim();
            if (platform == "A" || platform == (windows ? "W" : "U"))
            {
                yield return new object[] { i + 1, line };
            }
        }
    }

    /// <summary>The test rows of wordsTest (not comments, not ENV lines), each as (1-based line number, line).</summary>
    public static IEnumerable<object[]> WordsRows()
    {
        var lines = Lines(WordsTestPath);
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (!line.StartsWith("#", StringComparison.Ordinal) && !line.StartsWith("ENV ", StringComparison.Ordinal))
            {
                yield return new object[] { i + 1, line };
            }
        }
    }

    /// <summary>The ENV lines of wordsTest above line <paramref name="lineNumber"/>, as lex_test.go accumulates them ("ENV " and leading spaces cut).</summary>
    public static IReadOnlyList<string> WordsEnvironmentAt(int lineNumber) =>
        Lines(WordsTestPath)
            .Take(lineNumber - 1)
            .Where(line => line.StartsWith("ENV ", StringComparison.Ordinal))
            .Select(line => line.Substring(3).TrimStart(' '))
            .ToList();
}

using System;
using System.Linq;
using System.Text;
using System.Threading;
using DockerDsl.Core.Text.Shell;

namespace DockerDsl.Core.Tests.Shell;

/// <summary>Any input gives a result or a <see cref="ShellLexException"/>, never another exception, a stack overflow or a stall.</summary>
public class ShellLexerRobustnessTests
{
    private static readonly string[] Pieces =
    {
        "$", "{", "}", ":", "-", "+", "?", "#", "%", "/", "//", "\\", "`", "'", "\"", "=", " ", "\t", "\n", "\0",
        "a", "X", "_", "1", "@", "*", "!", ".", "${", "${a", ":-", "##", "%%", "\uFEFF", "\u00e9", "\U0001F600", "\uD800", "\uDC00", "한",
    };

    private static readonly ShellEnvironment[] Environments =
    {
        ShellEnvironment.FromEntries(new[] { "a=x y", "X=\\*?$0$$", "_=", "1=one" }),
        ShellEnvironment.FromEntries(new[] { "A=aaaa", "x=/a/b", "\u00e9=\U0001F600" }, EnvironmentKeyComparison.CaseInsensitive),
    };

    [Fact]
    public void Random_words_give_a_result_or_a_ShellLexException()
    {
        var random = new Random(20240607);
        var outcomes = new int[2];
        for (var i = 0; i < 4000; i++)
        {
            var word = RandomWord(random);
            var lexer = new ShellLexer(
                random.Next(4) == 0 ? '`' : '\\',
                new ShellLexerOptions
                {
                    RawQuotes = random.Next(4) == 0,
                    RawEscapes = random.Next(4) == 0,
                    SkipProcessQuotes = random.Next(4) == 0,
                    SkipUnsetEnv = random.Next(4) == 0,
                });
            var environment = Environments[random.Next(Environments.Length)];
            try
            {
                var result = lexer.ProcessWordWithMatches(word, environment);
                Assert.Equal(result.Result, lexer.ProcessWord(word, environment));
                Assert.Equal(result.Words, lexer.ProcessWords(word, environment));
                outcomes[0]++;
            }
            catch (ShellLexException error)
            {
                Assert.Equal(word, error.Word);
                Assert.Throws<ShellLexException>(() => lexer.ProcessWords(word, environment));
                outcomes[1]++;
            }
        }

        // Both outcomes are exercised, so the alphabet is neither too tame nor too hostile.
        Assert.All(outcomes, count => Assert.True(count > 500, $"{outcomes[0]} results, {outcomes[1]} errors"));
    }

    [Theory]
    [InlineData("${a:-")]
    [InlineData("${a:-\"")]
    [InlineData("${a//")]
    [InlineData("${a+'x'")]
    public void Deep_nesting_is_refused_without_overflowing_the_stack(string opening)
    {
        var word = string.Concat(Enumerable.Repeat(opening, 100_000)) + new string('}', 100_000);

        var error = Assert.Throws<ShellLexException>(() => new ShellLexer().ProcessWord(word, Environments[0]));

        Assert.Equal(ShellLexErrorKind.NestingTooDeep, error.Kind);
    }

    [Fact]
    public void Nesting_up_to_the_limit_on_a_small_stack_works_or_is_refused_but_never_overflows()
    {
        var depth = ShellLexer.MaxNestingDepth;
        var word = string.Concat(Enumerable.Repeat("${a:-\"", depth)) + string.Concat(Enumerable.Repeat("\"}", depth));
        string? result = null;
        Exception? failure = null;

        // An exception must not escape the thread: it would end the test process, not fail this test.
        var thread = new Thread(
            () =>
            {
                try
                {
                    result = new ShellLexer().ProcessWord(word, ShellEnvironment.Empty);
                }
                catch (Exception e)
                {
                    failure = e;
                }
            },
            512 * 1024);
        thread.Start();
        thread.Join();

        // How deep a 512 KB stack reaches depends on the build and the JIT; running short is the documented refusal.
        if (failure is null)
        {
            Assert.Equal(string.Empty, result);
        }
        else
        {
            Assert.Equal(ShellLexErrorKind.NestingTooDeep, Assert.IsType<ShellLexException>(failure).Kind);
        }
    }

    [Fact]
    public void Results_that_would_exhaust_memory_are_refused()
    {
        var environment = ShellEnvironment.FromEntries(new[] { "A=" + new string('a', 64) });
        var word = "${A//?/${A//?/${A//?/${A//?/${A//?/$A}}}}}";

        var error = Assert.Throws<ShellLexException>(() => new ShellLexer().ProcessWord(word, environment));

        Assert.Equal(ShellLexErrorKind.ResultTooLong, error.Kind);
    }

    [Fact]
    public void Long_words_are_processed()
    {
        var environment = ShellEnvironment.FromEntries(new[] { "a=x y", "LONG=" + new string('x', 200_000) });
        var words = new[]
        {
            string.Concat(Enumerable.Repeat("$a ${a:-b}\"q $a\"'s' \\$a ", 40_000)),
            "\"" + new string('x', 1_000_000) + "\"",
            "$" + new string('n', 1_000_000),
            "${LONG//?/-}${LONG%%*y}${LONG#*x*x*x}${LONG/x*x/}",
            new string('$', 1_000_000),
        };

        // No stack overflow and no other exception; speed is for the benchmarks.
        foreach (var word in words)
        {
            Assert.NotNull(new ShellLexer().ProcessWords(word, environment));
        }
    }

    private static string RandomWord(Random random)
    {
        var builder = new StringBuilder();
        var length = random.Next(0, 24);
        for (var i = 0; i < length; i++)
        {
            builder.Append(Pieces[random.Next(Pieces.Length)]);
        }

        return builder.ToString();
    }
}

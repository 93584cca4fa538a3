using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using DockerDsl.Core.Text.Syntax;
using DockerDsl.Tests.Shared;

namespace DockerDsl.Core.Tests.Syntax;

/// <summary>The parser throws only <see cref="DockerfileParseException"/>, on any input, however large or deep.</summary>
public class RobustnessTests
{
    private static readonly string[] Tokens =
    {
        "\\", "`", "\"", "'", "[", "]", "{", "}", "$", "${", "${a:-", "${a/", "}", "<", "<<", "<<-", "<<'EOF'", "<<\"EOF\"", "EOF", "\tEOF",
        "\n", "\r", "\r\n", "\t", " ", "\v", "\f", "\0", "\u00A0", "\u0085", "\u2028", "\uFEFF", "\uD800", "\uDC00", "😀", "é", "ठ", "\u007F", "\u001B",
        "#", "# escape=`\n", "# escape=\\\n", "# syntax=x\n", "# check=skip=all\n", "--", "--mount=type=cache,target=/a ", "=", "a=b ", "\\\n", "`\n",
        "ONBUILD ", "RUN ", "COPY ", "ADD ", "HEALTHCHECK ", "ENV ", "LABEL ", "ARG ", "CMD ", "SHELL ", "FROM ", "VOLUME ",
        "[\"a\",", "[\"a\"]", "1e999", "[[[[", "]]]]", "\\u12", "\"\\ud800\"", "null", "true,", "{\"a\":1}",
    };

    public static IEnumerable<string> CorpusDockerfiles()
    {
        var folders = new[] { "buildkit-parser", "buildkit-parser-negative", "buildkit-parser-extra", "buildkit-checks", "real" };
        return folders
            .SelectMany(folder => Directory.GetFiles(Corpus.Path(folder), "*", SearchOption.AllDirectories))
            .Where(path => !path.EndsWith(".json", StringComparison.Ordinal) && !path.EndsWith(".md", StringComparison.Ordinal) && Path.GetFileName(path) != "result")
            .OrderBy(path => path, StringComparer.Ordinal);
    }

    [Fact]
    public void Every_corpus_file_parses_or_is_refused_with_the_parse_error()
    {
        var files = CorpusDockerfiles().ToList();
        Assert.True(files.Count > 150, $"only {files.Count} corpus files");

        foreach (var file in files)
        {
            ParseOrRefuse(File.ReadAllBytes(file), file);
        }
    }

    [Fact]
    public void Random_mutations_of_the_corpus_throw_only_the_parse_error()
    {
        var files = CorpusDockerfiles().Select(File.ReadAllText).ToList();
        var random = new Random(20240611);
        for (var iteration = 0; iteration < 4000; iteration++)
        {
            var text = new StringBuilder(files[random.Next(files.Count)]);
            var mutations = 1 + random.Next(6);
            for (var m = 0; m < mutations; m++)
            {
                Mutate(text, random);
            }

            ParseOrRefuse(text.ToString(), $"iteration {iteration}");
        }
    }

    [Fact]
    public void Random_bytes_throw_only_the_parse_error()
    {
        var random = new Random(7);
        for (var iteration = 0; iteration < 500; iteration++)
        {
            var bytes = new byte[random.Next(2000)];
            random.NextBytes(bytes);
            ParseOrRefuse(bytes, $"iteration {iteration}");
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("\r")]
    [InlineData("\r\r\r")]
    [InlineData("\0\0\0")]
    [InlineData(" \t \v \f ")]
    [InlineData("\uFEFF")]
    [InlineData("\uFEFF\uFEFF")]
    [InlineData("\uD800")]
    [InlineData("\\")]
    [InlineData("`")]
    [InlineData("# escape=`\n`")]
    [InlineData("RUN <<")]
    [InlineData("RUN <<EOF")]
    [InlineData("ONBUILD ONBUILD")]
    [InlineData("CMD [")]
    [InlineData("HEALTHCHECK \u00e0\u00e0 CMD x")]
    [InlineData("COPY --a=\u0800b c")]
    [InlineData("COPY --a=\u1805b c")]
    [InlineData("FROM --a\u0085\n")]
    [InlineData("FROM --a\u0085\u00a0 \nRUN x")]
    public void Odd_inputs_throw_only_the_parse_error(string text) => ParseOrRefuse(text, text);

    [Fact]
    public void Ten_megabytes_of_corpus_instructions_parse()
    {
        // The real Dockerfiles one after another, each kept only if the whole still parses (a file may end mid-continuation).
        var sample = string.Empty;
        foreach (var file in CorpusDockerfiles().Where(path => path.Contains(Path.DirectorySeparatorChar + "real" + Path.DirectorySeparatorChar)))
        {
            var candidate = sample + File.ReadAllText(file) + "\n";
            try
            {
                DockerfileParser.Parse(candidate);
                sample = candidate;
            }
            catch (DockerfileParseException)
            {
            }
        }

        sample += "RUN <<EOF\necho heredoc\nEOF\nCOPY <<A <<B /\na\nA\nb\nB\n";
        var builder = new StringBuilder(10 * 1024 * 1024 + sample.Length);
        while (builder.Length < 10 * 1024 * 1024)
        {
            builder.Append(sample);
        }

        var text = builder.ToString();
        DockerfileParser.Parse(sample);

        var result = DockerfileParser.Parse(text);

        Assert.True(result.Root.Children.Count > 10000, $"{result.Root.Children.Count} instructions");
    }

    [Theory]
    [InlineData("RUN a \\\n", 0)]
    [InlineData("# comment\n", 0)]
    [InlineData("ENV a=b ", 1)]
    [InlineData("RUN <<EOF <<EOF\nEOF\n", 0)]
    [InlineData("\\\n\n", 0)]
    [InlineData("ONBUILD ", 1)]
    public void Pathological_ten_megabytes_are_parsed_or_refused(string unit, int oneLine)
    {
        var builder = new StringBuilder("FROM x\n");
        if (oneLine == 1)
        {
            // As many units as fit in one line, then new lines of them.
            var line = string.Concat(Enumerable.Repeat(unit, 60000 / unit.Length));
            while (builder.Length < 10 * 1024 * 1024)
            {
                builder.Append(unit.StartsWith("ONBUILD", StringComparison.Ordinal) ? line + "RUN x\n" : "ENV " + line + "\n");
            }
        }
        else
        {
            while (builder.Length < 10 * 1024 * 1024)
            {
                builder.Append(unit);
            }

            builder.Append("\nRUN end\n");
        }

        // No stack overflow and no other exception; how fast is the parser benchmark's business.
        ParseOrRefuse(builder.ToString(), unit);
    }

    private static void Mutate(StringBuilder text, Random random)
    {
        var position = text.Length == 0 ? 0 : random.Next(text.Length + 1);
        switch (random.Next(6))
        {
            case 0:
            case 1:
                text.Insert(position, Tokens[random.Next(Tokens.Length)]);
                break;
            case 2:
                text.Remove(position, Math.Min(random.Next(40), text.Length - position));
                break;
            case 3:
                var length = Math.Min(random.Next(200), text.Length - position);
                text.Insert(Math.Min(position + length, text.Length), text.ToString(position, length));
                break;
            case 4:
                if (position < text.Length)
                {
                    text[position] = (char)random.Next(0x10000);
                }

                break;
            default:
                text.Length = position;
                break;
        }
    }

    private static void ParseOrRefuse(string text, string what) => Check(() => DockerfileParser.Parse(text), what);

    private static void ParseOrRefuse(byte[] bytes, string what) => Check(() => DockerfileParser.Parse(bytes), what);

    private static void Check(Func<DockerfileParseResult> parse, string what)
    {
        try
        {
            var result = parse();
            Touch(result);
        }
        catch (DockerfileParseException e)
        {
            Assert.False(e.Reason.StartsWith("internal parser error", StringComparison.Ordinal), $"{what}: {e}");
            Assert.False(string.IsNullOrEmpty(e.Message), what);
        }
    }

    // Reads every member, so lazily computed ones are exercised too.
    private static void Touch(DockerfileParseResult result)
    {
        _ = result.Root.Dump();
        foreach (var child in result.Root.Children)
        {
            var depth = 0;
            for (var node = child; ; node = node.Children[0], depth++)
            {
                // A nested instruction's Original is the rest of the line, made on each read: a few levels exercise it.
                _ = (depth < 4 ? node.Original : null, node.Value, node.Keyword, node.Next.Count, node.Flags.Count, node.Heredocs.Count, node.PrevComment.Count, node.StartColumn);
                if (node.Children.Count == 0)
                {
                    break;
                }
            }
        }
    }
}

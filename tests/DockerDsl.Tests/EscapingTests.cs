using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using DockerDsl.Declarations.Parsing;
using DockerDsl.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DockerDsl.Tests;

/// <summary>
/// Puts adversarial strings into every string-valued argument and proves that each Dockerfile is
/// either withheld with a problem, or emitted with exactly the expected instructions and the value
/// intact where it is quoted.
/// </summary>
public class EscapingTests
{
    private static readonly string[] Tokens =
    {
        "a", "Z", "0", "app", " ", "\t", "\n", "\r\n", "\r", "\"", "'", "$", "${HOME}", "$(id)", "\\", "`", "#", "<<", "<<EOF", "EOF",
        "\nEOF\n", "\nEOF1\n", ",", "=", "[", "]", "{", "}", "é", "中", "😀", "\u2028", "\u0000", "\u0085", "&&", ";", "|", "*", "/", ":",
        "@", "-", ".", "RUN rm -rf /", "\nRUN echo escaped", "\\\n", "`\n", "\"]", "[\"", "\uD800",
    };

    private static readonly string[] HandPicked =
    {
        string.Empty, " ", "\n", "plain", "a\nRUN echo pwned", "x\\", "x`", "# comment", "<<EOF\nRUN bad\nEOF", "\"", "\\\"", "${PATH}", "EOF",
        "line1\r\nline2", "<<EOF", "a<<-'X'", "tab\tseparated", "trailing\\\n", "ok; rm -rf /", "--flag", "\u2028RUN x", "é中😀", "\uD800",
    };

    /// <summary>Each template is one Dockerfile class body; <c>{V}</c> is the value, then the instructions expected after parsing.</summary>
    private static readonly (string Body, string[] Keywords, Action<DockerfileReader.Document, string>? RoundTrip)[] Templates =
    {
        (S("[Env(\"NAME\", {V})]"), new[] { "FROM", "ENV" }, (d, v) => Assert.Equal(v, DockerfileReader.Unquote(After(d.Instructions[1].Text, "NAME="), '\\'))),
        (S("[Env(\"NAME\", {V}, Expand = true)]"), new[] { "FROM", "ENV" }, null),
        (S("[Label(\"k\", {V})]"), new[] { "FROM", "LABEL" }, (d, v) => Assert.Equal(v, DockerfileReader.Unquote(After(d.Instructions[1].Text, "k="), '\\'))),
        (S("[Label({V}, \"v\")]"), new[] { "FROM", "LABEL" }, null),
        (S("[Env({V}, \"v\")]"), new[] { "FROM", "ENV" }, null),
        (S("[Run({V})]"), new[] { "FROM", "RUN" }, (d, v) => Assert.Contains(v.Trim(), d.Instructions[1].Text)),
        (S("[Run(\"true\", {V})]"), new[] { "FROM", "RUN" }, null),
        (S("[RunExec({V}, {V})]"), new[] { "FROM", "RUN" }, (d, v) => Assert.Equal(new[] { v, v }, DockerfileReader.JsonArray(d.Instructions[1].Text))),
        (S("[RunHeredoc({V})]"), new[] { "FROM", "RUN" }, (d, v) => Assert.Equal(Heredoc(v), d.Instructions[1].Heredocs.Single())),
        (S("[Copy({V}, \"/dst\")]"), new[] { "FROM", "COPY" }, null),
        (S("[Copy(\"src\", {V})]"), new[] { "FROM", "COPY" }, null),
        (S("[Copy(\"src\", \"/dst\", Chown = {V})]"), new[] { "FROM", "COPY" }, null),
        (S("[Copy(\"src\", \"/dst\", Chmod = {V})]"), new[] { "FROM", "COPY" }, null),
        (S("[Copy(\"src\", \"/dst\", Exclude = new[] { {V} })]"), new[] { "FROM", "COPY" }, null),
        (S("[Copy(\"src\", \"/dst\", From = {V})]"), new[] { "FROM", "COPY" }, null),
        (S("[CopyFrom({V}, {V}, {V})]"), new[] { "FROM", "COPY" }, null),
        (S("[CopyHeredoc(\"/f\", {V})]"), new[] { "FROM", "COPY" }, (d, v) => Assert.Equal(Heredoc(v), d.Instructions[1].Heredocs.Single())),
        (S("[CopyHeredoc({V}, \"x\")]"), new[] { "FROM", "COPY" }, null),
        (S("[Add({V}, \"/d\", Checksum = {V})]"), new[] { "FROM", "ADD" }, null),
        (S("[WorkDir({V})]"), new[] { "FROM", "WORKDIR" }, null),
        (S("[User({V})]"), new[] { "FROM", "USER" }, null),
        (S("[User(\"app\", Group = {V})]"), new[] { "FROM", "USER" }, null),
        (S("[Volume({V})]"), new[] { "FROM", "VOLUME" }, null),
        (S("[Cmd({V})]"), new[] { "FROM", "CMD" }, (d, v) => Assert.Equal(new[] { v }, DockerfileReader.JsonArray(d.Instructions[1].Text))),
        (S("[CmdShell({V})]"), new[] { "FROM", "CMD" }, null),
        (S("[Entrypoint({V}, {V})]"), new[] { "FROM", "ENTRYPOINT" }, (d, v) => Assert.Equal(new[] { v, v }, DockerfileReader.JsonArray(d.Instructions[1].Text))),
        (S("[EntrypointShell({V})]"), new[] { "FROM", "ENTRYPOINT" }, null),
        (S("[HealthCheck({V})]"), new[] { "FROM", "HEALTHCHECK" }, null),
        (S("[HealthCheck(new[] { {V} })]"), new[] { "FROM", "HEALTHCHECK" }, (d, v) => Assert.Equal(new[] { v }, DockerfileReader.JsonArray(d.Instructions[1].Text))),
        (S("[HealthCheck(\"true\", Interval = {V}, Timeout = {V}, StartPeriod = {V}, StartInterval = {V})]"), new[] { "FROM", "HEALTHCHECK" }, null),
        (S("[Shell({V})]"), new[] { "FROM", "SHELL" }, (d, v) => Assert.Equal(new[] { v }, DockerfileReader.JsonArray(d.Instructions[1].Text))),
        (S("[StopSignal({V})]"), new[] { "FROM", "STOPSIGNAL" }, null),
        (S("[OnBuild({V})]"), new[] { "FROM", "ONBUILD" }, null),
        (S("[AptInstall(\"curl\", {V})]"), new[] { "FROM", "RUN" }, null),
        (S("[NonRootUser({V})]"), new[] { "FROM", "RUN", "USER" }, null),
        (S("[NonRootUser(\"app\", Group = {V}, Home = {V})]"), new[] { "FROM", "RUN", "USER" }, null),
        (S("[Ccache(Directory = {V}, Id = {V}, MaxSize = {V})][Run(\"make\")]"), new[] { "FROM", "ENV", "ENV", "ENV", "RUN" }, null),
        (S("[StripDebugSymbols({V})]"), new[] { "FROM", "RUN" }, null),
        ("[Stage(From = {V})][Cmd(\"x\")] public partial class S;", new[] { "FROM", "CMD" }, null),
        ("[Stage(From = \"alpine:3.20\", Name = {V}, Platform = {V})][Cmd(\"x\")] public partial class S;", new[] { "FROM", "CMD" }, null),
        ("[BuildArg(Name = {V}, Default = {V})] public partial class A; " + S("[Arg(typeof(A))]"), new[] { "FROM", "ARG" }, null),
        ("[CacheMount({V}, Id = {V}, Source = {V}, Mode = {V})] public partial class M; " + S("[Run(\"true\", Mounts = new[] { typeof(M) })]"), new[] { "FROM", "RUN" }, null),
        ("[SecretMount({V}, Target = {V}, Env = {V})] public partial class M; " + S("[Run(\"true\", Mounts = new[] { typeof(M) })]"), new[] { "FROM", "RUN" }, null),
        ("[SshMount(Id = {V})] public partial class M; " + S("[Run(\"true\", Mounts = new[] { typeof(M) })]"), new[] { "FROM", "RUN" }, null),
        ("[BindMount({V}, Source = {V})] public partial class M; " + S("[Run(\"true\", Mounts = new[] { typeof(M) })]"), new[] { "FROM", "RUN" }, null),
        ("[TmpfsMount({V})] public partial class M; " + S("[Run(\"true\", Mounts = new[] { typeof(M) })]"), new[] { "FROM", "RUN" }, null),
    };

    private static readonly string[] DockerfileLevel =
    {
        "[Dockerfile(\"t{N}/Dockerfile\", Syntax = {V})]",
        "[Dockerfile(\"t{N}/Dockerfile\", Check = {V})]",
    };

    public static IEnumerable<object[]> Values()
    {
        var values = new List<string>(HandPicked);
        var random = new Random(20261127);
        while (values.Count < HandPicked.Length + 60)
        {
            var builder = new StringBuilder();
            var count = random.Next(1, 7);
            for (var t = 0; t < count; t++)
            {
                builder.Append(Tokens[random.Next(Tokens.Length)]);
            }

            if (!values.Contains(builder.ToString()))
            {
                values.Add(builder.ToString());
            }
        }

        return values.Select(v => new object[] { v });
    }

    [Theory]
    [MemberData(nameof(Values))]
    public void ValuesNeverEscapeTheirInstruction(string value)
    {
        var literal = SymbolDisplay.FormatLiteral(value, quote: true);
        var source = new StringBuilder("using DockerDsl;\n");
        var expectations = new List<(string Path, string[] Keywords, Action<DockerfileReader.Document, string>? RoundTrip)>();
        for (var n = 0; n < Templates.Length; n++)
        {
            var path = $"t{n}/Dockerfile";
            source.Append($"[Dockerfile(\"{path}\")] public partial class T{n} {{ {Templates[n].Body.Replace("{V}", literal)} }}\n");
            expectations.Add((path, Templates[n].Keywords, Templates[n].RoundTrip));
        }

        for (var n = 0; n < DockerfileLevel.Length; n++)
        {
            var number = Templates.Length + n;
            var attribute = DockerfileLevel[n].Replace("{N}", number.ToString(System.Globalization.CultureInfo.InvariantCulture)).Replace("{V}", literal);
            source.Append($"{attribute} public partial class T{number} {{ {S("[Cmd(\"x\")]")} }}\n");
            expectations.Add(($"t{number}/Dockerfile", new[] { "FROM", "CMD" }, null));
        }

        var (result, output) = GeneratorHarness.Run(source.ToString());
        Assert.Empty(result.Diagnostics);
        var generatedErrors = output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error && d.Location.SourceTree?.FilePath.EndsWith(".g.cs", StringComparison.Ordinal) == true).ToList();
        Assert.True(generatedErrors.Count == 0, string.Join("\n", generatedErrors));

        var texts = Dockerfiles(result);
        var compilation = GeneratorHarness.Compile(source.ToString());
        for (var n = 0; n < expectations.Count; n++)
        {
            var (path, keywords, roundTrip) = expectations[n];
            var type = compilation.GetTypeByMetadataName($"T{n}")!;
            if (!texts.TryGetValue(path, out var text))
            {
                var model = DockerfileParser.Parse(type);
                Assert.True(model.HasProblems, $"T{n}: the Dockerfile was withheld without a problem for {literal}");
                continue;
            }

            var document = DockerfileReader.Read(text);
            Assert.True(
                keywords.SequenceEqual(document.Instructions.Select(i => i.Keyword)),
                $"T{n} with {literal}: expected {string.Join(" ", keywords)}, got {string.Join(" ", document.Instructions.Select(i => i.Keyword))}\n{text}");
            roundTrip?.Invoke(document, value);
        }
    }

    private static string S(string attributes) => $"[Stage(From = \"alpine:3.20\")]{attributes} public partial class S;";

    private static string After(string text, string prefix) => text.Substring(text.IndexOf(prefix, StringComparison.Ordinal) + prefix.Length);

    // A heredoc body is kept exactly (CRLF too); the Dockerfile ends it with a line break before the terminator.
    private static string Heredoc(string value) =>
        value.EndsWith("\n", StringComparison.Ordinal) ? value : value + "\n";

    private static Dictionary<string, string> Dockerfiles(GeneratorDriverRunResult result) =>
        GeneratorHarness.GeneratedFiles(result.GeneratedTrees).ToDictionary(f => f.Path, f => f.Text);
}

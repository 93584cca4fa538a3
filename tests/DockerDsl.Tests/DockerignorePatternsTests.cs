using System.Linq;
using DockerDsl.Core.Emit;
using DockerDsl.Core.Rules;

namespace DockerDsl.Tests;

/// <summary>
/// .dockerignore matching as BuildKit does it (moby patternmatcher). Each case is a file (lines
/// separated by \n), a context path, and the pattern that leaves the path out (null: the context has it).
/// </summary>
public class DockerignorePatternsTests
{
    [Theory]
    // Exact names, relative to the context root.
    [InlineData("secret.txt", "secret.txt", "secret.txt")]
    [InlineData("secret.txt", "secret.txt.bak", null)]
    [InlineData("secret.txt", "config/secret.txt", null)]
    [InlineData("docs", "documents/a.md", null)]
    // Leading '/' and './', and '..' in a pattern, are cleaned away; so is a trailing '/', which then matches files too.
    [InlineData("/docs", "docs/a.md", "/docs")]
    [InlineData("./docs", "docs/a.md", "./docs")]
    [InlineData("docs/", "docs/a.md", "docs/")]
    [InlineData("docs/", "docs", "docs/")]
    [InlineData("docs//old/", "docs/old/a.md", "docs//old/")]
    [InlineData("a/b/../c", "a/c", "a/b/../c")]
    [InlineData("a/b/../c", "a/b/c", null)]
    [InlineData("  docs  ", "docs/a.md", "docs")]
    // The path is cleaned the same way.
    [InlineData("docs", "./docs/a.md", "docs")]
    [InlineData("docs", "/docs/a.md", "docs")]
    [InlineData("docs", "docs//a.md", "docs")]
    [InlineData("docs", "src/../docs/a.md", "docs")]
    // A parent directory that matches excludes everything in it.
    [InlineData("docs", "docs/guide/intro.md", "docs")]
    [InlineData("docs/guide", "docs/guide/intro.md", "docs/guide")]
    [InlineData("docs/guide", "docs/intro.md", null)]
    // '*' is any run of characters but '/'.
    [InlineData("*.md", "README.md", "*.md")]
    [InlineData("*.md", "docs/README.md", null)]
    [InlineData("*.csproj", "app/Api/Api.csproj", null)]
    [InlineData("*", "src/app/main.c", "*")]
    [InlineData("a*/b", "abc/b", "a*/b")]
    [InlineData("a*/b", "a/c/b", null)]
    [InlineData("*/tmp/*", "tmp/hello.txt", null)]
    [InlineData("*/tmp/*", "src/tmp/hello.txt", "*/tmp/*")]
    [InlineData("docs/*", "docs/a/b.md", "docs/*")]
    [InlineData("docs/*", "docs", null)]
    // '?' is one character but '/'.
    [InlineData("file?.txt", "file1.txt", "file?.txt")]
    [InlineData("file?.txt", "file10.txt", null)]
    [InlineData("file?.txt", "file.txt", null)]
    [InlineData("a?b", "a/b", null)]
    [InlineData("a?b", "a😀b", "a?b")]
    // Character classes.
    [InlineData("file[0-9].txt", "file7.txt", "file[0-9].txt")]
    [InlineData("file[0-9].txt", "filex.txt", null)]
    [InlineData("file[^0-9].txt", "filex.txt", "file[^0-9].txt")]
    [InlineData("file[^0-9].txt", "file7.txt", null)]
    [InlineData("[abc]", "b", "[abc]")]
    [InlineData("[\\]a]", "]", "[\\]a]")]
    [InlineData("[x\\-]", "-", "[x\\-]")]
    [InlineData("[a-ζ]*", "αβ", "[a-ζ]*")]
    // '**' at the start, in the middle and at the end.
    [InlineData("**/bin/", "bin/app.dll", "**/bin/")]
    [InlineData("**/bin/", "src/App/bin/Debug/app.dll", "**/bin/")]
    [InlineData("**/bin/", "robin/app.dll", null)]
    [InlineData("**/bin/", "binaries/app.dll", null)]
    [InlineData("**/*.user", "App.csproj.user", "**/*.user")]
    [InlineData("**/*.user", "src/App/App.csproj.user", "**/*.user")]
    [InlineData("**/*.user", "src/App/App.user.json", null)]
    [InlineData("src/**/*.cs", "src/a/b/c.cs", "src/**/*.cs")]
    [InlineData("src/**/*.cs", "src/c.cs", "src/**/*.cs")]
    [InlineData("src/**/*.cs", "test/c.cs", null)]
    [InlineData("docs/**", "docs/a/b.md", "docs/**")]
    [InlineData("docs/**", "docs", null)]
    [InlineData("**", "anything/at/all", "**")]
    [InlineData("**/", "file", "**/")]
    [InlineData("a**b", "ab", "a**b")]
    [InlineData("a**b", "ax/y/b", "a**b")]
    [InlineData("a**b", "axb", null)]
    [InlineData("**file", "dir/myfile", "**file")]
    [InlineData("**/dir2/*", "dir/dir2/file", "**/dir2/*")]
    // Escapes, and characters that mean something in regular expressions but not here.
    [InlineData("a\\*b", "a*b", "a\\*b")]
    [InlineData("a\\*b", "axb", null)]
    [InlineData("\\#notes", "#notes", "\\#notes")]
    [InlineData("a\\\\", "a\\", "a\\\\")]
    [InlineData("\\[draft\\]", "[draft]", "\\[draft\\]")]
    [InlineData("a(b)c+d.txt", "a(b)c+d.txt", "a(b)c+d.txt")]
    [InlineData("abc.def", "abcZdef", null)]
    [InlineData("a.|)$(}+{bc", "a.|)$(}+{bc", "a.|)$(}+{bc")]
    // Comments and blank lines are skipped; '#' counts only at the start of the line.
    [InlineData("# docs\n\n   \ndocs", "docs/a.md", "docs")]
    [InlineData("#docs", "#docs", null)]
    [InlineData("docs\r\nsrc", "src/a.c", "src")]
    // The last pattern that applies decides; an exception ('!') brings a path back.
    [InlineData("docs\n!docs/README.md", "docs/README.md", null)]
    [InlineData("docs\n!docs/README.md", "docs/guide.md", "docs")]
    [InlineData("!docs/README.md\ndocs", "docs/README.md", "docs")]
    [InlineData("*.md\n!README.md\nREADME.md", "README.md", "README.md")]
    [InlineData("*.md\n! README.md", "README.md", null)]
    [InlineData("**\n!src", "src/main.c", null)]
    [InlineData("**\n!src\nsrc/obj", "src/obj/main.o", "src/obj")]
    [InlineData("**/bin/\n!tools/bin/", "tools/bin/run.sh", null)]
    [InlineData("**/bin/\n!tools/bin/", "src/bin/app.dll", "**/bin/")]
    [InlineData("!docs\n", "docs/a.md", null)]
    // A malformed pattern (BuildKit refuses it) matches nothing and does not spoil the others.
    [InlineData("[", "[", null)]
    [InlineData("a[", "a[", null)]
    [InlineData("[^bc", "a", null)]
    [InlineData("[]a]", "]", null)]
    [InlineData("[-x]", "x", null)]
    [InlineData("[x-]", "x", null)]
    [InlineData("[a-b-c]", "a", null)]
    [InlineData("[z-a]", "q", null)]
    [InlineData("\\", "\\", null)]
    [InlineData("docs\\", "docs\\", null)]
    [InlineData("!", "x", null)]
    [InlineData("[\ndocs\n!", "docs/a.md", "docs")]
    // Not modelled (Go's regular expressions would read these as classes): they match nothing.
    [InlineData("file\\d", "file1", null)]
    [InlineData("[[:alpha:]]", "a", null)]
    // The context root and paths outside it are never left out.
    [InlineData("**", ".", null)]
    [InlineData("**", "./", null)]
    [InlineData("**", "/", null)]
    [InlineData("**", "", null)]
    [InlineData("**", "../secret", null)]
    [InlineData("**", "a/../../secret", null)]
    public void Finds_the_pattern_that_leaves_a_path_out(string file, string path, string? expected) =>
        Assert.Equal(expected, DockerignorePatterns.Parse(file).ExcludedBy(path));

    [Theory]
    [InlineData("docs", "docs", "docs")]
    [InlineData("docs\n!docs/README.md", "docs", null)]
    [InlineData("docs\n!docs/README.md", "docs/guide", "docs")]
    [InlineData("docs\n!docs/*.md", "docs", null)]
    [InlineData("docs\n!docs/**", "docs", null)]
    [InlineData("docs\n!d*", "docs", null)]
    [InlineData("docs\n!src/*.md", "docs", "docs")]
    [InlineData("docs\n!**/keep", "docs", null)]
    [InlineData("docs\n![", "docs", "docs")]
    // An exception before the deciding pattern is overruled by it, for the directory and all it holds.
    [InlineData("!docs/README.md\ndocs", "docs", "docs")]
    [InlineData("**/bin/\n!tools/bin/run.sh", "tools/bin", null)]
    [InlineData("**/bin/\n!tools/bin/run.sh", "src/bin", "**/bin/")]
    public void A_directory_is_left_out_with_its_contents_only_when_no_later_exception_can_bring_something_back(string file, string path, string? expected) =>
        Assert.Equal(expected, DockerignorePatterns.Parse(file).ExcludedWithContentsBy(path));

    [Fact]
    public void Reads_the_file_DockerDsl_writes_header_and_all()
    {
        var patterns = DockerignorePatterns.Parse(string.Join("\n", new[] { "# Generated by DockerDsl from Api for Dockerfile." }.Concat(DockerignoreEmitter.DefaultPatterns)) + "\n");
        Assert.Equal("**/bin/", patterns.ExcludedBy("src/Api/bin/Release/Api.dll"));
        Assert.Equal("**/obj/", patterns.ExcludedBy("obj/project.assets.json"));
        Assert.Equal("**/node_modules/", patterns.ExcludedBy("web/node_modules/react/index.js"));
        Assert.Equal("**/.git/", patterns.ExcludedBy(".git/HEAD"));
        Assert.Null(patterns.ExcludedBy("src/Api/Program.cs"));
        Assert.Null(patterns.ExcludedBy(".gitignore"));
        Assert.Null(patterns.ExcludedBy("binder/x"));
    }

    [Fact]
    public void Odd_patterns_and_paths_never_throw()
    {
        string[] odd =
        {
            "", " ", "\t", "\r", "\0", "!", "!!", "#", "/", "//", ".", "..", "../..", "*", "**", "***", "?", "[", "]", "[]", "[^]", "[\\", "\\",
            "[a-", "[z-a]", "[[:", "\\d", "\\é", "é", "中", "😀", "\uD800", "\uDC00a", "a/**/", "**/**/**", "{", "(", "$", "^", "|", "+",
            new string('[', 1000), new string('*', 1000), string.Concat(Enumerable.Repeat("a/", 3000)),
        };
        foreach (var pattern in odd)
        {
            var patterns = DockerignorePatterns.Parse(pattern + "\n!" + pattern + "x\n" + pattern + "/" + pattern);
            foreach (var path in odd)
            {
                patterns.ExcludedBy(path);
                patterns.ExcludedWithContentsBy(path + "/" + pattern);
            }
        }
    }

    [Fact]
    public void A_pathological_pattern_or_a_huge_path_cannot_stall_the_match()
    {
        var patterns = DockerignorePatterns.Parse(string.Concat(Enumerable.Repeat("**/a*/", 30)) + "b\n**/c");
        Assert.Null(patterns.ExcludedBy(string.Concat(Enumerable.Repeat("a/", 2_000)) + "x"));
        Assert.Null(patterns.ExcludedBy(string.Concat(Enumerable.Repeat("a/", 100_000)) + "c"));
    }
}

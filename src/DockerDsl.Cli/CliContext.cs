using System.Collections.Generic;
using System.IO;
using DockerDsl.Core.Lint;

namespace DockerDsl.Cli;

/// <summary>Lints one Dockerfile's text; <see cref="DockerfileLinter.Lint"/> outside tests.</summary>
internal delegate LintResult LintFunction(string path, string text, LintOptions options);

/// <summary>Everything a command reads from or writes to the world besides the file system.</summary>
/// <param name="CurrentDirectory">An absolute path: relative arguments and the paths in reports are relative to it.</param>
internal sealed record CliContext(
    TextWriter Out,
    TextWriter Error,
    string CurrentDirectory,
    IReadOnlyDictionary<string, string> Environment,
    LintFunction Lint);

using System;
using System.Collections.Generic;
using System.Linq;

namespace DockerDsl.Core.Rules;

/// <summary>
/// A package manager's command line in RUN text (apt-get, apk, pip, npm, gem), read the way the tool
/// reads it: its subcommand, its options, and its operands, the words that name packages. The value
/// of an option that takes one (<c>-t bookworm-backports</c>) and redirections are neither.
/// </summary>
/// <param name="Manager">The tool as users know it: <c>apt-get</c>, <c>apk</c>, <c>pip</c>, <c>npm</c> or <c>gem</c>.</param>
/// <param name="Subcommand">The first operand, such as <c>install</c>; empty when there is none.</param>
/// <param name="Options">Every option word, without the values of options that take one.</param>
/// <param name="Operands">The operands after the subcommand.</param>
internal sealed record PackageCommand(string Manager, string Subcommand, IReadOnlyList<string> Options, IReadOnlyList<string> Operands)
{
    // Per tool, the options whose value is the next word; any other word starting with '-' is a flag.
    private static readonly HashSet<string> AptGetValueOptions = new(StringComparer.Ordinal)
    {
        "-o", "--option", "-c", "--config-file", "-t", "--target-release", "--default-release", "-a", "--host-architecture", "-P", "--build-profiles",
    };

    private static readonly HashSet<string> ApkValueOptions = new(StringComparer.Ordinal)
    {
        "-X", "--repository", "-p", "--root", "-t", "--virtual", "--keys-dir", "--repositories-file", "--cache-dir", "--cache-max-age", "--progress-fd", "--wait", "--arch", "--timeout",
    };

    private static readonly HashSet<string> PipValueOptions = new(StringComparer.Ordinal)
    {
        "-r", "--requirement", "-c", "--constraint", "-e", "--editable", "-t", "--target", "--platform", "--python-version", "--implementation", "--abi",
        "--root", "--prefix", "--src", "--upgrade-strategy", "-i", "--index-url", "--extra-index-url", "-f", "--find-links", "--no-binary", "--only-binary",
        "--progress-bar", "-C", "--config-settings", "--global-option", "--install-option", "--trusted-host", "--proxy", "--retries", "--timeout",
        "--exists-action", "--cert", "--client-cert", "--cache-dir", "--log", "--python", "--use-feature", "--use-deprecated", "--report", "--group",
        "--keyring-provider", "--root-user-action",
    };

    private static readonly HashSet<string> NpmValueOptions = new(StringComparer.Ordinal)
    {
        "--prefix", "-C", "--registry", "--cache", "--tag", "-w", "--workspace", "--omit", "--include", "--install-strategy", "--loglevel",
        "--userconfig", "--globalconfig", "--location", "--before", "--otp", "--script-shell",
    };

    private static readonly HashSet<string> GemValueOptions = new(StringComparer.Ordinal)
    {
        "-v", "--version", "-i", "--install-dir", "-n", "--bindir", "--document", "--build-root", "-P", "--trust-policy", "-g", "--file",
        "--without", "-s", "--source", "-p", "--http-proxy", "--platform", "--config-file", "-B", "--bulk-threshold",
    };

    /// <summary>
    /// Whether this command installs packages: <c>apt-get install</c>, <c>apk add</c>, <c>pip install</c>,
    /// <c>npm install</c>, <c>gem install</c>. <c>apt-get install -s</c> only shows what it would do.
    /// </summary>
    public bool Installs => (Manager, Subcommand) switch
    {
        ("apt-get", "install") => !Options.Any(IsAptGetSimulation),
        ("apk", "add") or ("pip", "install") or ("npm", "install" or "i" or "add") or ("gem", "install" or "i") => true,
        _ => false,
    };

    /// <summary>Which of the command's words is <see cref="Subcommand"/>; -1 when there is none.</summary>
    public int SubcommandWord { get; init; } = -1;

    public bool HasOption(string option) => Options.Contains(option);

    /// <summary><paramref name="command"/> read as a package manager's command line, or null when it runs none of them.</summary>
    public static PackageCommand? Read(ShellCommand command)
    {
        var words = command.Words;
        var name = words.Count > 0 ? words[0].Substring(words[0].LastIndexOf('/') + 1) : string.Empty;
        return name switch
        {
            "apt-get" => Read("apt-get", words, 1, AptGetValueOptions),
            "apk" => Read("apk", words, 1, ApkValueOptions),
            "npm" => Read("npm", words, 1, NpmValueOptions),
            "gem" => Read("gem", words, 1, GemValueOptions),
            _ when IsVersioned(name, "pip") => Read("pip", words, 1, PipValueOptions),
            _ when IsVersioned(name, "python") && words.Count > 2 && words[1] == "-m" && words[2] == "pip" => Read("pip", words, 3, PipValueOptions),
            _ => null,
        };
    }

    /// <summary>
    /// The packages an install names without a version, in order; empty when it pins all of them or
    /// installs from a file that can pin them (a requirements or constraints file, a package.json).
    /// Local files, URLs and shell variables are not judged.
    /// </summary>
    public IReadOnlyList<string> UnpinnedPackages()
    {
        var unpinned = new List<string>();
        if (!Installs
            || (Manager == "pip" && (Options.Any(IsPipFileOption) || Operands.Contains(".")))
            || (Manager == "gem" && Options.Any(o => o is "-v" or "--version" || o.StartsWith("--version=", StringComparison.Ordinal))))
        {
            return unpinned;
        }

        for (var i = 0; i < Operands.Count; i++)
        {
            var package = Operands[i];
            if (Manager == "pip" && i + 1 < Operands.Count && Operands[i + 1] == "@")
            {
                // PEP 508 'name @ url': the URL says what is installed.
                i += 2;
            }
            else if (package.Length > 0 && !package.Contains("$") && !IsPinned(package))
            {
                unpinned.Add(package);
            }
        }

        return unpinned;
    }

    /// <summary>How <paramref name="package"/> is written with a version, in this manager's syntax.</summary>
    public string Pinned(string package) => Manager switch
    {
        "pip" => package + "==<version>",
        "npm" => (package.EndsWith("@latest", StringComparison.Ordinal) ? package.Substring(0, package.Length - 7) : package) + "@<version>",
        "gem" => package + ":<version>",
        _ => package + "=<version>",
    };

    /// <summary>Whether <paramref name="package"/> names a version, or is something other than a registry package (a path, a URL).</summary>
    private bool IsPinned(string package) => Manager switch
    {
        "apt-get" => package.Contains("=") || package.Contains("/") || package.EndsWith(".deb", StringComparison.Ordinal),
        "apk" => package.IndexOfAny(new[] { '=', '<', '>' }) >= 0 || package.Contains("/") || package.EndsWith(".apk", StringComparison.Ordinal),
        "pip" => package.IndexOfAny(new[] { '=', '<', '>', '@' }) >= 0 || package.Contains("/") || package.StartsWith(".", StringComparison.Ordinal) || HasSuffix(package, ".whl", ".tar.gz", ".zip"),
        "npm" => IsPinnedNpmPackage(package),
        "gem" => package.Contains(":") || package.Contains("/") || package.EndsWith(".gem", StringComparison.Ordinal),
        _ => true,
    };

    private static bool IsPinnedNpmPackage(string package)
    {
        if (HasPrefix(package, "/", "./", "../", "~/", "file:") || HasSuffix(package, ".tgz", ".tar", ".tar.gz"))
        {
            return true;
        }

        // A git URL or a user/repo shorthand names a version with #ref; a scope (@scope/name) is not one.
        if (package.Contains("://") || HasPrefix(package, "git:", "git+", "github:", "gitlab:", "bitbucket:", "gist:") || (package.Contains("/") && !package.StartsWith("@", StringComparison.Ordinal)))
        {
            return package.Contains("#");
        }

        var at = package.IndexOf('@', 1);
        return at > 0 && at < package.Length - 1 && package.Substring(at + 1) != "latest";
    }

    /// <summary>
    /// Whether <paramref name="word"/> is a cluster of apt-get's short options (<c>-qy</c>) with <paramref name="flag"/>;
    /// the value of an option that takes one (<c>-oDpkg::Options::=...</c>) ends the cluster.
    /// </summary>
    public static bool HasAptGetShortFlag(string word, char flag)
    {
        if (word.Length < 2 || word[0] != '-' || word[1] == '-')
        {
            return false;
        }

        for (var i = 1; i < word.Length; i++)
        {
            if (word[i] == flag)
            {
                return true;
            }

            if (word[i] is 'o' or 'c' or 't' or 'a' or 'P')
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>apt-get's <c>-s</c> and its long names: no action, only what would be done.</summary>
    private static bool IsAptGetSimulation(string option) =>
        option is "--simulate" or "--just-print" or "--dry-run" or "--recon" or "--no-act" || HasAptGetShortFlag(option, 's');

    /// <summary><c>-r file</c>, <c>-rfile</c>, <c>--requirement=file</c>, and the same for constraints (<c>-c</c>).</summary>
    private static bool IsPipFileOption(string option) =>
        (option.Length >= 2 && option[0] == '-' && option[1] is 'r' or 'c')
        || option.StartsWith("--requirement", StringComparison.Ordinal)
        || option.StartsWith("--constraint", StringComparison.Ordinal);

    private static bool HasPrefix(string text, params string[] prefixes) => prefixes.Any(p => text.StartsWith(p, StringComparison.Ordinal));

    private static bool HasSuffix(string text, params string[] suffixes) => suffixes.Any(s => text.EndsWith(s, StringComparison.Ordinal));

    private static PackageCommand Read(string manager, IReadOnlyList<string> words, int start, HashSet<string> valueOptions)
    {
        var options = new List<string>();
        var operands = new List<string>();
        var subcommandWord = -1;
        var endOfOptions = false;
        for (var i = start; i < words.Count; i++)
        {
            var word = words[i];
            if (IsRedirection(word, out var targetFollows))
            {
                i += targetFollows ? 1 : 0;
            }
            else if (endOfOptions || word.Length < 2 || word[0] != '-')
            {
                if (operands.Count == 0)
                {
                    subcommandWord = i;
                }

                operands.Add(word);
            }
            else if (word == "--")
            {
                // gem passes what follows -- to the gems' build; the others read operands only.
                if (manager == "gem")
                {
                    break;
                }

                endOfOptions = true;
            }
            else
            {
                options.Add(word);
                i += valueOptions.Contains(word) ? 1 : 0;
            }
        }

        var subcommand = operands.Count > 0 ? operands[0] : string.Empty;
        return new PackageCommand(manager, subcommand, options, operands.Skip(1).ToList()) { SubcommandWord = subcommandWord };
    }

    /// <summary><c>pip</c>, <c>pip3</c>, <c>pip3.12</c>; <c>python</c>, <c>python3</c>, <c>python3.12</c>.</summary>
    private static bool IsVersioned(string name, string tool) =>
        name.StartsWith(tool, StringComparison.Ordinal) && name.Skip(tool.Length).All(c => char.IsDigit(c) || c == '.');

    /// <summary>A redirection such as <c>&gt;/dev/null</c>, <c>2&gt;&amp;1</c>, or <c>&gt;</c> whose target is the next word.</summary>
    private static bool IsRedirection(string word, out bool targetFollows)
    {
        var rest = word.TrimStart('0', '1', '2', '3', '4', '5', '6', '7', '8', '9');
        var isRedirection = rest.StartsWith(">", StringComparison.Ordinal) || rest.StartsWith("<", StringComparison.Ordinal) || rest.StartsWith("&>", StringComparison.Ordinal);
        targetFollows = isRedirection && rest.TrimStart('>', '<', '&', '|').Length == 0;
        return isRedirection;
    }
}

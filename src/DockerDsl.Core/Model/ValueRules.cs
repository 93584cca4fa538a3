using System.Text.RegularExpressions;
using System.Linq;

namespace DockerDsl.Core.Model;

/// <summary>
/// What a value may contain in each place of a Dockerfile. Each rule returns null when the value is
/// fine, or the reason it is not, phrased to finish "The value ...".
/// </summary>
internal static class ValueRules
{
    private static readonly Regex ImagePattern = new(@"^[a-z0-9][a-z0-9._\-/:]*[A-Za-z0-9._\-]*(@sha256:[a-f0-9]{64})?$", RegexOptions.CultureInvariant);

    // Bake tags keep the form they always had: one build argument, which bake itself interpolates.
    private static readonly Regex TagPattern = new(
        @"^(\$\{?[A-Za-z_][A-Za-z0-9_]*\}?|[a-z0-9][a-z0-9._\-/:]*(\$\{?[A-Za-z_][A-Za-z0-9_]*\}?)?[A-Za-z0-9._\-]*)(@sha256:[a-f0-9]{64})?$",
        RegexOptions.CultureInvariant);

    private static readonly Regex StageNamePattern = new(@"^[A-Za-z][A-Za-z0-9_.\-]*$", RegexOptions.CultureInvariant);
    private static readonly Regex VariableNamePattern = new(@"^[A-Za-z_][A-Za-z0-9_]*$", RegexOptions.CultureInvariant);
    private static readonly Regex LabelKeyPattern = new(@"^[A-Za-z0-9][A-Za-z0-9._/\-]*$", RegexOptions.CultureInvariant);
    private static readonly Regex DurationPattern = new(@"^([0-9]+(\.[0-9]+)?(ns|us|µs|ms|s|m|h))+$", RegexOptions.CultureInvariant);
    private static readonly Regex OctalPattern = new(@"^[0-7]{3,4}$", RegexOptions.CultureInvariant);
    // chmod(1)'s symbolic modes, which COPY and ADD --chmod take since dockerfile/1.14.0 (moby/buildkit#5734).
    private static readonly Regex FileModePattern = new(@"^(?:[0-7]{3,4}|[ugoa]*(?:[-+=](?:[rwxXst]*|[ugo]))+(?:,[ugoa]*(?:[-+=](?:[rwxXst]*|[ugo]))+)*)$", RegexOptions.CultureInvariant);
    private static readonly Regex OwnerPattern = new(@"^[A-Za-z0-9_][A-Za-z0-9_.\-]*(:[A-Za-z0-9_][A-Za-z0-9_.\-]*)?$", RegexOptions.CultureInvariant);
    private static readonly Regex SignalPattern = new(@"^(SIG[A-Z0-9+\-]+|[0-9]{1,2})$", RegexOptions.CultureInvariant);
    private static readonly Regex PlatformPattern = new(@"^(\$\{?(BUILD|TARGET)PLATFORM\}?|[a-z0-9]+/[a-z0-9_]+(/[a-z0-9]+)?)$", RegexOptions.CultureInvariant);

    // A platform with variables, masked: the whole platform, or its OS, architecture or variant, may be a variable.
    private static readonly Regex MaskedPlatformPattern = new(@"^[a-z0-9_]+(/[a-z0-9_]+){0,2}$", RegexOptions.CultureInvariant);
    private static readonly Regex ChecksumPattern = new(@"^sha(256|384|512):[a-f0-9]{64,128}$", RegexOptions.CultureInvariant);
    // EXPOSE's port[/protocol] after masking: the ports are numbers or 'x', the protocol lower case or 'x'.
    private static readonly Regex PortSpecPattern = new(@"^(?<first>[0-9]+|x)(-(?<last>[0-9]+|x))?(/(tcp|udp|sctp|x))?$", RegexOptions.CultureInvariant);
    // apk: a package name (lower case letters, digits, + . _ -), optionally pinned with '=' (or '~' for a version prefix), apk-world(5).
    private static readonly Regex ApkPackagePattern = new(@"^[a-z0-9][a-z0-9+._\-]*([=~][A-Za-z0-9.+_~\-]+)?$", RegexOptions.CultureInvariant);

    // dnf: an RPM name, optionally with '-version' or '-version-release' (dnf's NEVRA forms), so the same characters; an epoch is 'name-E:version'.
    private static readonly Regex RpmPackagePattern = new(@"^[A-Za-z0-9_+][A-Za-z0-9._+~\-]*(-[0-9]+:[A-Za-z0-9._+~\-]+)?$", RegexOptions.CultureInvariant);

    private static readonly Regex AptPackagePattern = new(@"^[a-z0-9][a-z0-9+.\-]*(:[a-z0-9]+)?(=[A-Za-z0-9.+:~\-]+)?$", RegexOptions.CultureInvariant);

    /// <summary>A command line for a shell: one physical line that cannot join or start another.</summary>
    public static string? ShellLine(string? value, char escape)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return "is empty";
        }

        var control = ControlCharacter(value!);
        if (control is not null)
        {
            return control;
        }

        if (value!.TrimStart().StartsWith("#", System.StringComparison.Ordinal))
        {
            return "starts with '#', which the Dockerfile parser reads as a comment";
        }

        if (value.TrimEnd().EndsWith(escape.ToString(), System.StringComparison.Ordinal))
        {
            return $"ends with the escape character '{escape}', which would join the next line";
        }

        return null;
    }

    /// <summary>
    /// A bare word BuildKit expands (a path, user, image, platform, flag or mount option), written without
    /// quotes: no white space, quote or escape character, and every <c>$</c> starts a variable reference
    /// (<c>$NAME</c>, <c>${NAME}</c>, <c>${NAME:-default}</c>, ...) that BuildKit's lexer processes.
    /// </summary>
    /// <summary>
    /// Where BuildKit would read a heredoc in <paramref name="value"/>: its parser reads one in RUN, COPY and ADD
    /// (also under ONBUILD) for every word, as its shell lexer splits the line, that matches
    /// <c>^(\d*)&lt;&lt;(-?)\s*([^&lt;]*)$</c> and lexes to one word (parser.go, heredocsFromLine and ParseHeredoc).
    /// So <c>&lt;&lt;EOF</c>, <c>&lt;&lt;-EOT</c>, <c>2&lt;&lt;'X'</c> open one, and a here-string <c>&lt;&lt;&lt;</c>,
    /// <c>$((1&lt;&lt;2))</c>, <c>a&lt;&lt;b</c> or a quoted <c>"&lt;&lt;EOF"</c> do not; but the lexer takes
    /// <c>&lt;&lt; EOF</c> (and so <c>$(( 1 &lt;&lt; 2 ))</c>) as one word, which does.
    /// </summary>
    public static string? HeredocIn(string? value)
    {
        if (value is null || value.IndexOf("<<", System.StringComparison.Ordinal) < 0)
        {
            return null;
        }

        try
        {
            var heredoc = Core.Text.Syntax.HeredocWord.FromLine(value).FirstOrDefault();
            return heredoc is null ? null : $"contains '<<{(heredoc.Chomp ? "-" : string.Empty)}{heredoc.Name}', which BuildKit reads as the start of a heredoc; use [RunHeredoc] or [CopyHeredoc] for a script or a file's content";
        }
        catch (Core.Text.Syntax.LexException)
        {
            return "contains '<<' in a form BuildKit's parser refuses";
        }
    }

    public static string? Word(string? value, char escape) => WordProblem(value, escape, spaces: false, variables: true);

    /// <summary>A COPY or ADD path: a <see cref="Word"/> that may also hold white space, which the emitter writes in the JSON form.</summary>
    public static string? Path(string? value, char escape) => WordProblem(value, escape, spaces: true, variables: true);

    /// <summary>A bare word BuildKit does not expand, or that a helper writes into a shell command: a <see cref="Word"/> without any <c>$</c>.</summary>
    public static string? LiteralWord(string? value, char escape) => WordProblem(value, escape, spaces: false, variables: false);

    private static string? WordProblem(string? value, char escape, bool spaces, bool variables)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "is empty";
        }

        var control = ControlCharacter(value!);
        if (control is not null)
        {
            return control;
        }

        if (value!.Trim().Length == 0)
        {
            return "is only white space";
        }

        foreach (var c in value!)
        {
            if (char.IsWhiteSpace(c) && !spaces)
            {
                return "contains white space, which would split it into several arguments";
            }

            if (c is '"' or '\'')
            {
                return $"contains the quote {c}";
            }

            if (c == '$' && !variables)
            {
                return "contains '$', which the Dockerfile would expand as a variable";
            }

            if (c == escape)
            {
                return $"contains the escape character '{escape}'";
            }
        }

        // BuildKit reads the words after the keyword that start with '--' as the instruction's flags.
        if (value.StartsWith("--", System.StringComparison.Ordinal))
        {
            return "starts with '--', which the Dockerfile parser reads as a flag";
        }

        return variables ? Core.Text.Shell.VariableReferences.Problem(value, escape) : null;
    }

    /// <summary>A value written in double quotes (ENV, LABEL): one line, everything else is escaped.</summary>
    public static string? QuotedValue(string? value)
    {
        if (value is null)
        {
            return "is missing";
        }

        return ControlCharacter(value);
    }

    /// <summary>An element of a JSON array (exec form): anything but null; JSON escaping covers the rest.</summary>
    public static string? JsonItem(string? value) => value is null ? "is missing" : null;

    /// <summary>
    /// Heredoc content, kept exactly: BuildKit's parser copies each body line with its own line ending (a CRLF stays
    /// CRLF) and compares only the newline-trimmed line with the terminator (frontend/dockerfile/parser/parser.go,
    /// heredocsFromLine and its line loop). Line breaks and tabs are the body's own; NUL and the other control
    /// characters [Run] refuses are refused here too, since a file holding them is not a text a reader can trust.
    /// </summary>
    public static string? HeredocBody(string? value)
    {
        if (value is null)
        {
            return "is missing";
        }

        foreach (var c in value)
        {
            if (char.IsControl(c) && c is not ('\t' or '\n' or '\r'))
            {
                return $"contains the control character U+{(int)c:X4}";
            }
        }

        return null;
    }

    /// <summary>A .dockerignore line: one line that is not empty and not a comment.</summary>
    public static string? IgnorePattern(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return "is empty";
        }

        if (value!.TrimStart().StartsWith("#", System.StringComparison.Ordinal))
        {
            return "starts with '#', which .dockerignore reads as a comment";
        }

        return ControlCharacter(value) ?? Core.Rules.DockerignorePattern.Problem(value);
    }

    /// <summary>An absolute <see cref="Word"/>; one that starts with a variable is taken to hold an absolute path.</summary>
    public static string? AbsolutePath(string? value, char escape) =>
        Word(value, escape) ?? (value!.StartsWith("/", System.StringComparison.Ordinal) || value.StartsWith("$", System.StringComparison.Ordinal) ? null : NotAbsolute);

    /// <summary>An absolute <see cref="LiteralWord"/>.</summary>
    public static string? AbsoluteLiteralPath(string? value, char escape) =>
        LiteralWord(value, escape) ?? (value!.StartsWith("/", System.StringComparison.Ordinal) ? null : NotAbsolute);

    /// <summary>An image reference (FROM, --from); variables may stand for any part of it.</summary>
    public static string? Image(string? value, char escape) =>
        Form(value, escape, ImagePattern, "is not an image reference such as 'debian:bookworm-slim', '${BASE}' or 'registry/name:tag@sha256:...'");

    /// <summary>A bake tag: an image reference with at most one build argument.</summary>
    public static string? Tag(string? value) =>
        string.IsNullOrEmpty(value) ? "is empty"
        : TagPattern.IsMatch(value!) ? null
        : "is not an image reference such as 'debian:bookworm-slim' or 'registry/name:tag@sha256:...'";

    public static string? StageName(string? value) =>
        string.IsNullOrEmpty(value) ? "is empty"
        : StageNamePattern.IsMatch(value!) ? null
        : "is not a stage name (a letter, then letters, digits, '.', '-' or '_')";

    public static string? VariableName(string? value) =>
        string.IsNullOrEmpty(value) ? "is empty"
        : VariableNamePattern.IsMatch(value!) ? null
        : "is not a variable name (a letter or '_', then letters, digits or '_')";

    public static string? LabelKey(string? value) =>
        string.IsNullOrEmpty(value) ? "is empty"
        : LabelKeyPattern.IsMatch(value!) ? null
        : "is not a label key such as 'org.opencontainers.image.source'";

    public static string? Duration(string? value) =>
        string.IsNullOrEmpty(value) ? "is empty"
        : DurationPattern.IsMatch(value!) ? null
        : "is not a duration such as '30s', '1m30s' or '500ms'";

    /// <summary>An octal file mode, or a word with variables that holds one (BuildKit expands --chmod and mount options).</summary>
    public static string? Octal(string? value, char escape) => Expanded(value, escape, OctalPattern, "is not an octal file mode such as '0755'");

    /// <summary>A --chmod of COPY or ADD: an octal mode, a symbolic one such as <c>u+x</c> or <c>a=rX,u+w</c>, or a word with variables.</summary>
    public static string? FileMode(string? value, char escape) => Expanded(value, escape, FileModePattern, "is not a file mode such as '0755' or 'u+x'");

    /// <summary>A user, optionally with a group (USER, --chown); variables may stand for either.</summary>
    public static string? Owner(string? value, char escape) => Form(value, escape, OwnerPattern, "is not an owner such as '1001:1001', 'app:app' or '${UID}:${GID}'");

    /// <summary>A stop signal, or a word with variables that holds one.</summary>
    public static string? Signal(string? value, char escape) => Expanded(value, escape, SignalPattern, "is not a signal such as 'SIGTERM', 'SIGINT' or '15'");

    /// <summary>A bake platform: <c>os/arch[/variant]</c>.</summary>
    public static string? Platform(string? value) =>
        string.IsNullOrEmpty(value) ? "is empty"
        : PlatformPattern.IsMatch(value!) ? null
        : "is not a platform such as 'linux/amd64' or '$BUILDPLATFORM'";

    /// <summary>The --platform of FROM: <c>os/arch[/variant]</c>, where variables may stand for the whole platform or any part.</summary>
    public static string? StagePlatform(string? value, char escape)
    {
        if (string.IsNullOrEmpty(value) || !Core.Text.Shell.VariableReferences.Any(value!))
        {
            return Platform(value);
        }

        return Word(value, escape) ?? (MaskedPlatformPattern.IsMatch(Core.Text.Shell.VariableReferences.Mask(value!)) ? null : "is not a platform such as 'linux/amd64', '$BUILDPLATFORM' or 'linux/${TARGETARCH}'");
    }

    /// <summary>A checksum of ADD, or a word with variables that holds one.</summary>
    public static string? Checksum(string? value, char escape) => Expanded(value, escape, ChecksumPattern, "is not a checksum such as 'sha256:<64 hex digits>'");

    public static string? AptPackage(string? value) =>
        string.IsNullOrEmpty(value) ? "is empty"
        : AptPackagePattern.IsMatch(value!) ? null
        : "is not a Debian package name (optionally 'name=version')";

    public static string? ApkPackage(string? value) =>
        string.IsNullOrEmpty(value) ? "is empty"
        : ApkPackagePattern.IsMatch(value!) ? null
        : "is not an Alpine package name (optionally 'name=version')";

    public static string? RpmPackage(string? value) =>
        string.IsNullOrEmpty(value) ? "is empty"
        : RpmPackagePattern.IsMatch(value!) ? null
        : "is not an RPM package name (optionally 'name-version')";

    public static string? Port(int value) =>
        value is >= 1 and <= 65535 ? null : "is not a port number from 1 to 65535";

    /// <summary>
    /// A port of EXPOSE as text: <c>port[/protocol]</c> or <c>first-last[/protocol]</c> with ports 1-65535 and
    /// tcp, udp or sctp in lower case, where variables may stand for a port, the protocol or the whole (BuildKit
    /// splits an expanded word into several ports). <paramref name="unsafeValue"/> tells a word that would break
    /// the instruction from one of another form.
    /// </summary>
    public static string? PortSpec(string? value, char escape, out bool unsafeValue)
    {
        var word = Word(value, escape);
        unsafeValue = word is not null && value is { Length: > 0 };
        if (word is not null)
        {
            return word;
        }

        var match = PortSpecPattern.Match(Core.Text.Shell.VariableReferences.Mask(value!));
        if (!match.Success)
        {
            return "is not a port such as '8080', '53/udp', '8000-8010/tcp' or '$PORT'";
        }

        // A variable decides nothing here; a literal number too long for an int is out of range anyway.
        static int? Number(Group group) =>
            !group.Success || group.Value == Core.Text.Shell.VariableReferences.Placeholder ? null
            : int.TryParse(group.Value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n
            : int.MaxValue;

        var first = Number(match.Groups["first"]);
        var last = Number(match.Groups["last"]);
        if (first is { } a && Port(a) is { } firstProblem)
        {
            return firstProblem;
        }

        if (last is { } b && Port(b) is { } lastProblem)
        {
            return lastProblem;
        }

        return first is { } start && last is { } end && end < start ? "is a range that ends before it starts" : null;
    }

    private const string NotAbsolute = "is not an absolute path (start it with '/')";

    // A value of a fixed form that variables may stand in for: a word whose references, masked, leave that form.
    private static string? Form(string? value, char escape, Regex pattern, string otherwise)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "is empty";
        }

        var variables = Core.Text.Shell.VariableReferences.Any(value!);
        if (variables && Word(value, escape) is { } problem)
        {
            return problem;
        }

        return pattern.IsMatch(variables ? Core.Text.Shell.VariableReferences.Mask(value!) : value!) ? null : otherwise;
    }

    // A value of a fixed form, or a word with variables whose value BuildKit checks once it expands them.
    private static string? Expanded(string? value, char escape, Regex pattern, string otherwise) =>
        string.IsNullOrEmpty(value) ? "is empty"
        : Core.Text.Shell.VariableReferences.Any(value!) ? Word(value, escape)
        : pattern.IsMatch(value!) ? null
        : otherwise;

    private static string? ControlCharacter(string value)
    {
        foreach (var c in value)
        {
            if (c is '\r' or '\n' or '\u0085' or '\u2028' or '\u2029')
            {
                return "contains a line break";
            }

            if (char.IsControl(c) && c != '\t')
            {
                return $"contains the control character U+{(int)c:X4}";
            }
        }

        return null;
    }
}

using System.Text.RegularExpressions;

namespace DockerDsl.Declarations.Parsing;

/// <summary>
/// What a value may contain in each place of a Dockerfile. Each rule returns null when the value is
/// fine, or the reason it is not, phrased to finish "The value ...".
/// </summary>
internal static class ValueRules
{
    private static readonly Regex ImagePattern = new(
        @"^(\$\{?[A-Za-z_][A-Za-z0-9_]*\}?|[a-z0-9][a-z0-9._\-/:]*(\$\{?[A-Za-z_][A-Za-z0-9_]*\}?)?[A-Za-z0-9._\-]*)(@sha256:[a-f0-9]{64})?$",
        RegexOptions.CultureInvariant);

    private static readonly Regex StageNamePattern = new(@"^[A-Za-z][A-Za-z0-9_.\-]*$", RegexOptions.CultureInvariant);
    private static readonly Regex VariableNamePattern = new(@"^[A-Za-z_][A-Za-z0-9_]*$", RegexOptions.CultureInvariant);
    private static readonly Regex LabelKeyPattern = new(@"^[A-Za-z0-9][A-Za-z0-9._/\-]*$", RegexOptions.CultureInvariant);
    private static readonly Regex DurationPattern = new(@"^([0-9]+(\.[0-9]+)?(ns|us|µs|ms|s|m|h))+$", RegexOptions.CultureInvariant);
    private static readonly Regex OctalPattern = new(@"^[0-7]{3,4}$", RegexOptions.CultureInvariant);
    private static readonly Regex OwnerPattern = new(@"^[A-Za-z0-9_][A-Za-z0-9_.\-]*(:[A-Za-z0-9_][A-Za-z0-9_.\-]*)?$", RegexOptions.CultureInvariant);
    private static readonly Regex SignalPattern = new(@"^(SIG[A-Z0-9+\-]+|[0-9]{1,2})$", RegexOptions.CultureInvariant);
    private static readonly Regex PlatformPattern = new(@"^(\$\{?(BUILD|TARGET)PLATFORM\}?|[a-z0-9]+/[a-z0-9_]+(/[a-z0-9]+)?)$", RegexOptions.CultureInvariant);
    private static readonly Regex ChecksumPattern = new(@"^sha(256|384|512):[a-f0-9]{64,128}$", RegexOptions.CultureInvariant);
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

        if (value.Contains("<<"))
        {
            return "contains '<<', which BuildKit reads as the start of a heredoc; use [RunHeredoc] for scripts";
        }

        return null;
    }

    /// <summary>A bare word: a path, name or pattern written without quotes.</summary>
    public static string? Word(string? value, char escape)
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

        foreach (var c in value!)
        {
            if (char.IsWhiteSpace(c))
            {
                return "contains white space, which would split it into several arguments";
            }

            if (c is '"' or '\'')
            {
                return $"contains the quote {c}";
            }

            if (c == '$')
            {
                return "contains '$', which the Dockerfile would expand as a variable";
            }

            if (c == escape)
            {
                return $"contains the escape character '{escape}'";
            }
        }

        return value.Contains("<<") ? "contains '<<', which BuildKit reads as the start of a heredoc in RUN, COPY and ADD" : null;
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

    public static string? AbsolutePath(string? value, char escape)
    {
        var word = Word(value, escape);
        if (word is not null)
        {
            return word;
        }

        return value!.StartsWith("/", System.StringComparison.Ordinal) ? null : "is not an absolute path (start it with '/')";
    }

    public static string? Image(string? value) =>
        string.IsNullOrEmpty(value) ? "is empty"
        : ImagePattern.IsMatch(value!) ? null
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

    public static string? Octal(string? value) =>
        string.IsNullOrEmpty(value) ? "is empty"
        : OctalPattern.IsMatch(value!) ? null
        : "is not an octal file mode such as '0755'";

    public static string? Owner(string? value) =>
        string.IsNullOrEmpty(value) ? "is empty"
        : OwnerPattern.IsMatch(value!) ? null
        : "is not an owner such as '1001:1001' or 'app:app'";

    public static string? Signal(string? value) =>
        string.IsNullOrEmpty(value) ? "is empty"
        : SignalPattern.IsMatch(value!) ? null
        : "is not a signal such as 'SIGTERM', 'SIGINT' or '15'";

    public static string? Platform(string? value) =>
        string.IsNullOrEmpty(value) ? "is empty"
        : PlatformPattern.IsMatch(value!) ? null
        : "is not a platform such as 'linux/amd64' or '$BUILDPLATFORM'";

    public static string? Checksum(string? value) =>
        string.IsNullOrEmpty(value) ? "is empty"
        : ChecksumPattern.IsMatch(value!) ? null
        : "is not a checksum such as 'sha256:<64 hex digits>'";

    public static string? AptPackage(string? value) =>
        string.IsNullOrEmpty(value) ? "is empty"
        : AptPackagePattern.IsMatch(value!) ? null
        : "is not a Debian package name (optionally 'name=version')";

    public static string? Port(int value) =>
        value is >= 1 and <= 65535 ? null : "is not a port number from 1 to 65535";

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

using System.Text.RegularExpressions;

namespace DockerDsl.Core.Import;

/// <summary>
/// What the C# front end accepts in each place of a declaration (the rules of
/// <c>DockerDsl.Declarations.Parsing.ValueRules</c>, which this assembly cannot reference): the importer
/// writes a typed attribute only for values that pass, so an imported declaration has no DDSL1xx error.
/// Each returns true when the value is accepted.
/// </summary>
internal static class DeclarationValues
{
    private static readonly Regex ImagePattern = new(@"^[a-z0-9][a-z0-9._\-/:]*[A-Za-z0-9._\-]*(@sha256:[a-f0-9]{64})?$", RegexOptions.CultureInvariant);
    private static readonly Regex PortSpecPattern = new(@"^(?<first>[0-9]+|x)(-(?<last>[0-9]+|x))?(/(tcp|udp|sctp|x))?$", RegexOptions.CultureInvariant);
    private static readonly Regex MaskedPlatformPattern = new(@"^[a-z0-9_]+(/[a-z0-9_]+){0,2}$", RegexOptions.CultureInvariant);

    private static readonly Regex StageNamePattern = new(@"^[A-Za-z][A-Za-z0-9_.\-]*$", RegexOptions.CultureInvariant);
    private static readonly Regex VariableNamePattern = new(@"^[A-Za-z_][A-Za-z0-9_]*$", RegexOptions.CultureInvariant);
    private static readonly Regex LabelKeyPattern = new(@"^[A-Za-z0-9][A-Za-z0-9._/\-]*$", RegexOptions.CultureInvariant);
    private static readonly Regex DurationPattern = new(@"^([0-9]+(\.[0-9]+)?(ns|us|µs|ms|s|m|h))+$", RegexOptions.CultureInvariant);
    private static readonly Regex FileModePattern = new(@"^(?:[0-7]{3,4}|[ugoa]*(?:[-+=](?:[rwxXst]*|[ugo]))+(?:,[ugoa]*(?:[-+=](?:[rwxXst]*|[ugo]))+)*)$", RegexOptions.CultureInvariant);
    private static readonly Regex OctalPattern = new(@"^[0-7]{3,4}$", RegexOptions.CultureInvariant);
    private static readonly Regex OwnerPattern = new(@"^[A-Za-z0-9_][A-Za-z0-9_.\-]*(:[A-Za-z0-9_][A-Za-z0-9_.\-]*)?$", RegexOptions.CultureInvariant);
    private static readonly Regex SignalPattern = new(@"^(SIG[A-Z0-9+\-]+|[0-9]{1,2})$", RegexOptions.CultureInvariant);
    private static readonly Regex PlatformPattern = new(@"^(\$\{?(BUILD|TARGET)PLATFORM\}?|[a-z0-9]+/[a-z0-9_]+(/[a-z0-9]+)?)$", RegexOptions.CultureInvariant);
    private static readonly Regex ChecksumPattern = new(@"^sha(256|384|512):[a-f0-9]{64,128}$", RegexOptions.CultureInvariant);

    /// <summary>A command line: one line that cannot join or start another.</summary>
    public static bool ShellLine(string value, char escape) =>
        value.Trim().Length > 0
        && !HasControlCharacter(value)
        && !value.TrimStart().StartsWith("#", System.StringComparison.Ordinal)
        && !value.TrimEnd().EndsWith(escape.ToString(), System.StringComparison.Ordinal)
        && !value.Contains("<<");

    /// <summary>
    /// A bare word: a path, name or pattern written without quotes, where every <c>$</c> starts a variable reference
    /// BuildKit's lexer processes; it may not start with <c>--</c> (a flag).
    /// </summary>
    public static bool Word(string value, char escape) => WordProblem(value, escape, spaces: false, variables: true);

    /// <summary>A COPY or ADD path: a <see cref="Word"/> that may hold white space (the emitter writes the JSON form).</summary>
    public static bool Path(string value, char escape) => WordProblem(value, escape, spaces: true, variables: true);

    /// <summary>A <see cref="Word"/> without any <c>$</c>.</summary>
    public static bool LiteralWord(string value, char escape) => WordProblem(value, escape, spaces: false, variables: false);

    private static bool WordProblem(string value, char escape, bool spaces, bool variables)
    {
        if (value.Length == 0 || HasControlCharacter(value) || value.Trim().Length == 0 || value.Contains("<<")
            || value.StartsWith("--", System.StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var c in value)
        {
            if ((char.IsWhiteSpace(c) && !spaces) || c is '"' or '\'' || c == escape || (c == '$' && !variables))
            {
                return false;
            }
        }

        return !variables || Text.Shell.VariableReferences.Problem(value, escape) is null;
    }

    /// <summary>A value written in double quotes (ENV, LABEL, ARG defaults).</summary>
    public static bool QuotedValue(string value) => !HasControlCharacter(value);

    /// <summary>Heredoc content after CRLF is normalized: no bare carriage return.</summary>
    public static bool HeredocBody(string value) => value.IndexOf('\r') < 0;

    public static bool IgnorePattern(string value) =>
        value.Trim().Length > 0
        && !value.TrimStart().StartsWith("#", System.StringComparison.Ordinal)
        && !HasControlCharacter(value)
        && Rules.DockerignorePattern.Problem(value) is null;

    /// <summary>An absolute <see cref="Word"/>; one that starts with a variable is taken to hold an absolute path.</summary>
    public static bool AbsolutePath(string value, char escape) =>
        Word(value, escape) && (value.StartsWith("/", System.StringComparison.Ordinal) || value.StartsWith("$", System.StringComparison.Ordinal));

    /// <summary>A mount option value: a bare word without the separators of the --mount syntax.</summary>
    public static bool MountValue(string value, char escape) => Word(value, escape) && value.IndexOfAny(new[] { ',', '=' }) < 0;

    /// <summary>An image reference; variables may stand for any part of it.</summary>
    public static bool Image(string value, char escape) => Form(value, escape, ImagePattern);

    public static bool StageName(string value) => value.Length > 0 && StageNamePattern.IsMatch(value);

    public static bool VariableName(string value) => value.Length > 0 && VariableNamePattern.IsMatch(value);

    public static bool LabelKey(string value) => value.Length > 0 && LabelKeyPattern.IsMatch(value);

    public static bool Duration(string value) => value.Length > 0 && DurationPattern.IsMatch(value);

    /// <summary>An octal mode, or a word with variables that holds one (BuildKit checks it once it expands them).</summary>
    public static bool Octal(string value, char escape) => Expanded(value, escape, OctalPattern);

    /// <summary>A --chmod of COPY and ADD: octal or symbolic (<c>u+x</c>), or a word with variables.</summary>
    public static bool FileMode(string value, char escape) => Expanded(value, escape, FileModePattern);

    /// <summary>A user, optionally with a group; variables may stand for either.</summary>
    public static bool Owner(string value, char escape) => Form(value, escape, OwnerPattern);

    /// <summary>A stop signal, or a word with variables that holds one.</summary>
    public static bool Signal(string value, char escape) => Expanded(value, escape, SignalPattern);

    /// <summary>The --platform of FROM, where variables may stand for the whole platform or any part.</summary>
    public static bool Platform(string value, char escape) =>
        Text.Shell.VariableReferences.Any(value)
            ? Word(value, escape) && MaskedPlatformPattern.IsMatch(Text.Shell.VariableReferences.Mask(value))
            : value.Length > 0 && PlatformPattern.IsMatch(value);

    // A value of a fixed form, or a word with variables whose value BuildKit checks once it expands them.
    private static bool Expanded(string value, char escape, Regex pattern) =>
        value.Length > 0 && (Text.Shell.VariableReferences.Any(value) ? Word(value, escape) : pattern.IsMatch(value));

    // A value of a fixed form that variables may stand in for: a word whose references, masked, leave that form.
    private static bool Form(string value, char escape, Regex pattern)
    {
        if (value.Length == 0)
        {
            return false;
        }

        var variables = Text.Shell.VariableReferences.Any(value);
        if (variables && !Word(value, escape))
        {
            return false;
        }

        return pattern.IsMatch(variables ? Text.Shell.VariableReferences.Mask(value) : value);
    }

    /// <summary>
    /// A port of EXPOSE as text: <c>port[/protocol]</c> or <c>first-last[/protocol]</c>, ports 1-65535, tcp, udp or sctp,
    /// where variables may stand for a port, the protocol or the whole.
    /// </summary>
    public static bool PortSpec(string value, char escape)
    {
        if (!Word(value, escape))
        {
            return false;
        }

        var match = PortSpecPattern.Match(Text.Shell.VariableReferences.Mask(value));
        if (!match.Success)
        {
            return false;
        }

        int? Number(Group group) =>
            !group.Success || group.Value == Text.Shell.VariableReferences.Placeholder ? null
            : CanonicalNumber(group.Value, 65535, out var n) ? (int)n
            : int.MaxValue;

        var first = Number(match.Groups["first"]);
        var last = Number(match.Groups["last"]);
        return first is not (< 1 or > 65535) && last is not (< 1 or > 65535) && !(first is { } a && last is { } b && b < a);
    }

    public static bool Checksum(string value) => value.Length > 0 && ChecksumPattern.IsMatch(value);

    /// <summary>Digits that read back as the same number: no sign, no leading zero.</summary>
    public static bool CanonicalNumber(string value, long max, out long number)
    {
        number = 0;
        if (value.Length == 0 || value.Length > 18 || (value.Length > 1 && value[0] == '0'))
        {
            return false;
        }

        foreach (var c in value)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }

            number = (number * 10) + (c - '0');
        }

        return number <= max;
    }

    private static bool HasControlCharacter(string value)
    {
        foreach (var c in value)
        {
            if (c is '\r' or '\n' or '\u0085' or '\u2028' or '\u2029' || (char.IsControl(c) && c != '\t'))
            {
                return true;
            }
        }

        return false;
    }
}

using DockerDsl.Core.Model;

namespace DockerDsl.Core.Import;

/// <summary>
/// What the C# front end accepts in each place of a declaration, as booleans: each asks the front end's own
/// <see cref="ValueRules"/>, so the importer writes a typed attribute only for values the declaration parser takes,
/// and an imported declaration has no DDSL1xx error.
/// </summary>
internal static class DeclarationValues
{
    /// <summary>A command line: one line that cannot join or start another.</summary>
    public static bool ShellLine(string value, char escape) => ValueRules.ShellLine(value, escape) is null;

    /// <summary>A bare word, where every <c>$</c> starts a variable reference and which is no flag.</summary>
    public static bool Word(string value, char escape) => ValueRules.Word(value, escape) is null;

    /// <summary>A COPY or ADD path: a <see cref="Word"/> that may hold white space (the emitter writes the JSON form).</summary>
    public static bool Path(string value, char escape) => ValueRules.Path(value, escape) is null;

    /// <summary>A <see cref="Word"/> without any <c>$</c>.</summary>
    public static bool LiteralWord(string value, char escape) => ValueRules.LiteralWord(value, escape) is null;

    /// <summary>A value written in double quotes (ENV, LABEL, ARG defaults).</summary>
    public static bool QuotedValue(string value) => ValueRules.QuotedValue(value) is null;

    /// <summary>Heredoc content, kept exactly.</summary>
    public static bool HeredocBody(string value) => ValueRules.HeredocBody(value) is null;

    public static bool IgnorePattern(string value) => ValueRules.IgnorePattern(value) is null;

    /// <summary>An absolute path, or a word with variables taken to hold one.</summary>
    public static bool AbsolutePath(string value, char escape) => ValueRules.AbsolutePath(value, escape) is null;

    /// <summary>A mount option value: a bare word without the separators of the --mount syntax.</summary>
    public static bool MountValue(string value, char escape) => Word(value, escape) && value.IndexOfAny(new[] { ',', '=' }) < 0;

    /// <summary>An image reference; variables may stand for any part of it.</summary>
    public static bool Image(string value, char escape) => ValueRules.Image(value, escape) is null;

    public static bool StageName(string value) => ValueRules.StageName(value) is null;

    public static bool VariableName(string value) => ValueRules.VariableName(value) is null;

    public static bool LabelKey(string value) => ValueRules.LabelKey(value) is null;

    public static bool Duration(string value) => ValueRules.Duration(value) is null;

    public static bool Octal(string value, char escape) => ValueRules.Octal(value, escape) is null;

    public static bool FileMode(string value, char escape) => ValueRules.FileMode(value, escape) is null;

    public static bool Owner(string value, char escape) => ValueRules.Owner(value, escape) is null;

    public static bool Signal(string value, char escape) => ValueRules.Signal(value, escape) is null;

    /// <summary>The --platform of FROM, where variables may stand for the whole platform or any part.</summary>
    public static bool Platform(string value, char escape) => ValueRules.StagePlatform(value, escape) is null;

    /// <summary>A port of EXPOSE as text.</summary>
    public static bool PortSpec(string value, char escape) => ValueRules.PortSpec(value, escape, out _) is null;

    /// <summary>A checksum of ADD.</summary>
    public static bool Checksum(string value, char escape) => ValueRules.Checksum(value, escape) is null;

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
}

using System.Text;

namespace DockerDsl.Core.Model;

/// <summary>Derives Dockerfile names from C# names.</summary>
public static class Naming
{
    /// <summary><c>BuildTools</c> → <c>build-tools</c>; <c>HTTPServer</c> → <c>http-server</c>.</summary>
    public static string ToKebabCase(string name) => Split(name, '-', upper: false);

    /// <summary><c>RVersion</c> → <c>R_VERSION</c>.</summary>
    public static string ToUpperSnakeCase(string name) => Split(name, '_', upper: true);

    private static string Split(string name, char separator, bool upper)
    {
        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (c == '_')
            {
                if (builder.Length > 0 && builder[builder.Length - 1] != separator)
                {
                    builder.Append(separator);
                }

                continue;
            }

            if (char.IsUpper(c) && i > 0 && builder.Length > 0 && builder[builder.Length - 1] != separator)
            {
                var previous = name[i - 1];
                var nextIsLower = i + 1 < name.Length && char.IsLower(name[i + 1]);
                if (char.IsLower(previous) || char.IsDigit(previous) || (char.IsUpper(previous) && nextIsLower))
                {
                    builder.Append(separator);
                }
            }

            builder.Append(upper ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }
}

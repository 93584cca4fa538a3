using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace DockerDsl.Tests.Infrastructure;

/// <summary>
/// Reads Dockerfile text the way BuildKit's parser splits it: parser directives, comments, line
/// continuations and heredocs. Tests use it to prove that every value stayed inside its instruction.
/// </summary>
public static class DockerfileReader
{
    private static readonly Regex Directive = new(@"^#\s*([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$", RegexOptions.CultureInvariant);

    public sealed record Instruction(string Keyword, string Text, IReadOnlyList<string> Heredocs);

    public sealed record Document(IReadOnlyDictionary<string, string> Directives, IReadOnlyList<Instruction> Instructions);

    public static Document Read(string text)
    {
        var lines = text.Split('\n');
        var directives = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var i = 0;
        for (; i < lines.Length; i++)
        {
            var match = Directive.Match(lines[i]);
            if (!match.Success || directives.ContainsKey(match.Groups[1].Value))
            {
                break;
            }

            directives[match.Groups[1].Value] = match.Groups[2].Value;
        }

        var escape = directives.TryGetValue("escape", out var e) && e == "`" ? '`' : '\\';
        var instructions = new List<Instruction>();
        for (; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Trim().Length == 0 || line.TrimStart().StartsWith("#", StringComparison.Ordinal))
            {
                continue;
            }

            var logical = line;
            while (logical.TrimEnd().EndsWith(escape.ToString(), StringComparison.Ordinal))
            {
                var trimmed = logical.TrimEnd();
                logical = trimmed.Substring(0, trimmed.Length - 1);
                i++;
                while (i < lines.Length && (lines[i].Trim().Length == 0 || lines[i].TrimStart().StartsWith("#", StringComparison.Ordinal)))
                {
                    i++;
                }

                if (i >= lines.Length)
                {
                    throw new FormatException("A line continuation runs past the end of the file.");
                }

                logical += lines[i];
            }

            var keyword = FirstWord(logical).ToUpperInvariant();
            var heredocs = new List<string>();
            var arguments = logical.TrimStart().Substring(keyword.Length).TrimStart();
            if (keyword is "RUN" or "COPY" or "ADD" && !StripFlags(arguments).StartsWith("[", StringComparison.Ordinal))
            {
                // Which words open a heredoc, as BuildKit's parser decides (heredocsFromLine, ported in Core).
                foreach (var marker in DockerDsl.Core.Text.Syntax.HeredocWord.FromLine(logical))
                {
                    var name = marker.Name;
                    var body = new List<string>();
                    i++;
                    while (i < lines.Length && (marker.Chomp ? lines[i].TrimEnd('\r').TrimStart('\t') : lines[i].TrimEnd('\r')) != name)
                    {
                        body.Add(lines[i]);
                        i++;
                    }

                    if (i >= lines.Length)
                    {
                        throw new FormatException($"Heredoc {name} is not closed.");
                    }

                    heredocs.Add(string.Join("\n", body) + "\n");
                }
            }

            instructions.Add(new Instruction(keyword, logical, heredocs));
        }

        return new Document(directives, instructions);
    }

    /// <summary>Undoes <c>"..."</c> quoting of ENV/LABEL/ARG values with the given escape character.</summary>
    public static string Unquote(string quoted, char escape)
    {
        if (quoted.Length < 2 || quoted[0] != '"' || quoted[quoted.Length - 1] != '"')
        {
            throw new FormatException("Not a double-quoted value: " + quoted);
        }

        var builder = new System.Text.StringBuilder();
        for (var i = 1; i < quoted.Length - 1; i++)
        {
            var c = quoted[i];
            if (c == escape && i + 1 < quoted.Length - 1)
            {
                i++;
                builder.Append(quoted[i]);
                continue;
            }

            if (c == '"')
            {
                throw new FormatException("An unescaped quote ends the value early: " + quoted);
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>Parses the JSON array at the end of an exec-form instruction.</summary>
    public static string[] JsonArray(string instructionText)
    {
        var start = instructionText.IndexOf('[');
        using var json = System.Text.Json.JsonDocument.Parse(instructionText.Substring(start));
        var items = new List<string>();
        foreach (var element in json.RootElement.EnumerateArray())
        {
            items.Add(element.GetString()!);
        }

        return items.ToArray();
    }

    private static string StripFlags(string arguments)
    {
        var rest = arguments;
        while (rest.StartsWith("--", StringComparison.Ordinal))
        {
            var end = rest.IndexOf(' ');
            rest = end < 0 ? string.Empty : rest.Substring(end + 1).TrimStart();
        }

        return rest;
    }

    private static string FirstWord(string text)
    {
        var trimmed = text.TrimStart();
        var end = 0;
        while (end < trimmed.Length && !char.IsWhiteSpace(trimmed[end]))
        {
            end++;
        }

        return trimmed.Substring(0, end);
    }
}

using System;
using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;

namespace DockerDsl.Build.Images;

/// <summary>One <c>target</c> block of the generated bake file.</summary>
internal sealed class BakeTarget
{
    public BakeTarget(string name, string context, string dockerfile, string? stage, IReadOnlyList<string> tags)
    {
        Name = name;
        Context = context;
        Dockerfile = dockerfile;
        Stage = stage;
        Tags = tags;
    }

    public string Name { get; }

    /// <summary>Relative to the project folder, where bake runs.</summary>
    public string Context { get; }

    /// <summary>Relative to <see cref="Context"/>, as bake resolves it.</summary>
    public string Dockerfile { get; }

    /// <summary>The <c>target</c> attribute (a stage), or null for the final stage.</summary>
    public string? Stage { get; }

    public IReadOnlyList<string> Tags { get; }
}

/// <summary>
/// Reads the <c>docker-bake.hcl</c> that DockerDsl generates (Core's BakeEmitter): the targets of the
/// <c>default</c> group and every target's context, Dockerfile, stage and tags. It reads that one format,
/// line by line, not HCL in general; a file it cannot read is reported, never guessed at.
/// </summary>
internal static class BakeFile
{
    private static readonly Regex TargetStart = new("^target \"((?:[^\"\\\\]|\\\\.)*)\" \\{$", RegexOptions.CultureInvariant);
    private static readonly Regex Attribute = new("^  ([a-z-]+) = (.*)$", RegexOptions.CultureInvariant);
    private static readonly Regex StringLiteral = new("\"((?:[^\"\\\\]|\\\\.)*)\"", RegexOptions.CultureInvariant);

    public sealed class Contents
    {
        public Contents(IReadOnlyList<string> defaultTargets, IReadOnlyList<BakeTarget> targets)
        {
            DefaultTargets = defaultTargets;
            Targets = targets;
        }

        public IReadOnlyList<string> DefaultTargets { get; }

        public IReadOnlyList<BakeTarget> Targets { get; }
    }

    /// <exception cref="FormatException">The text is not a bake file DockerDsl wrote.</exception>
    public static Contents Parse(string text)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n');
        var defaults = new List<string>();
        var targets = new List<BakeTarget>();
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line == "group \"default\" {")
            {
                i++;
                if (i >= lines.Length || Attribute.Match(lines[i]) is not { Success: true } targetsLine || targetsLine.Groups[1].Value != "targets")
                {
                    throw new FormatException($"line {i + 1}: expected 'targets = [...]' in the default group");
                }

                defaults.AddRange(Strings(targetsLine.Groups[2].Value));
                continue;
            }

            var start = TargetStart.Match(line);
            if (!start.Success)
            {
                continue;
            }

            var name = Unescape(start.Groups[1].Value);
            string? context = null, dockerfile = null, stage = null;
            var tags = new List<string>();
            for (i++; i < lines.Length && lines[i] != "}"; i++)
            {
                var attribute = Attribute.Match(lines[i]);
                if (!attribute.Success)
                {
                    // Nested blocks (args = { ... }) hold nothing this reader needs.
                    continue;
                }

                var value = attribute.Groups[2].Value;
                switch (attribute.Groups[1].Value)
                {
                    case "context": context = Single(value, i); break;
                    case "dockerfile": dockerfile = Single(value, i); break;
                    case "target": stage = Single(value, i); break;
                    case "tags": tags.AddRange(Strings(value)); break;
                }
            }

            if (context is null || dockerfile is null)
            {
                throw new FormatException($"target \"{name}\" has no context or dockerfile");
            }

            targets.Add(new BakeTarget(name, context, dockerfile, stage, tags));
        }

        if (defaults.Count == 0)
        {
            throw new FormatException("no 'group \"default\"' with targets");
        }

        foreach (var name in defaults)
        {
            if (!targets.Exists(t => t.Name == name))
            {
                throw new FormatException($"the default group names target \"{name}\", which the file does not define");
            }
        }

        return new Contents(defaults, targets);
    }

    private static string Single(string value, int index)
    {
        var strings = Strings(value);
        if (strings.Count != 1 || !value.StartsWith("\"", StringComparison.Ordinal))
        {
            throw new FormatException($"line {index + 1}: expected one string, found {value}");
        }

        return strings[0];
    }

    private static List<string> Strings(string value)
    {
        var result = new List<string>();
        foreach (Match match in StringLiteral.Matches(value))
        {
            result.Add(Unescape(match.Groups[1].Value));
        }

        return result;
    }

    /// <summary>Undoes BakeEmitter's HCL string escapes: <c>\" \\ \n \r \t \uXXXX</c>, and <c>$${</c> / <c>%%{</c>.</summary>
    private static string Unescape(string value)
    {
        var text = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '\\' && i + 1 < value.Length)
            {
                var next = value[++i];
                switch (next)
                {
                    case 'n': text.Append('\n'); break;
                    case 'r': text.Append('\r'); break;
                    case 't': text.Append('\t'); break;
                    case 'u' when i + 4 < value.Length:
                        text.Append((char)Convert.ToInt32(value.Substring(i + 1, 4), 16));
                        i += 4;
                        break;
                    default: text.Append(next); break;
                }
            }
            else if ((c == '$' || c == '%') && i + 2 < value.Length && value[i + 1] == c && value[i + 2] == '{')
            {
                text.Append(c);
                i++;
            }
            else
            {
                text.Append(c);
            }
        }

        return text.ToString();
    }
}

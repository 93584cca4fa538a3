using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace DockerDsl.Cli.Lock;

/// <summary>One target of the generated bake file: the Dockerfile it builds, relative to the project folder, and its platforms.</summary>
internal sealed record BakeTarget(string Dockerfile, IReadOnlyList<string> Platforms);

/// <summary>
/// The platforms each Dockerfile is built for, from the bake file the generator writes (Emit/BakeEmitter): its
/// <c>target</c> blocks' <c>context</c>, <c>dockerfile</c> and <c>platforms</c>. Only that generated shape is read.
/// </summary>
internal static class BakePlatforms
{
    public static IEnumerable<BakeTarget> Read(string bake)
    {
        string? context = null, dockerfile = null;
        List<string>? platforms = null;
        var inTarget = false;
        foreach (var raw in bake.Split('\n'))
        {
            var line = raw.Trim();
            if (line.StartsWith("target \"", StringComparison.Ordinal) && line.EndsWith("{", StringComparison.Ordinal))
            {
                (inTarget, context, dockerfile, platforms) = (true, null, null, null);
            }
            else if (inTarget && line == "}")
            {
                inTarget = false;
                if (dockerfile is not null && platforms is not null)
                {
                    yield return new BakeTarget(Normalize((context ?? ".") + "/" + dockerfile), platforms);
                }
            }
            else if (inTarget && Attribute(line, "context") is { } contextValue)
            {
                context = String(contextValue);
            }
            else if (inTarget && Attribute(line, "dockerfile") is { } dockerfileValue)
            {
                dockerfile = String(dockerfileValue);
            }
            else if (inTarget && Attribute(line, "platforms") is { } platformsValue)
            {
                platforms = Strings(platformsValue);
            }
        }
    }

    /// <summary>
    /// The platforms of the targets that build <paramref name="declaredPath"/>: a target's Dockerfile, relative to
    /// the project folder, is the declared path below the output folder, so it ends with it; the longest declared
    /// path that fits wins.
    /// </summary>
    public static IReadOnlyList<string> For(string declaredPath, IReadOnlyList<string> declaredPaths, IReadOnlyList<BakeTarget> targets)
    {
        var platforms = new List<string>();
        foreach (var target in targets)
        {
            var best = declaredPaths.Where(path => Ends(target.Dockerfile, Normalize(path))).OrderByDescending(path => path.Length).FirstOrDefault();
            if (best == declaredPath)
            {
                platforms.AddRange(target.Platforms.Where(p => !platforms.Contains(p)));
            }
        }

        return platforms;
    }

    private static bool Ends(string path, string suffix) =>
        path == suffix || path.EndsWith("/" + suffix, StringComparison.Ordinal);

    private static string? Attribute(string line, string name) =>
        line.StartsWith(name + " = ", StringComparison.Ordinal) ? line.Substring(name.Length + 3) : null;

    /// <summary>A path with <c>.</c> and <c>..</c> segments folded, with '/'.</summary>
    private static string Normalize(string path)
    {
        var segments = new List<string>();
        foreach (var segment in path.Replace('\\', '/').Split('/'))
        {
            if (segment.Length == 0 || segment == ".")
            {
                continue;
            }

            if (segment == ".." && segments.Count > 0 && segments[^1] != "..")
            {
                segments.RemoveAt(segments.Count - 1);
            }
            else
            {
                segments.Add(segment);
            }
        }

        return string.Join("/", segments);
    }

    private static List<string> Strings(string value)
    {
        var items = new List<string>();
        var position = 0;
        while ((position = value.IndexOf('"', position)) >= 0)
        {
            var end = StringEnd(value, position);
            items.Add(String(value.Substring(position, end - position + 1)));
            position = end + 1;
        }

        return items;
    }

    private static int StringEnd(string value, int start)
    {
        for (var i = start + 1; i < value.Length; i++)
        {
            if (value[i] == '\\')
            {
                i++;
            }
            else if (value[i] == '"')
            {
                return i;
            }
        }

        return value.Length - 1;
    }

    /// <summary>An HCL string as BakeEmitter writes it: its escapes and doubled <c>$${</c> / <c>%%{</c> undone.</summary>
    private static string String(string quoted)
    {
        var text = new StringBuilder();
        var body = quoted.Trim();
        body = body.Length >= 2 && body[0] == '"' && body[^1] == '"' ? body[1..^1] : body;
        for (var i = 0; i < body.Length; i++)
        {
            var c = body[i];
            if (c == '\\' && i + 1 < body.Length)
            {
                var next = body[++i];
                if (next == 'u' && i + 4 < body.Length && int.TryParse(body.AsSpan(i + 1, 4), System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture, out var code))
                {
                    text.Append((char)code);
                    i += 4;
                    continue;
                }

                text.Append(next switch { 'n' => '\n', 'r' => '\r', 't' => '\t', _ => next });
            }
            else if ((c == '$' || c == '%') && i + 2 < body.Length && body[i + 1] == c && body[i + 2] == '{')
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

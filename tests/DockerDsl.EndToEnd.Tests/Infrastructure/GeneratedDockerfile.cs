using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace DockerDsl.EndToEnd.Tests.Infrastructure;

/// <summary>The health check of a Dockerfile, in the shape of <c>Config.Healthcheck</c> of <c>docker image inspect</c>.</summary>
public sealed record HealthCheck(IReadOnlyList<string> Test, long Interval, long Timeout, long StartPeriod, long StartInterval, int Retries)
{
    public override string ToString() =>
        $"[{string.Join(", ", Test.Select(t => JsonSerializer.Serialize(t)))}] interval={Interval} timeout={Timeout} start-period={StartPeriod} start-interval={StartInterval} retries={Retries}";

    /// <summary>From the <c>Config.Healthcheck</c> object of an image (absent fields are zero).</summary>
    public static HealthCheck FromInspect(JsonElement healthcheck)
    {
        long Nanoseconds(string name) => healthcheck.TryGetProperty(name, out var value) ? value.GetInt64() : 0;
        return new HealthCheck(
            healthcheck.GetProperty("Test").EnumerateArray().Select(e => e.GetString()!).ToList(),
            Nanoseconds("Interval"),
            Nanoseconds("Timeout"),
            Nanoseconds("StartPeriod"),
            Nanoseconds("StartInterval"),
            healthcheck.TryGetProperty("Retries", out var retries) ? retries.GetInt32() : 0);
    }

    public bool SameAs(HealthCheck other) =>
        Test.SequenceEqual(other.Test) && Interval == other.Interval && Timeout == other.Timeout
        && StartPeriod == other.StartPeriod && StartInterval == other.StartInterval && Retries == other.Retries;
}

/// <summary>Reads what the tests compare with the built image from a generated Dockerfile's final stage.</summary>
public sealed class GeneratedDockerfile
{
    private readonly List<string> finalStage;

    public GeneratedDockerfile(string text)
    {
        Text = text;
        var instructions = Instructions(text).ToList();
        var lastFrom = instructions.FindLastIndex(i => Keyword(i) == "FROM");
        finalStage = instructions.Skip(lastFrom + 1).ToList();
    }

    public string Text { get; }

    /// <summary>The last <c>USER</c> of the final stage, or null.</summary>
    public string? User => finalStage.LastOrDefault(i => Keyword(i) == "USER")?[5..].Trim();

    /// <summary>The ports the final stage exposes, as <c>8080/tcp</c>.</summary>
    public IReadOnlyList<string> ExposedPorts =>
        finalStage.Where(i => Keyword(i) == "EXPOSE")
            .SelectMany(i => i[7..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(p => p.Contains('/') ? p : p + "/tcp")
            .ToList();

    /// <summary>The last <c>HEALTHCHECK</c> of the final stage, or null.</summary>
    public HealthCheck? HealthCheck
    {
        get
        {
            var line = finalStage.LastOrDefault(i => Keyword(i) == "HEALTHCHECK");
            if (line is null)
            {
                return null;
            }

            var match = Regex.Match(line, @"^HEALTHCHECK\s+(?<options>(?:--[a-z-]+=\S+\s+)*)CMD\s+(?<command>.+)$", RegexOptions.Singleline);
            if (!match.Success)
            {
                throw new FormatException($"Unexpected HEALTHCHECK: {line}");
            }

            var options = Regex.Matches(match.Groups["options"].Value, @"--(?<name>[a-z-]+)=(?<value>\S+)")
                .ToDictionary(m => m.Groups["name"].Value, m => m.Groups["value"].Value);
            long Duration(string name) => options.TryGetValue(name, out var value) ? GoDuration(value) : 0;

            var command = match.Groups["command"].Value.Trim();
            var test = command.StartsWith('[')
                ? new[] { "CMD" }.Concat(JsonSerializer.Deserialize<string[]>(command)!).ToList()
                : new List<string> { "CMD-SHELL", command };
            return new HealthCheck(
                test,
                Duration("interval"),
                Duration("timeout"),
                Duration("start-period"),
                Duration("start-interval"),
                options.TryGetValue("retries", out var retries) ? int.Parse(retries, CultureInfo.InvariantCulture) : 0);
        }
    }

    /// <summary>Every base image named by a FROM that is not an earlier stage.</summary>
    public IReadOnlyList<string> BaseImages
    {
        get
        {
            var stages = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var images = new List<string>();
            foreach (var from in Instructions(Text).Where(i => Keyword(i) == "FROM"))
            {
                var words = from.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => !w.StartsWith("--", StringComparison.Ordinal)).ToList();
                var image = words[1];
                if (!stages.Contains(image) && !images.Contains(image))
                {
                    images.Add(image);
                }

                if (words.Count >= 4 && words[2].Equals("AS", StringComparison.OrdinalIgnoreCase))
                {
                    stages.Add(words[3]);
                }
            }

            return images;
        }
    }

    /// <summary>Go's time.ParseDuration for the units Dockerfiles use, in nanoseconds.</summary>
    public static long GoDuration(string text)
    {
        var total = 0.0;
        var matches = Regex.Matches(text, @"(?<n>\d+(?:\.\d+)?)(?<unit>ns|us|µs|ms|s|m|h)");
        if (matches.Sum(m => m.Length) != text.Length || matches.Count == 0)
        {
            throw new FormatException($"Not a Go duration: {text}");
        }

        foreach (Match m in matches)
        {
            var n = double.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture);
            total += n * m.Groups["unit"].Value switch
            {
                "ns" => 1,
                "us" or "µs" => 1e3,
                "ms" => 1e6,
                "s" => 1e9,
                "m" => 60e9,
                _ => 3600e9,
            };
        }

        return (long)total;
    }

    /// <summary>Instructions with their continuation lines joined; comments and heredoc bodies are skipped.</summary>
    private static IEnumerable<string> Instructions(string text)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n');
        var current = "";
        string? heredocEnd = null;
        foreach (var raw in lines)
        {
            if (heredocEnd is not null)
            {
                if (raw.Trim() == heredocEnd)
                {
                    heredocEnd = null;
                }

                continue;
            }

            var line = raw.TrimEnd();
            if (current.Length == 0 && (line.Length == 0 || line.TrimStart().StartsWith('#')))
            {
                continue;
            }

            if (line.EndsWith('\\'))
            {
                current += line[..^1].Trim() + " ";
                continue;
            }

            current += line.Trim();
            var heredoc = Regex.Match(current, @"<<-?'?""?(?<end>[A-Za-z_]+)'?""?");
            if (heredoc.Success)
            {
                heredocEnd = heredoc.Groups["end"].Value;
            }

            yield return current;
            current = "";
        }
    }

    private static string Keyword(string instruction) => instruction.Split(' ', 2)[0].ToUpperInvariant();
}

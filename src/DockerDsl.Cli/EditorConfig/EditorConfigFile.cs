using System;
using System.Collections.Generic;
using System.IO;

namespace DockerDsl.Cli.EditorConfig;

/// <summary>One <c>key = value</c> line; the key lower-cased, as editorconfig keys are case-insensitive.</summary>
internal readonly record struct EditorConfigProperty(string Key, string Value, int Line);

/// <summary>A <c>[name]</c> section and its properties in file order; <see cref="Matcher"/> is null for a malformed name.</summary>
internal sealed record EditorConfigSection(string Name, SectionNameMatcher? Matcher, IReadOnlyList<EditorConfigProperty> Properties);

/// <summary>
/// One .editorconfig file, parsed as Roslyn parses it: blank lines and lines starting with '#' or ';' are
/// comments, a trailing '#' or ';' starts a comment, keys are letters, digits, '.', '-' and '_' followed by
/// '=' or ':', and lines that are neither a section nor a property are ignored.
/// </summary>
internal sealed class EditorConfigFile
{
    private EditorConfigFile(string path, bool isRoot, IReadOnlyList<EditorConfigSection> sections)
    {
        Path = path;
        IsRoot = isRoot;
        Sections = sections;
        Directory = System.IO.Path.GetDirectoryName(path)!;
    }

    public string Path { get; }

    /// <summary>The folder the file is in; section names are relative to it.</summary>
    public string Directory { get; }

    /// <summary><c>root = true</c> before the first section: no .editorconfig further up applies.</summary>
    public bool IsRoot { get; }

    public IReadOnlyList<EditorConfigSection> Sections { get; }

    public static EditorConfigFile Parse(string path, string text)
    {
        var isRoot = false;
        var sections = new List<EditorConfigSection>();
        string? sectionName = null;
        var properties = new List<EditorConfigProperty>();
        var lineNumber = 0;
        foreach (var rawLine in text.Split('\n'))
        {
            lineNumber++;
            var line = rawLine.TrimEnd('\r').Trim();
            if (line.Length == 0 || line[0] is '#' or ';')
            {
                continue;
            }

            if (TryParseSectionHeader(line, out var name))
            {
                Close();
                sectionName = name;
                properties = new List<EditorConfigProperty>();
                continue;
            }

            if (TryParseProperty(line, lineNumber, out var property))
            {
                if (sectionName is null)
                {
                    isRoot = property.Key == "root" ? property.Value.Equals("true", StringComparison.OrdinalIgnoreCase) : isRoot;
                }
                else
                {
                    properties.Add(property);
                }
            }
        }

        Close();
        return new EditorConfigFile(path, isRoot, sections);

        void Close()
        {
            if (sectionName is not null)
            {
                sections.Add(new EditorConfigSection(sectionName, SectionNameMatcher.TryCreate(sectionName), properties));
            }
        }
    }

    /// <summary>The sections that apply to <paramref name="fullPath"/>, a file in this file's folder or below it.</summary>
    public IEnumerable<EditorConfigSection> SectionsFor(string fullPath)
    {
        var relative = System.IO.Path.GetRelativePath(Directory, fullPath).Replace(System.IO.Path.DirectorySeparatorChar, '/');
        if (relative.StartsWith("../", StringComparison.Ordinal) || System.IO.Path.IsPathRooted(relative))
        {
            yield break;
        }

        relative = "/" + relative;
        foreach (var section in Sections)
        {
            if (section.Matcher?.IsMatch(relative) == true)
            {
                yield return section;
            }
        }
    }

    /// <summary><c>[name]</c> with an optional trailing comment; '#' and ';' in the name only escaped.</summary>
    private static bool TryParseSectionHeader(string line, out string name)
    {
        name = string.Empty;
        if (line[0] != '[')
        {
            return false;
        }

        // The name runs to the last ']' that only white space or a comment follows.
        var end = -1;
        for (var index = 1; index < line.Length; index++)
        {
            var character = line[index];
            if (character == '\\' && index + 1 < line.Length && line[index + 1] is '#' or ';')
            {
                index++;
            }
            else if (character is '#' or ';')
            {
                break;
            }
            else if (character == ']')
            {
                end = index;
            }
        }

        if (end < 2 || !IsBlankOrComment(line.AsSpan(end + 1)))
        {
            return false;
        }

        name = line[1..end];
        return true;
    }

    private static bool TryParseProperty(string line, int lineNumber, out EditorConfigProperty property)
    {
        property = default;
        var keyEnd = 0;
        while (keyEnd < line.Length && (char.IsLetterOrDigit(line[keyEnd]) || line[keyEnd] is '.' or '-' or '_'))
        {
            keyEnd++;
        }

        var separator = keyEnd;
        while (separator < line.Length && char.IsWhiteSpace(line[separator]))
        {
            separator++;
        }

        if (keyEnd == 0 || separator >= line.Length || line[separator] is not ('=' or ':'))
        {
            return false;
        }

        var value = line[(separator + 1)..];
        var comment = value.AsSpan().IndexOfAny('#', ';');
        if (comment >= 0)
        {
            value = value[..comment];
        }

        property = new EditorConfigProperty(line[..keyEnd].ToLowerInvariant(), value.Trim(), lineNumber);
        return true;
    }

    private static bool IsBlankOrComment(ReadOnlySpan<char> rest)
    {
        rest = rest.TrimStart();
        return rest.IsEmpty || rest[0] is '#' or ';';
    }

    /// <summary>Reads and parses <paramref name="path"/>; an unreadable file counts as absent.</summary>
    public static EditorConfigFile? TryLoad(string path)
    {
        try
        {
            return File.Exists(path) ? Parse(path, File.ReadAllText(path)) : null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}

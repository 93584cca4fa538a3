using System.Collections.Generic;
using System.Text;

namespace DockerDsl.Core.Text.Syntax;

/// <summary>
/// Reads Dockerfile text into a syntax tree exactly as BuildKit's parser.Parse does
/// (moby/buildkit frontend/dockerfile/parser): directives, continuations, comments, heredocs and the
/// per-instruction line parsers. It throws nothing but <see cref="DockerfileParseException"/>.
/// </summary>
public static class DockerfileParser
{
    private const string EmptyContinuationDetail = "Empty continuation lines will become errors in a future release";
    private const string EmptyContinuationUrl = "https://docs.docker.com/go/dockerfile/rule/no-empty-continuation/";

    private static readonly UTF8Encoding Utf8 = new(false, false);

    /// <summary>Parses UTF-8 bytes; invalid sequences read as U+FFFD.</summary>
    public static DockerfileParseResult Parse(byte[] utf8)
    {
        if (utf8 == null)
        {
            throw new DockerfileParseException("no Dockerfile text", 0, 0);
        }

        return Parse(Utf8.GetString(utf8));
    }

    /// <summary>Parses Dockerfile text; a leading byte order mark is ignored, as BuildKit does.</summary>
    public static DockerfileParseResult Parse(string text)
    {
        if (text == null)
        {
            throw new DockerfileParseException("no Dockerfile text", 0, 0);
        }

        try
        {
            return new Run(SanitizeSurrogates(text)).Parse();
        }
        catch (DockerfileParseException)
        {
            throw;
        }
        catch (System.Exception e) when (e is not System.OutOfMemoryException)
        {
            // A bug here must still reach callers as the one documented error type.
            throw new DockerfileParseException("internal parser error: " + e.Message, 0, 0);
        }
    }

    /// <summary>
    /// BuildKit's ParseDirective: the <c># name=value</c> directive among the leading comment lines (after a
    /// byte order mark and a <c>#!</c> line), read without trimming indentation; null when there is none.
    /// </summary>
    public static ParserDirective? FindDirective(string text, string name) =>
        text == null || name == null ? null : DirectiveDetector.Find(name.ToLowerInvariant(), text, anyFormat: false);

    /// <summary>
    /// BuildKit's DetectSyntax, which picks the frontend: a <c># syntax=</c> directive, else <c>// syntax=</c>,
    /// else a whole-file JSON object <c>{"syntax": "..."}</c>. The image is <see cref="ParserDirective.Value"/> up to its first space.
    /// </summary>
    public static ParserDirective? DetectSyntax(string text) =>
        text == null ? null : DirectiveDetector.Find("syntax", text, anyFormat: true);

    // Lone surrogates cannot come from UTF-8; read them as U+FFFD like any other bad input.
    private static string SanitizeSurrogates(string text)
    {
        char[]? chars = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (!char.IsSurrogate(c))
            {
                continue;
            }

            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            chars ??= text.ToCharArray();
            chars[i] = '\uFFFD';
        }

        return chars == null ? text : new string(chars);
    }

    // One parse: the state BuildKit's Parse keeps in locals.
    private sealed class Run
    {
        private readonly LineScanner _scanner;
        private readonly DirectiveReader _directiveReader = new();
        private readonly List<ParserDirective> _directives = new();
        private readonly List<DockerfileNode> _children = new();
        private readonly List<ParseWarning> _warnings = new();
        private List<DockerfileComment> _comments = new();
        private char _escape = '\\';
        private int _currentLine;

        public Run(string text)
        {
            _scanner = new LineScanner(text);
        }

        public DockerfileParseResult Parse()
        {
            while (_scanner.Next(out var raw))
            {
                var bytesRead = raw;
                var column = 1;
                if (_currentLine == 0 && bytesRead.Length > 0 && bytesRead[0] == '\uFEFF')
                {
                    bytesRead = bytesRead.Substring(1);
                }

                if (IsComment(bytesRead))
                {
                    var comment = GoText.TrimSpace(bytesRead.Substring(1));
                    if (comment.Length == 0)
                    {
                        _comments.Clear();
                    }
                    else
                    {
                        _comments.Add(new DockerfileComment(comment, _currentLine + 1));
                    }
                }

                var withoutNewline = ParserText.TrimNewline(bytesRead);
                var processed = ProcessLine(withoutNewline, stripLeftWhitespace: true, out var directiveOk);
                if (directiveOk && _comments.Count > 0)
                {
                    _comments.RemoveAt(_comments.Count - 1);
                }

                _currentLine++;
                var startLine = _currentLine;
                var first = TrimContinuation(processed, out var isEndOfLine);
                if (isEndOfLine && first.Length == 0)
                {
                    continue;
                }

                column += withoutNewline.Length - processed.Length;
                var line = ReadContinuation(first, isEndOfLine, out var emptyLines);
                if (emptyLines != null)
                {
                    _warnings.Add(new ParseWarning(
                        "Empty continuation line found in: " + line,
                        EmptyContinuationDetail,
                        EmptyContinuationUrl,
                        _currentLine,
                        emptyLines));
                }

                DockerfileNode child;
                try
                {
                    child = NodeBuilder.Build(line, _escape, column);
                }
                catch (LineParseException e)
                {
                    throw new DockerfileParseException(e.Message, startLine, _currentLine);
                }

                if (CanContainHeredoc(child) && line.Contains("<<"))
                {
                    child.Heredocs = ReadHeredocs(line, startLine);
                }

                // A nested ONBUILD instruction gets the lines of its ONBUILD (BuildKit leaves them 0).
                for (var node = child; ; node = node.Children[0])
                {
                    node.StartLine = startLine;
                    node.EndLine = _currentLine;
                    if (node.Children.Count == 0)
                    {
                        break;
                    }
                }

                if (_comments.Count > 0)
                {
                    child.PrevComment = _comments;
                    _comments = new List<DockerfileComment>();
                }
                _children.Add(child);
            }

            if (_children.Count == 0)
            {
                throw new DockerfileParseException("file with no instructions", _currentLine, 0);
            }

            if (_scanner.TooLong)
            {
                throw new DockerfileParseException($"dockerfile line greater than max allowed size of {LineScanner.MaxLineBytes}", _currentLine + 1, 0);
            }

            var root = new DockerfileNode(string.Empty, null, _children, false, string.Empty, 0, 0, null)
            {
                IsRoot = true,
                StartLine = _children[0].StartLine,
                EndLine = _children[_children.Count - 1].EndLine,
                StartColumn = 1,
            };
            return new DockerfileParseResult(root, _warnings, _escape, _directives);
        }

        // The continuation lines of an instruction: comments skipped, empty lines noted, the rest joined.
        private string ReadContinuation(string first, bool isEndOfLine, out List<int>? emptyLines)
        {
            emptyLines = null;
            if (isEndOfLine)
            {
                return first;
            }

            var builder = new StringBuilder(first);
            while (!isEndOfLine && _scanner.Next(out var raw))
            {
                var processed = ProcessLine(raw, stripLeftWhitespace: false, out _);
                _currentLine++;
                if (IsComment(raw))
                {
                    continue;
                }

                if (GoText.TrimLeftSpace(ParserText.TrimNewline(processed)).Length == 0)
                {
                    (emptyLines ??= new List<int>()).Add(_currentLine);
                    continue;
                }

                builder.Append(TrimContinuation(processed, out isEndOfLine));
            }

            return builder.ToString();
        }

        private List<Heredoc> ReadHeredocs(string line, int startLine)
        {
            List<HeredocWord> words;
            try
            {
                words = HeredocWord.FromLine(line);
            }
            catch (LexException e)
            {
                throw new DockerfileParseException(e.Message, startLine, _currentLine);
            }

            var heredocs = new List<Heredoc>(words.Count);
            foreach (var word in words)
            {
                var content = new StringBuilder();
                var terminated = false;
                while (_scanner.Next(out var raw))
                {
                    _currentLine++;
                    var possibleTerminator = ParserText.TrimNewline(raw);
                    if (word.Chomp)
                    {
                        possibleTerminator = possibleTerminator.TrimStart('\t');
                    }

                    if (possibleTerminator == word.Name)
                    {
                        terminated = true;
                        break;
                    }

                    content.Append(raw);
                }

                if (!terminated)
                {
                    throw new DockerfileParseException("unterminated heredoc", startLine, _currentLine);
                }

                heredocs.Add(new Heredoc(word.Name, content.ToString(), word.Expand, word.Chomp, word.FileDescriptor));
            }

            return heredocs;
        }

        // processLine: newline trimmed, indentation too on a first line, directive checked, a comment emptied.
        private string ProcessLine(string token, bool stripLeftWhitespace, out bool directiveOk)
        {
            token = ParserText.TrimNewline(token);
            if (stripLeftWhitespace)
            {
                token = GoText.TrimLeftSpace(token);
            }

            directiveOk = ReadDirective(token);
            return IsComment(token) ? string.Empty : token;
        }

        private bool ReadDirective(string line)
        {
            if (_directiveReader.Done)
            {
                return false;
            }

            ParserDirective? directive;
            try
            {
                directive = _directiveReader.ReadLine(line);
            }
            catch (DirectiveException e)
            {
                throw new DockerfileParseException(e.Message, _currentLine + 1, 0);
            }

            if (directive == null)
            {
                return false;
            }

            if (directive.Name == "escape")
            {
                if (directive.Value != "`" && directive.Value != "\\")
                {
                    throw new DockerfileParseException($"invalid escape token '{directive.Value}' does not match ` or \\", _currentLine + 1, 0);
                }

                _escape = directive.Value[0];
            }

            _directives.Add(directive);
            return true;
        }

        // The line-continuation regexp ([^E])E[ \t]*$|^E[ \t]*$ for the escape token E, without the regexp.
        private string TrimContinuation(string line, out bool isEndOfLine)
        {
            var end = line.Length;
            while (end > 0 && (line[end - 1] == ' ' || line[end - 1] == '\t'))
            {
                end--;
            }

            if (end == 0 || line[end - 1] != _escape || (end >= 2 && line[end - 2] == _escape))
            {
                isEndOfLine = true;
                return line;
            }

            isEndOfLine = false;
            return line.Substring(0, end - 1);
        }

        private static bool IsComment(string line)
        {
            var start = GoText.SkipSpace(line, 0);
            return start < line.Length && line[start] == '#';
        }

        // Heredocs are read for RUN, COPY and ADD in shell form, also under ONBUILD.
        private static bool CanContainHeredoc(DockerfileNode node)
        {
            if (node.Value == "onbuild" && node.Children.Count > 0)
            {
                node = node.Children[0];
            }

            return (node.Value == "run" || node.Value == "copy" || node.Value == "add") && !node.IsJson;
        }
    }
}

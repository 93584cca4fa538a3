namespace DockerDsl.Core.Text.Syntax;

/// <summary>A comment line collected before an instruction, as BuildKit's PrevComment, with the line it is on.</summary>
/// <param name="Text">The text after the first character of the line, trimmed (BuildKit's own quirk keeps the <c>#</c> of an indented comment).</param>
/// <param name="Line">The 1-based line.</param>
public sealed record DockerfileComment(string Text, int Line);

using System.Collections.Generic;

namespace DockerDsl.Core.Text.Syntax;

/// <summary>
/// A warning of BuildKit's parser: an instruction continued over an empty line. BuildKit places it at
/// <see cref="Line"/>, the instruction's last line; <see cref="EmptyLines"/> are the empty lines themselves.
/// </summary>
/// <param name="Short">BuildKit's text: <c>Empty continuation line found in: </c> and the joined instruction.</param>
/// <param name="Detail">BuildKit's detail line.</param>
/// <param name="Url">The documentation page of the NoEmptyContinuation rule.</param>
/// <param name="Line">The 1-based line BuildKit reports: the last line of the instruction.</param>
/// <param name="EmptyLines">The 1-based lines that were empty inside the continuation.</param>
public sealed record ParseWarning(string Short, string Detail, string Url, int Line, IReadOnlyList<int> EmptyLines);
